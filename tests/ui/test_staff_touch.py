"""Staff mode for fingers on any screen: every control big enough, no text cut off (portrait too), lists
and forms that a drag scrolls, the slide's text readable above the keyboard, pictures from thumbnails and
from a USB stick."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScroller,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.content.editing import ContentEditor
from kiosk.render import theme
from kiosk.ui.staff_screen import STAFF_OFF, StaffScreen
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.ui.conftest import SIZES
from tests.ui.test_staff import MakeKiosk, in_staff, open_staff, site_with_pin
from tests.ui.test_staff_edits import ENGLISH, save_and_wait, slide_file, tap

__all__ = ["in_staff", "site_with_pin"]  # fixtures shared with test_staff.py

MM12_AT_1080P = 44  # 12 mm on a 24-inch 1080p screen


def staff_at(make_kiosk: MakeKiosk, folder: Path, clock: FakeClock, size: QSize) -> StaffScreen:
    kiosk = make_kiosk(content=folder, size=size)
    open_staff(kiosk, clock)
    return kiosk.staff.screen


def every_page(screen: StaffScreen) -> Iterator[str]:
    """Each tab, with the keyboard closed and open, each question staff can be asked, the USB page."""
    for index in range(screen.tabs.count()):
        screen.show_work()
        screen.tabs.setCurrentIndex(index)
        screen.setFocus()
        QApplication.processEvents()
        yield screen.tabs.tabText(index)
    for name, field in (("Tekst", screen.slides.body), ("Website", screen.contact.website)):
        screen.tabs.setCurrentWidget(screen.slides if field is screen.slides.body else screen.contact)
        field.setFocus()
        QApplication.processEvents()
        assert screen.keyboard.isVisible()
        yield f"{name} met toetsenbord"
    screen.setFocus()
    for name, ask in (
        ("opslaan?", lambda: screen.ask_unsaved(screen.contact, lambda: None)),
        ("afsluiten?", screen.ask_quit),
        ("zeker?", screen._confirm_maintenance),
        ("sluit over", lambda: screen.warn_timeout(30)),
        ("usb", screen.show_usb),
    ):
        ask()
        QApplication.processEvents()
        yield name
    screen.show_work()


def shown(screen: StaffScreen) -> list[QWidget]:
    return [w for w in screen.findChildren(QWidget) if w.isVisible() and w.window() is screen.window()]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_staff_control_is_at_least_12_mm_on_each_side(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock, size: QSize
) -> None:
    screen = staff_at(make_kiosk, site_with_pin, fake_clock, size)
    least = theme.Metrics.for_size(size).px(MM12_AT_1080P)
    checked = 0
    for page in every_page(screen):
        for widget in shown(screen):
            if (
                isinstance(widget, QAbstractButton | QLineEdit | QComboBox)
                or widget.objectName() == "stepper-value"
            ):
                checked += 1
                assert min(widget.width(), widget.height()) >= least, (
                    page,
                    type(widget).__name__,
                    widget.text() if hasattr(widget, "text") else "",
                    widget.size(),
                )
            if isinstance(widget, QComboBox):  # the rows of its drop-down list, too
                for row in range(widget.count()):
                    checked += 1
                    assert widget.view().sizeHintForRow(row) >= least, (page, widget.itemText(row))
            if isinstance(widget, QListWidget):
                for row in range(widget.count()):
                    rect = widget.visualItemRect(widget.item(row))
                    checked += 1
                    assert min(rect.width(), rect.height()) >= least, (page, widget.item(row).text(), rect)
            if isinstance(widget, QTabBar):
                for index in range(widget.count()):
                    assert widget.tabRect(index).height() >= least, (page, widget.tabText(index))
    assert checked > 200


def button_contents(button: QPushButton | QCheckBox) -> QRect:
    """Where the style puts the label: inside border, padding and (for a tick box) the box itself."""
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    element = (
        QStyle.SubElement.SE_CheckBoxContents
        if isinstance(button, QCheckBox)
        else QStyle.SubElement.SE_PushButtonContents
    )
    return button.style().subElementRect(element, option, button)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_no_label_button_or_field_is_cut_off(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock, size: QSize
) -> None:
    long_address = "https://example.org/moeders/na-de-bevalling/hulp-en-ondersteuning-voor-jonge-ouders"
    assert ContentEditor(site_with_pin).save_site({"clinic.website": long_address}).saved
    screen = staff_at(make_kiosk, site_with_pin, fake_clock, size)
    checked = 0
    for page in every_page(screen):
        for widget in shown(screen):
            metrics = widget.fontMetrics()
            if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
                room = widget.contentsRect()
                if widget.wordWrap():
                    assert widget.heightForWidth(room.width()) <= widget.height() + 1, (page, widget.text())
                else:
                    assert metrics.horizontalAdvance(widget.text()) <= room.width(), (page, widget.text())
                assert widget.mapTo(screen, room.bottomRight()).x() <= screen.width(), (page, widget.text())
            elif isinstance(widget, QPushButton | QCheckBox) and widget.text():
                room = button_contents(widget)
                assert metrics.horizontalAdvance(widget.text()) <= room.width(), (page, widget.text(), room)
                assert widget.mapTo(screen, QPoint(widget.width(), 0)).x() <= screen.width(), (
                    page,
                    widget.text(),
                )
            elif isinstance(widget, QLineEdit) and not widget.hasFocus():
                wide = metrics.horizontalAdvance(widget.text()) > widget.contentsRect().width() - 16
                assert not wide or widget.cursorPosition() == 0, (page, widget.text())  # its start shows
            elif isinstance(widget, QListWidget) and widget.objectName() == "slide-list":
                assert widget.wordWrap() or all(
                    metrics.horizontalAdvance(widget.item(row).text()) < widget.viewport().width() - 60
                    for row in range(widget.count())
                ), page
            elif isinstance(widget, QTabBar):
                assert all(widget.rect().contains(widget.tabRect(i)) for i in range(widget.count())), page
            else:
                continue
            checked += 1
    assert checked > 150


def test_every_list_text_and_form_in_staff_mode_scrolls_with_a_drag(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    screen = staff_at(make_kiosk, site_with_pin, fake_clock, QSize(1280, 800))
    screen.show_usb()
    areas = screen.findChildren(QAbstractScrollArea)
    assert len(areas) >= 8
    for area in areas:
        drag = QScroller.grabbedGesture(area.viewport())  # a finger on a touchscreen that sends mouse events
        touch = QScroller.grabbedGesture(area)  # a touchscreen that sends touch events
        assert drag != Qt.GestureType.CustomGesture and drag.value != 0, (
            area.objectName() or type(area).__name__
        )
        assert touch.value != 0, area.objectName() or type(area).__name__


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_with_the_keyboard_open_five_lines_of_the_slides_text_stay_in_view(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock, size: QSize
) -> None:
    screen = staff_at(make_kiosk, site_with_pin, fake_clock, size)
    body = screen.slides.body
    body.setFocus()
    QApplication.processEvents()
    assert screen.keyboard.isVisible()
    area = screen.slides.fields
    text_area = body.viewport()
    top_left = text_area.mapTo(area.viewport(), QPoint(0, 0))
    in_view = QRect(top_left, text_area.size()).intersected(area.viewport().rect())
    assert in_view.height() >= 5 * body.fontMetrics().lineSpacing(), (
        in_view,
        body.fontMetrics().lineSpacing(),
    )
    assert not in_view.intersects(
        QRect(screen.keyboard.mapTo(area.viewport(), QPoint(0, 0)), screen.keyboard.size())
    )


def colour_in(widget: QWidget) -> QColor:
    return widget.grab().toImage().pixelColor(widget.width() // 2, 4)


def test_what_cannot_be_used_looks_switched_off(in_staff: KioskWindow) -> None:
    tab = in_staff.staff.screen.kiosk
    in_staff.staff.screen.tabs.setCurrentWidget(tab)
    tab.always_open.setChecked(False)
    QApplication.processEvents()
    on = colour_in(tab.opens.shown)
    tab.always_open.setChecked(True)  # "De hele dag": the opening time means nothing now
    QApplication.processEvents()
    off = colour_in(tab.opens.shown)
    assert on == QColor("#FFFFFF")
    assert off == QColor(STAFF_OFF)
    assert not tab.opens.buttons["+"].isEnabled()


def test_the_minus_and_plus_buttons_set_the_screens_hours(
    qtbot: QtBot, in_staff: KioskWindow, site_with_pin: Path
) -> None:
    tab = in_staff.staff.screen.kiosk
    in_staff.staff.screen.tabs.setCurrentWidget(tab)
    QTest.mouseClick(
        tab.always_open, Qt.MouseButton.LeftButton, pos=QPoint(20, tab.always_open.height() // 2)
    )
    assert tab.opens.shown.text() == "08:00"
    tap(tab.opens.buttons["+"])
    tap(tab.opens.buttons["»"])
    tap(tab.closes.buttons["−"])
    assert (tab.opens.shown.text(), tab.closes.shown.text()) == ("09:15", "17:15")
    save_and_wait(qtbot, in_staff, tab.save)
    site = (site_with_pin / "site.toml").read_text(encoding="utf-8")
    assert 'opens = "09:15"' in site and 'closes = "17:15"' in site
    for _ in range(3):
        tap(tab.max_per_day.buttons["«"])
    tab.max_per_day.setValue(1)
    tap(tab.max_per_day.buttons["−"])
    assert tab.max_per_day.shown.text() == "0" and not tab.max_per_day.buttons["−"].isEnabled()


def tap_item(strip: QListWidget, row: int) -> None:
    strip.scrollToItem(strip.item(row))
    QTest.mouseClick(
        strip.viewport(), Qt.MouseButton.LeftButton, pos=strip.visualItemRect(strip.item(row)).center()
    )


def test_staff_pick_a_picture_from_thumbnails_and_save_it(
    qtbot: QtBot, in_staff: KioskWindow, site_with_pin: Path
) -> None:
    tab = in_staff.staff.screen.slides
    strip = tab.picture.strip
    tab.list.setCurrentRow(1)
    slide_id = tab.list.item(1).data(Qt.ItemDataRole.UserRole)
    assert strip.item(0).text() == "Geen plaatje"
    assert all(not strip.item(row).icon().isNull() for row in range(1, strip.count()))  # pictures, not names
    before = tab.picture.picture()
    assert strip.currentItem().data(Qt.ItemDataRole.UserRole) == before  # the slide's own picture is marked
    row = next(r for r in range(1, strip.count()) if strip.item(r).data(Qt.ItemDataRole.UserRole) != before)
    tap_item(strip, row)
    chosen = strip.item(row).data(Qt.ItemDataRole.UserRole)
    assert strip.currentRow() == row
    save_and_wait(qtbot, in_staff, tab.save)
    assert f'illustration = "{chosen}"' in slide_file(site_with_pin, slide_id)
    tap_item(strip, 0)
    save_and_wait(qtbot, in_staff, tab.save)
    assert "illustration" not in slide_file(site_with_pin, slide_id)


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A USB stick with one good photo and one that is damaged (cut off half-way)."""
    root = tmp_path / "stick"
    (root / "Foto's").mkdir(parents=True)
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#6A9BD8"))
    assert image.save(str(root / "Foto's" / "wachtkamer.png"))
    data = (root / "Foto's" / "wachtkamer.png").read_bytes()
    (root / "kapot.png").write_bytes(data[: len(data) // 2])
    monkeypatch.setenv("KIOSK_REMOVABLE_MEDIA", str(root))
    return root


def add_from_stick(qtbot: QtBot, kiosk: KioskWindow, name: str) -> None:
    screen = kiosk.staff.screen
    tap(screen.slides.picture.add)
    assert screen.pages.currentWidget() is screen.usb
    found = screen.usb.found
    names = [found.item(row).text() for row in range(found.count())]
    assert sorted(names) == ["kapot.png", "wachtkamer.png"]  # the stick's pictures, nothing else
    tap_item(found, names.index(name))
    with qtbot.waitSignal(kiosk.store.save_finished, timeout=10_000):
        tap(screen.usb.add)


def test_a_picture_from_a_usb_stick_is_checked_copied_and_chosen(
    qtbot: QtBot, in_staff: KioskWindow, site_with_pin: Path, stick: Path
) -> None:
    screen = in_staff.staff.screen
    add_from_stick(qtbot, in_staff, "wachtkamer.png")
    assert (site_with_pin / "images" / "wachtkamer.png").read_bytes() == (
        stick / "Foto's" / "wachtkamer.png"
    ).read_bytes()
    assert screen.pages.currentWidget() is screen.work
    assert screen.slides.picture.picture() == "wachtkamer.png"  # marked for the open slide
    assert "toegevoegd" in screen.message.text()
    slide_id = screen.slides.list.currentItem().data(Qt.ItemDataRole.UserRole)
    save_and_wait(qtbot, in_staff, screen.slides.save)
    assert 'illustration = "wachtkamer.png"' in slide_file(site_with_pin, slide_id)


def test_a_damaged_picture_on_the_stick_is_refused_in_plain_dutch(
    qtbot: QtBot, in_staff: KioskWindow, site_with_pin: Path, stick: Path
) -> None:
    screen = in_staff.staff.screen
    before = sorted(p.name for p in (site_with_pin / "images").iterdir())
    chosen = screen.slides.picture.picture()
    add_from_stick(qtbot, in_staff, "kapot.png")
    message = screen.message.text()
    assert message.startswith("Het plaatje 'kapot.png' is niet toegevoegd: het is beschadigd"), message
    assert not ENGLISH.search(message) and "/" not in message
    assert sorted(p.name for p in (site_with_pin / "images").iterdir()) == before
    assert screen.slides.picture.picture() == chosen


def test_only_the_sticks_are_searched(stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.services.removable import pictures_on_media

    (stick / ".verborgen.png").write_bytes(b"")
    (stick / "notities.txt").write_text("x")
    assert sorted(p.name for p in pictures_on_media()) == ["kapot.png", "wachtkamer.png"]
    monkeypatch.setenv("KIOSK_REMOVABLE_MEDIA", str(stick / "er-is-niets"))
    assert pictures_on_media() == []
