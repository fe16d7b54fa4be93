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

from kiosk.app import build_kiosk
from kiosk.content.editing import ContentEditor
from kiosk.services.pin import hash_pin
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.ui.conftest import advance, watching

MakeKiosk = Callable[..., KioskWindow]
PIN = "258013"


@pytest.fixture
def site_with_pin(content_copy: Path) -> Path:
    assert ContentEditor(content_copy).save_site({"staff.pin_hash": hash_pin(PIN)}).saved
    return content_copy


@pytest.fixture
def in_staff(make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock) -> KioskWindow:
    """A kiosk with staff mode open, as after the corner hold and the right PIN."""
    kiosk = make_kiosk(content=site_with_pin)
    open_staff(kiosk, fake_clock)
    return kiosk


def enter_pin(kiosk: KioskWindow, pin: str) -> None:
    for digit in pin:
        QTest.mouseClick(kiosk.staff.pad.keys[digit], Qt.MouseButton.LeftButton)
    QTest.mouseClick(kiosk.staff.pad.keys["OK"], Qt.MouseButton.LeftButton)


def hold_corner(kiosk: KioskWindow, clock: FakeClock, seconds: float = 3.0) -> None:
    QTest.mousePress(kiosk, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    advance(clock, seconds)
    QTest.mouseRelease(kiosk, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def open_staff(kiosk: KioskWindow, clock: FakeClock) -> None:
    hold_corner(kiosk, clock)
    enter_pin(kiosk, PIN)
    assert kiosk.pages.currentWidget() is kiosk.staff.screen


def click_and_wait_for_the_store(qtbot: QtBot, kiosk: KioskWindow, button: object) -> None:
    """A save or undo runs on the content store's worker thread; its answer comes back as a signal."""
    with qtbot.waitSignal(kiosk.store.save_finished, timeout=10_000):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[call-overload]


def test_a_three_second_hold_in_the_corner_opens_the_pin_pad(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(content=site_with_pin)
    hold_corner(kiosk, fake_clock)
    assert kiosk.staff.pad.isVisible()


def test_staff_get_in_when_the_kiosk_starts_with_no_slide_to_show(
    qtbot: QtBot, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    """No slide is painted at such a start (the out-of-service notice is), and staff are who can fix it.
    Built here, not by make_kiosk: that fixture waits for "Lees voor", which builds staff mode's way in
    on its own."""
    for slide in (site_with_pin / "slides").glob("*.md"):
        slide.unlink()
    kiosk = build_kiosk(site_with_pin, clock=fake_clock)
    try:
        kiosk.resize(1920, 1080)
        kiosk.show()
        assert QTest.qWaitForWindowExposed(kiosk)
        assert kiosk.pages.currentWidget() is kiosk.out_of_service
        qtbot.wait(50)  # a moment after the notice is on screen
        hold_corner(kiosk, fake_clock)
        assert kiosk.pages.currentWidget() is kiosk.staff.pad
    finally:
        kiosk.quit_cleanly()
        kiosk.deleteLater()


def test_a_shorter_hold_in_the_corner_does_not(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(content=site_with_pin)
    hold_corner(kiosk, fake_clock, seconds=2.9)
    advance(fake_clock, 5)
    assert kiosk.pages.currentWidget() is not kiosk.staff.pad


def test_right_pin_opens_staff_mode_wrong_pin_says_so(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(content=site_with_pin)
    hold_corner(kiosk, fake_clock)
    enter_pin(kiosk, "1111")
    assert kiosk.pages.currentWidget() is kiosk.staff.pad
    assert kiosk.staff.pad.message.text() == "Die pincode klopt niet."
    enter_pin(kiosk, PIN)
    assert kiosk.pages.currentWidget() is kiosk.staff.screen
    assert kiosk.staff.screen.banner.text() == "Medewerkersmodus"


def test_five_wrong_pins_lock_the_pad_for_five_minutes_whatever_the_wall_clock_does(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(content=site_with_pin)
    hold_corner(kiosk, fake_clock)
    for _ in range(5):
        enter_pin(kiosk, "1111")
    enter_pin(kiosk, PIN)
    assert kiosk.pages.currentWidget() is kiosk.staff.pad
    assert "Te vaak een verkeerde pincode" in kiosk.staff.pad.message.text()
    fake_clock.set_wall_time(fake_clock.now() - dt.timedelta(hours=2))  # someone sets the clock back
    advance(fake_clock, 4 * 60 - 3)  # the pad closed with the idle timeout meanwhile
    hold_corner(kiosk, fake_clock)
    enter_pin(kiosk, PIN)
    assert kiosk.pages.currentWidget() is kiosk.staff.pad  # four minutes: still locked
    advance(fake_clock, 60)
    enter_pin(kiosk, PIN)
    assert kiosk.pages.currentWidget() is kiosk.staff.screen  # five: open, not two hours and five


def test_staff_reorder_hide_and_edit_then_the_loop_shows_it(qtbot: QtBot, in_staff: KioskWindow) -> None:
    kiosk = in_staff
    tab = kiosk.staff.screen.slides
    first, second, third = (tab.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(3))
    tab.list.setCurrentRow(0)
    QTest.mouseClick(tab.down, Qt.MouseButton.LeftButton)  # first slide becomes second
    tab.list.item(2).setCheckState(Qt.CheckState.Unchecked)  # hide the third
    tab.list.setCurrentRow(0)
    tab.title.setText("Welkom in de wachtkamer")
    with qtbot.waitSignals([kiosk.store.save_finished] * 2, timeout=10_000):  # site.toml, then the slide
        QTest.mouseClick(tab.save, Qt.MouseButton.LeftButton)
    assert kiosk.staff.screen.message.text().startswith("Opgeslagen")
    QTest.mouseClick(kiosk.staff.screen.leave, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    shown = [s.id for s in kiosk.slideshow.slides()]
    assert shown[:2] == [second, first]
    assert third not in shown
    assert kiosk.slideshow.slides()[0].title["nl"] == "Welkom in de wachtkamer"


def test_an_invalid_edit_is_refused_in_plain_words(
    qtbot: QtBot, in_staff: KioskWindow, site_with_pin: Path
) -> None:
    kiosk = in_staff
    before = (site_with_pin / "site.toml").read_text(encoding="utf-8")
    contact = kiosk.staff.screen.contact
    contact.qr_url.setText("geen adres")
    click_and_wait_for_the_store(qtbot, kiosk, contact.save)
    message = kiosk.staff.screen.message.text()
    assert message.startswith("Niet opgeslagen")
    assert "QR-adres: 'geen adres' is geen webadres. Begin het adres met https://" in message
    assert (site_with_pin / "site.toml").read_text(encoding="utf-8") == before


def test_the_contact_tab_previews_the_qr_live(in_staff: KioskWindow) -> None:
    kiosk = in_staff
    contact = kiosk.staff.screen.contact
    contact.qr_url.setText("https://praktijk.nl/hulp")
    contact.campaign.setText("")
    assert contact.qr_preview.payload == "https://praktijk.nl/hulp"


def test_undo_brings_back_the_previous_save(qtbot: QtBot, in_staff: KioskWindow) -> None:
    kiosk = in_staff
    contact = kiosk.staff.screen.contact
    contact.name.setText("Praktijk De Linde")
    click_and_wait_for_the_store(qtbot, kiosk, contact.save)
    assert kiosk.top_bar.name.text() == "Praktijk De Linde"
    click_and_wait_for_the_store(qtbot, kiosk, kiosk.staff.screen.status.undo)
    assert kiosk.top_bar.name.text() == "MindFitPro"


def test_staff_mode_closes_itself_when_left_alone(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(content=site_with_pin)
    open_staff(kiosk, fake_clock)
    advance(fake_clock, 179)  # staff's own three minutes, not the visitors' one
    assert kiosk.staff.active and kiosk.pages.currentWidget() is kiosk.staff.screen
    advance(fake_clock, 1)
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    assert not kiosk.staff.active


def test_only_staff_mode_can_quit_the_kiosk(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(content=site_with_pin)
    assert not kiosk.close()
    open_staff(kiosk, fake_clock)
    screen = kiosk.staff.screen
    screen.tabs.setCurrentWidget(screen.status)
    QTest.mouseClick(screen.status.quit, Qt.MouseButton.LeftButton)
    assert kiosk.isVisible()  # a question first, then a confirmation in plain words
    QTest.mouseClick(screen.question.buttons["maintenance"], Qt.MouseButton.LeftButton)
    assert kiosk.isVisible()
    assert "blijft dan zwart tot iemand de kiosk weer aanzet" in screen.question.text.text()
    QTest.mouseClick(screen.question.buttons["maintenance-confirm"], Qt.MouseButton.LeftButton)
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


def test_outside_opening_hours_the_kiosk_shows_closed_and_comes_back(
    make_kiosk: MakeKiosk, content_copy: Path, fake_clock: FakeClock
) -> None:
    editor = ContentEditor(content_copy)
    assert editor.save_site(
        {
            "schedule.days": ["mon", "tue", "wed", "thu", "fri"],
            "schedule.opens": "08:00",
            "schedule.closes": "17:30",
        }
    ).saved
    fake_clock.set_wall_time(dt.datetime(2026, 11, 25, 20, 0))  # a Wednesday evening
    kiosk = make_kiosk(content=content_copy)
    assert kiosk.pages.currentWidget() is kiosk.closed
    assert kiosk.closed.detail == "Open: 08:00 – 17:30"
    advance(fake_clock, (12 * 60 + 4) * 60)  # Thursday 08:04
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    assert kiosk.slideshow.is_playing()
    fake_clock.set_wall_time(dt.datetime(2026, 11, 28, 10, 0))  # Saturday (not two days of slides later)
    advance(fake_clock, 30)  # the next look at the schedule
    assert kiosk.pages.currentWidget() is kiosk.closed


def test_a_dark_schedule_paints_black(
    make_kiosk: MakeKiosk, content_copy: Path, fake_clock: FakeClock
) -> None:
    assert (
        ContentEditor(content_copy)
        .save_site({"schedule.opens": "08:00", "schedule.closes": "17:00", "schedule.outside_hours": "dark"})
        .saved
    )
    fake_clock.set_wall_time(dt.datetime(2026, 11, 25, 23, 0))
    kiosk = make_kiosk(content=content_copy)
    image = kiosk.grab().toImage()
    assert {image.pixelColor(x, 500).name() for x in range(0, 1920, 50)} == {"#000000"}


def test_a_campaign_slide_comes_and_goes_at_midnight_without_opening_hours(
    make_kiosk: MakeKiosk, content_copy: Path, fake_clock: FakeClock
) -> None:
    assert (
        ContentEditor(content_copy)
        .save_slide(
            "040-onderzoek", "nl", {"shown_from": dt.date(2026, 3, 1), "shown_until": dt.date(2026, 3, 30)}
        )
        .saved
    )
    fake_clock.set_wall_time(dt.datetime(2026, 2, 28, 23, 50))
    kiosk = make_kiosk(content=content_copy)
    assert kiosk.content.site.schedule.opens is None  # always open: no schedule change to wake it
    assert "040-onderzoek" not in [s.id for s in kiosk.slideshow.slides()]
    advance(fake_clock, 15 * 60)  # 1 March, 00:05
    assert "040-onderzoek" in [s.id for s in kiosk.slideshow.slides()]
    fake_clock.set_wall_time(dt.datetime(2026, 3, 30, 23, 59))
    advance(fake_clock, 60)  # 31 March
    assert "040-onderzoek" not in [s.id for s in kiosk.slideshow.slides()]


def test_when_no_slide_is_due_yet_the_kiosk_waits_and_then_plays_by_itself(
    make_kiosk: MakeKiosk, content_copy: Path, fake_clock: FakeClock
) -> None:
    for slide in (content_copy / "slides").glob("*.nl.md"):
        text = slide.read_text(encoding="utf-8")
        slide.write_text(text.replace("+++\n", "+++\nshown_from = 2026-06-02\n", 1), encoding="utf-8")
    fake_clock.set_wall_time(dt.datetime(2026, 6, 1, 22, 0))  # the clinic set it all up the evening before
    kiosk = make_kiosk(content=content_copy)
    assert kiosk.pages.currentWidget() is kiosk.out_of_service
    advance(fake_clock, 2.5 * 3600)
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    assert kiosk.slideshow.is_playing() and kiosk.slideshow.slides()


def settle_outside_edit(qtbot: QtBot, kiosk: KioskWindow, clock: FakeClock, signal: object) -> None:
    """Wait for the OS to report the edit, let one second pass on the kiosk's clock, then wait for the
    content store's worker to answer with `signal`."""
    qtbot.waitUntil(watching(qtbot, kiosk).noticed_a_change, timeout=5000)  # inotify, not the kiosk
    with qtbot.waitSignal(signal, timeout=10_000):
        advance(clock, 1.0)


def test_an_outside_edit_shows_within_a_second(
    qtbot: QtBot, make_kiosk: MakeKiosk, content_copy: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(content=content_copy, watch=True)
    watching(qtbot, kiosk)
    slide = content_copy / "slides" / "020-wat-is-oxytocine.nl.md"
    slide.write_text(
        slide.read_text(encoding="utf-8").replace("Wat is oxytocine?", "Oxytocine, wat is dat?"),
        encoding="utf-8",
    )
    settle_outside_edit(qtbot, kiosk, fake_clock, kiosk.store.content_changed)
    assert kiosk.slideshow.slides()[1].title["nl"] == "Oxytocine, wat is dat?"


def test_a_broken_outside_edit_keeps_the_last_good_content_and_staff_see_why(
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    content_copy: Path,
    fake_clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    kiosk = make_kiosk(content=content_copy, watch=True)
    watching(qtbot, kiosk)
    before = [s.id for s in kiosk.slideshow.slides()]
    with caplog.at_level(logging.ERROR):
        (content_copy / "site.toml").write_text("[clinic\nname = 'kapot'\n", encoding="utf-8")
        settle_outside_edit(qtbot, kiosk, fake_clock, kiosk.store.change_refused)
    assert "the last good content stays" in caplog.text
    assert [s.id for s in kiosk.slideshow.slides()] == before
    assert kiosk.content.site.clinic.name == "MindFitPro"
    assert any("site.toml" in str(p) for p in kiosk.store.refusal)  # what staff status lists


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
