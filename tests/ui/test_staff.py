"""Staff mode: a hidden way in, a PIN, edits that are checked and saved safely, and a kiosk that follows."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.content.editing import ContentEditor
from kiosk.services.pin import hash_pin
from kiosk.ui.window import KioskWindow

MakeKiosk = Callable[..., KioskWindow]
PIN = "2580"


@pytest.fixture
def site_with_pin(content_copy: Path) -> Path:
    assert ContentEditor(content_copy).save_site({"staff.pin_hash": hash_pin(PIN)}).saved
    return content_copy


@pytest.fixture
def in_staff(qtbot: QtBot, make_kiosk: MakeKiosk, site_with_pin: Path) -> KioskWindow:
    """A kiosk with staff mode open, as after the corner hold and the right PIN."""
    kiosk = make_kiosk(content=site_with_pin, time_scale=0.01)
    open_staff(qtbot, kiosk)
    return kiosk


def enter_pin(kiosk: KioskWindow, pin: str) -> None:
    for digit in pin:
        QTest.mouseClick(kiosk.staff.pad.keys[digit], Qt.MouseButton.LeftButton)
    QTest.mouseClick(kiosk.staff.pad.keys["OK"], Qt.MouseButton.LeftButton)


def hold_corner(qtbot: QtBot, kiosk: KioskWindow) -> None:
    QTest.mousePress(kiosk, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.staff.pad, timeout=2000)
    QTest.mouseRelease(kiosk, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def open_staff(qtbot: QtBot, kiosk: KioskWindow) -> None:
    hold_corner(qtbot, kiosk)
    enter_pin(kiosk, PIN)
    assert kiosk.pages.currentWidget() is kiosk.staff.screen


def test_a_three_second_hold_in_the_corner_opens_the_pin_pad(
    qtbot: QtBot, make_kiosk: MakeKiosk, site_with_pin: Path
) -> None:
    kiosk = make_kiosk(content=site_with_pin, time_scale=0.01)  # 3 s → 30 ms
    hold_corner(qtbot, kiosk)
    assert kiosk.staff.pad.isVisible()


def test_a_short_tap_in_the_corner_does_not(qtbot: QtBot, make_kiosk: MakeKiosk, site_with_pin: Path) -> None:
    kiosk = make_kiosk(content=site_with_pin, time_scale=0.05)  # 150 ms
    QTest.mouseClick(kiosk, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.wait(300)
    assert kiosk.pages.currentWidget() is not kiosk.staff.pad


def test_right_pin_opens_staff_mode_wrong_pin_says_so(
    qtbot: QtBot, make_kiosk: MakeKiosk, site_with_pin: Path
) -> None:
    kiosk = make_kiosk(content=site_with_pin, time_scale=0.01)
    hold_corner(qtbot, kiosk)
    enter_pin(kiosk, "1111")
    assert kiosk.pages.currentWidget() is kiosk.staff.pad
    assert kiosk.staff.pad.message.text() == "Die pincode klopt niet."
    enter_pin(kiosk, PIN)
    assert kiosk.pages.currentWidget() is kiosk.staff.screen
    assert kiosk.staff.screen.banner.text() == "Medewerkersmodus"


def test_five_wrong_pins_lock_the_pad(qtbot: QtBot, make_kiosk: MakeKiosk, site_with_pin: Path) -> None:
    kiosk = make_kiosk(content=site_with_pin, time_scale=0.01)
    hold_corner(qtbot, kiosk)
    for _ in range(5):
        enter_pin(kiosk, "1111")
    enter_pin(kiosk, PIN)
    assert kiosk.pages.currentWidget() is kiosk.staff.pad
    assert "Te vaak een verkeerde pincode" in kiosk.staff.pad.message.text()


def test_staff_reorder_hide_and_edit_then_the_loop_shows_it(in_staff: KioskWindow) -> None:
    kiosk = in_staff
    tab = kiosk.staff.screen.slides
    first, second, third = (tab.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(3))
    tab.list.setCurrentRow(0)
    QTest.mouseClick(tab.down, Qt.MouseButton.LeftButton)  # first slide becomes second
    tab.list.item(2).setCheckState(Qt.CheckState.Unchecked)  # hide the third
    QTest.mouseClick(tab.save_order, Qt.MouseButton.LeftButton)
    assert kiosk.staff.screen.message.text().startswith("Opgeslagen")
    tab.list.setCurrentRow(0)
    tab.title.setText("Welkom in de wachtkamer")
    QTest.mouseClick(tab.save, Qt.MouseButton.LeftButton)
    assert kiosk.staff.screen.message.text().startswith("Opgeslagen")
    QTest.mouseClick(kiosk.staff.screen.leave, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    shown = [s.id for s in kiosk.slideshow.slides()]
    assert shown[:2] == [second, first]
    assert third not in shown
    assert kiosk.slideshow.slides()[0].title["nl"] == "Welkom in de wachtkamer"


def test_an_invalid_edit_is_refused_in_plain_words(in_staff: KioskWindow, site_with_pin: Path) -> None:
    kiosk = in_staff
    before = (site_with_pin / "site.toml").read_text(encoding="utf-8")
    contact = kiosk.staff.screen.contact
    contact.qr_url.setText("geen adres")
    QTest.mouseClick(contact.save, Qt.MouseButton.LeftButton)
    message = kiosk.staff.screen.message.text()
    assert message.startswith("Niet opgeslagen")
    assert "qr.url: 'geen adres' is not a web address" in message
    assert (site_with_pin / "site.toml").read_text(encoding="utf-8") == before


def test_the_contact_tab_previews_the_qr_live(in_staff: KioskWindow) -> None:
    kiosk = in_staff
    contact = kiosk.staff.screen.contact
    contact.qr_url.setText("https://praktijk.nl/hulp")
    contact.campaign.setText("")
    assert contact.qr_preview.payload == "https://praktijk.nl/hulp"


def test_undo_brings_back_the_previous_save(in_staff: KioskWindow) -> None:
    kiosk = in_staff
    contact = kiosk.staff.screen.contact
    contact.name.setText("Praktijk De Linde")
    QTest.mouseClick(contact.save, Qt.MouseButton.LeftButton)
    assert kiosk.content.site.clinic.name == "Praktijk De Linde"
    QTest.mouseClick(kiosk.staff.screen.status.undo, Qt.MouseButton.LeftButton)
    assert kiosk.content.site.clinic.name == "MindFitPro"


def test_staff_mode_closes_itself_when_left_alone(
    qtbot: QtBot, make_kiosk: MakeKiosk, site_with_pin: Path
) -> None:
    kiosk = make_kiosk(content=site_with_pin, time_scale=0.005)  # 180 s → 0.9 s (visitors' 60 s → 0.3 s)
    open_staff(qtbot, kiosk)
    assert kiosk.idle.is_counting() and kiosk.idle.timeout_ms() == 900  # staff's own timeout, not visitors'
    with qtbot.waitSignal(kiosk.returned_to_loop, timeout=5000):
        pass
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    assert not kiosk.staff.active


def test_only_staff_mode_can_quit_the_kiosk(qtbot: QtBot, make_kiosk: MakeKiosk, site_with_pin: Path) -> None:
    kiosk = make_kiosk(content=site_with_pin, time_scale=0.01)
    assert not kiosk.close()
    open_staff(qtbot, kiosk)
    kiosk.staff.screen.tabs.setCurrentWidget(kiosk.staff.screen.status)
    QTest.mouseClick(kiosk.staff.screen.status.quit, Qt.MouseButton.LeftButton)
    assert not kiosk.isVisible()
    assert kiosk.quit_for_maintenance  # exit 75: the service manager leaves it down


def test_the_on_screen_keyboard_types_into_the_field(qtbot: QtBot, in_staff: KioskWindow) -> None:
    kiosk = in_staff
    kiosk.staff.screen.tabs.setCurrentWidget(kiosk.staff.screen.contact)
    field = kiosk.staff.screen.contact.phone
    field.clear()
    field.setFocus()
    qtbot.waitUntil(lambda: kiosk.staff.screen.keyboard.isVisible(), timeout=1000)
    for key in "030⌫1":
        kiosk.staff.screen.keyboard.press(key)
    assert field.text() == "031"


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def test_outside_opening_hours_the_kiosk_shows_closed_and_comes_back(
    make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    editor = ContentEditor(content_copy)
    assert editor.save_site(
        {
            "schedule.days": ["mon", "tue", "wed", "thu", "fri"],
            "schedule.opens": "08:00",
            "schedule.closes": "17:30",
        }
    ).saved
    clock = Clock(dt.datetime(2026, 11, 25, 20, 0))  # a Wednesday evening
    kiosk = make_kiosk(content=content_copy, clock=clock)
    assert kiosk.pages.currentWidget() is kiosk.closed
    assert kiosk.closed.detail == "Open: 08:00 – 17:30"
    clock.now = dt.datetime(2026, 11, 26, 8, 5)  # Thursday morning
    kiosk.apply_schedule()
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    clock.now = dt.datetime(2026, 11, 28, 10, 0)  # Saturday
    kiosk.apply_schedule()
    assert kiosk.pages.currentWidget() is kiosk.closed


def test_a_dark_schedule_paints_black(make_kiosk: MakeKiosk, content_copy: Path) -> None:
    assert (
        ContentEditor(content_copy)
        .save_site({"schedule.opens": "08:00", "schedule.closes": "17:00", "schedule.outside_hours": "dark"})
        .saved
    )
    kiosk = make_kiosk(content=content_copy, clock=Clock(dt.datetime(2026, 11, 25, 23, 0)))
    image = kiosk.grab().toImage()
    assert {image.pixelColor(x, 500).name() for x in range(0, 1920, 50)} == {"#000000"}


def test_a_campaign_slide_shows_only_between_its_dates(make_kiosk: MakeKiosk, content_copy: Path) -> None:
    assert (
        ContentEditor(content_copy)
        .save_slide(
            "040-onderzoek", "nl", {"shown_from": dt.date(2026, 3, 1), "shown_until": dt.date(2026, 3, 30)}
        )
        .saved
    )
    in_march = make_kiosk(content=content_copy, clock=Clock(dt.datetime(2026, 3, 15, 10, 0)))
    in_april = make_kiosk(content=content_copy, clock=Clock(dt.datetime(2026, 4, 2, 10, 0)))
    assert "040-onderzoek" in [s.id for s in in_march.slideshow.slides()]
    assert "040-onderzoek" not in [s.id for s in in_april.slideshow.slides()]


def test_an_outside_edit_is_picked_up(qtbot: QtBot, make_kiosk: MakeKiosk, content_copy: Path) -> None:
    kiosk = make_kiosk(content=content_copy, watch=True)
    slide = content_copy / "slides" / "020-wat-is-oxytocine.nl.md"
    slide.write_text(
        slide.read_text(encoding="utf-8").replace("Wat is oxytocine?", "Oxytocine, wat is dat?"),
        encoding="utf-8",
    )
    qtbot.waitUntil(lambda: kiosk.slideshow.slides()[1].title["nl"] == "Oxytocine, wat is dat?", timeout=5000)


def test_a_broken_outside_edit_keeps_the_last_good_content(
    qtbot: QtBot, make_kiosk: MakeKiosk, content_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk = make_kiosk(content=content_copy, watch=True)
    before = [s.id for s in kiosk.slideshow.slides()]
    with caplog.at_level(logging.ERROR):
        (content_copy / "site.toml").write_text("[clinic\nname = 'kapot'\n", encoding="utf-8")
        qtbot.waitUntil(lambda: "keeping the last good content" in caplog.text, timeout=5000)
    assert [s.id for s in kiosk.slideshow.slides()] == before
    assert kiosk.content.site.clinic.name == "MindFitPro"


def test_preview_shows_the_edited_slide_full_size_before_saving(in_staff: KioskWindow) -> None:
    kiosk = in_staff
    tab = kiosk.staff.screen.slides
    tab.list.setCurrentRow(1)
    tab.title.setText("Een nieuwe titel")
    edited = tab.edited_slide()
    assert edited is not None and edited.title["nl"] == "Een nieuwe titel"
    QTest.mouseClick(tab.preview, Qt.MouseButton.LeftButton)
    preview = kiosk.staff.screen.preview
    assert kiosk.staff.screen.pages.currentWidget() is preview
    assert preview.pixmap().size() == kiosk.size()
    assert kiosk.content.slides[1].title["nl"] != "Een nieuwe titel"  # nothing saved by looking
    QTest.mouseClick(preview, Qt.MouseButton.LeftButton)
    assert kiosk.staff.screen.pages.currentWidget() is kiosk.staff.screen.work
