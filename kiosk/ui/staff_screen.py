"""Staff mode: a clearly different, dark screen where clinic staff change the kiosk with their fingers.

It closes itself after a few minutes unused (the window's idle timer, with a warning first); only from here
can the kiosk be restarted or quit for maintenance. Its tabs only say what staff changed (`save_requested`
with a list of changes); staff mode hands that to the content store, which checks it, writes it safely and
shows it. Nothing staff typed is dropped silently: leaving a slide, a tab or staff mode with unsaved
changes asks first; a timeout keeps them for the next time staff come in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QStyledItemDelegate,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Content, Slide
from kiosk.content.editing import Change
from kiosk.content.model import LANGUAGE_NAMES
from kiosk.render import theme
from kiosk.render.slide import SlideRenderer
from kiosk.resources import resource
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.staff_ask import Answer, Question
from kiosk.ui.staff_pictures import UsbPage, strip_height
from kiosk.ui.staff_settings import ContactTab, KioskTab
from kiosk.ui.staff_slides import SlidesTab
from kiosk.ui.staff_touch import TARGET_MM_PX, kinetic, staff_target
from kiosk.ui.widgets import big_button, text_label

STAFF_BACKGROUND = "#1F2A33"
STAFF_PANEL = "#2C3A46"
STAFF_TEXT = "#F4F1EA"
STAFF_ACCENT = "#F2B33D"
STAFF_DANGER = "#B3261E"
STAFF_OFF = "#3A4753"  # what cannot be used now: greyed into the background, never white like a field
STAFF_OFF_TEXT = "#8A96A0"
PICTURE_SIDE, USB_PICTURE_SIDE = 140, 220  # thumbnails at 1080p: the slide form's, the USB stick's
BODY_LINES = 5  # the slide's text keeps this many lines in view, also with the keyboard open


def staff_style(m: theme.Metrics) -> str:
    """Dark slate and amber: nobody mistakes staff mode for the visitors' screen. Every control is at
    least `staff_target` on each side; what is switched off is grey, not white."""
    font, field, target = round(m.px(28)), round(m.px(30)), staff_target(m)
    lines = QFontMetrics(theme.font(field)).lineSpacing()
    bar = max(20, m.px(32))
    pictures, usb = (strip_height(m.px(side), bar) for side in (PICTURE_SIDE, USB_PICTURE_SIDE))
    keys = max(TARGET_MM_PX, m.px(60))  # finger-sized, and low enough to leave the form room above it
    return f"""
        QWidget {{ font-family: "{theme.FAMILY}"; font-size: {font}px; color: {STAFF_TEXT}; }}
        QWidget#staff, QWidget#keyboard, QWidget#question, QStackedWidget, QTabWidget > QWidget,
        QWidget#form, QScrollArea {{
            background: {STAFF_BACKGROUND};
        }}
        QTabWidget::pane {{ border: none; }}
        QTabBar::tab {{ background: {STAFF_PANEL}; padding: {m.px(18)}px {m.px(36)}px; margin-right: 4px;
                        min-height: {target - 2 * m.px(18)}px; }}
        QTabBar::tab:selected {{ background: {STAFF_ACCENT}; color: #1B1B1B; font-weight: 700; }}
        QLineEdit, QPlainTextEdit, QComboBox, QListWidget, QLabel#stepper-value {{
            background: #FFFFFF; color: #1B1B1B; font-size: {field}px; border-radius: 8px; padding: 6px;
            min-height: {target - 12}px; selection-background-color: {STAFF_ACCENT};
        }}
        QLabel#stepper-value {{ padding: 0 {m.px(16)}px; }}
        QPlainTextEdit {{ min-height: {3 * lines + 24}px; }}
        QPlainTextEdit#slide-body {{ min-height: {BODY_LINES * lines + 24}px; }}
        QComboBox::drop-down {{ width: {target}px; border: none; }}
        QComboBox::down-arrow {{ image: url("{resource("down.svg").as_posix()}"); width: {m.px(32)}px;
                                 height: {m.px(32)}px; }}
        QComboBox QAbstractItemView {{ background: #FFFFFF; color: #1B1B1B; }}
        QComboBox QAbstractItemView::item {{ min-height: {target}px; padding: 0 {m.px(16)}px; }}
        QLineEdit:disabled, QPlainTextEdit:disabled, QComboBox:disabled, QLabel#stepper-value:disabled {{
            background: {STAFF_OFF}; color: {STAFF_OFF_TEXT};
        }}
        QPushButton#step {{ font-size: {round(m.px(44))}px; padding: 0; }}
        QScrollBar:vertical {{ width: {bar}px; background: {STAFF_PANEL}; margin: 0; border-radius: 8px; }}
        QScrollBar:horizontal {{ height: {bar}px; background: {STAFF_PANEL}; margin: 0; border-radius: 8px; }}
        QScrollBar::handle {{ background: {STAFF_OFF_TEXT}; border-radius: 8px;
                              min-height: {target}px; min-width: {target}px; }}
        QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
        QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
        QListWidget#pictures, QListWidget#usb-pictures {{ background: {STAFF_PANEL}; }}
        QListWidget#pictures {{ min-height: {pictures}px; max-height: {pictures}px; }}
        QListWidget#usb-pictures {{ min-height: {usb}px; max-height: {usb}px; }}
        QListWidget#pictures::item, QListWidget#usb-pictures::item {{
            color: {STAFF_TEXT}; border: 4px solid transparent; border-radius: 8px; min-height: {target}px;
        }}
        QListWidget#pictures::item:selected, QListWidget#usb-pictures::item:selected {{
            background: {STAFF_ACCENT}; color: #1B1B1B; border-color: #FFFFFF;
        }}
        QListWidget::item {{ min-height: {target}px; color: #1B1B1B; }}
        QListWidget::item:selected {{ background: #FBE3B0; }}
        QListWidget::indicator, QCheckBox::indicator {{ width: {m.px(40)}px; height: {m.px(40)}px; }}
        QCheckBox {{ min-height: {target}px; min-width: {target}px; }}
        QCheckBox:disabled {{ color: {STAFF_OFF_TEXT}; }}
        QCheckBox::indicator, QListWidget::indicator {{ background: #FFFFFF; border: 2px solid #51606D;
                                                        border-radius: 6px; }}
        QCheckBox::indicator:checked, QListWidget::indicator:checked {{
            image: url("{resource("check.svg").as_posix()}"); border-color: {STAFF_ACCENT};
        }}
        QPushButton {{ background: {STAFF_PANEL}; color: {STAFF_TEXT}; border: 2px solid #51606D;
                       border-radius: 10px; min-height: {target}px; min-width: {target}px;
                       padding: 0 {m.px(20)}px; font-weight: 600; }}
        QPushButton[primary="true"] {{ background: {STAFF_ACCENT}; color: #1B1B1B; border: none; }}
        QPushButton[danger="true"] {{ background: {STAFF_DANGER}; color: #FFFFFF; border: none; }}
        QPushButton:disabled {{ background: {STAFF_OFF}; color: {STAFF_OFF_TEXT}; border-style: dashed; }}
        QWidget#question QPushButton {{ min-height: {max(64, m.px(110))}px; }}
        QWidget#preview-bar {{ background: rgba(31, 42, 51, 215); border-radius: 12px; }}
        QPushButton:pressed {{ background: #51606D; }}
        QWidget#keyboard QPushButton {{ min-height: {keys}px; min-width: {keys}px; padding: 0; }}
        QLabel[role="banner"] {{ color: {STAFF_ACCENT}; font-size: {round(m.px(40))}px; font-weight: 700; }}
        QLabel[role="message"] {{ font-size: {field}px; }}
    """


class StatusTab(QWidget):
    undo_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts = text_label("body")
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.show_details = big_button(self.tr("Technische details"), "status-details")
        self.show_details.setCheckable(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.hide()
        self.undo = big_button(self.tr("Laatste opslag ongedaan maken"), "undo")
        self.quit = big_button(self.tr("Herstarten of afsluiten…"), "quit")
        column = QVBoxLayout(self)
        column.addWidget(self.facts)
        column.addWidget(text_label("body", self.tr("Meldingen over de inhoud:")))
        column.addWidget(self.problems, 2)
        column.addWidget(self.details, 1)
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.addWidget(self.undo)
        row.addWidget(self.show_details)
        row.addStretch(1)
        row.addWidget(self.quit)
        column.addLayout(row)
        self.buttons = row
        self.undo.clicked.connect(self.undo_requested)
        self.quit.clicked.connect(self.quit_requested)
        self.show_details.toggled.connect(self.details.setVisible)

    def set_portrait(self, portrait: bool) -> None:
        """Portrait: the buttons one below the other, so no label is cut off."""
        self.buttons.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    def set_status(
        self, facts: list[tuple[str, str]], messages: list[str], details: list[str], can_undo: bool
    ) -> None:
        """`messages` in plain Dutch for staff; `details` (files, lines, the folder) for a technician."""
        self.facts.setText("\n".join(f"{label}: {value}" for label, value in facts))
        self.problems.setPlainText("\n".join(messages) or self.tr("Geen: alles in orde."))
        self.details.setPlainText("\n".join(details))
        self.undo.setEnabled(can_undo)


class SlidePreview(QLabel):
    """The slide full-size, exactly as visitors will see it, in each language the kiosk offers; a tap on
    the slide (or "Terug") closes it."""

    closed = Signal()
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QWidget(self)
        self.bar.setObjectName("preview-bar")
        self.bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._row = QHBoxLayout(self.bar)
        self.languages: dict[str, QPushButton] = {}
        self.back = big_button(self.tr("Terug naar bewerken"), "preview-back")  # bottom right, on its own
        self.back.setParent(self)
        self.back.clicked.connect(self.closed)
        self.language = ""

    def set_languages(self, languages: tuple[str, ...]) -> None:
        for button in self.languages.values():
            button.hide()
            self._row.removeWidget(button)
            button.deleteLater()
        self.languages = {}
        for index, code in enumerate(languages):
            button = big_button(LANGUAGE_NAMES.get(code, code), f"preview-{code}")
            button.clicked.connect(lambda _=False, code=code: self.language_chosen.emit(code))
            self._row.insertWidget(index, button)
            self.languages[code] = button
        self.bar.setVisible(bool(languages))
        self._place_bar()

    def show_language(self, code: str) -> None:
        self.language = code
        for other, button in self.languages.items():
            button.setProperty("primary", other == code)
            button.style().unpolish(button)
            button.style().polish(button)

    def resizeEvent(self, event: object) -> None:
        self._place_bar()

    def _place_bar(self) -> None:
        margin = 16
        self.bar.adjustSize()
        self.bar.move(max(0, self.width() - self.bar.width() - margin), margin)
        self.bar.raise_()
        self.back.adjustSize()
        self.back.move(
            max(0, self.width() - self.back.width() - margin), self.height() - self.back.height() - margin
        )
        self.back.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.closed.emit()


class StaffScreen(QWidget):
    left = Signal()
    quit_requested = Signal()  # for maintenance: stays off
    restart_requested = Signal()  # the service starts it again
    save_requested = Signal(object)  # list[content.editing.Change], saved in order
    undo_requested = Signal()
    test_print_requested = Signal(str)
    picture_import_requested = Signal(object)  # Path of a picture on a USB stick

    def __init__(self, renderer: SlideRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._renderer = renderer
        self._after_save: Callable[[], None] | None = None
        self._languages: tuple[str, ...] = ("nl",)
        self._preview_slide: Slide | None = None
        self.banner = text_label("banner", self.tr("Medewerkersmodus"))
        self.banner.setProperty("role", "banner")
        self.message = text_label("message")
        self.message.setProperty("role", "message")
        self.leave = big_button(self.tr("Terug naar de kiosk"), "staff-leave", primary=True)
        self.tabs = QTabWidget()
        self.slides = SlidesTab()
        self.contact = ContactTab()
        self.kiosk = KioskTab()
        self.status = StatusTab()
        self.tabs.addTab(self.slides, self.tr("Dia's"))
        self.tabs.addTab(self.contact, self.tr("Contact"))
        self.tabs.addTab(self.kiosk, self.tr("Kiosk"))
        self.tabs.addTab(self.status, self.tr("Status"))
        self._tab = 0
        self.keyboard = OnScreenKeyboard()
        self.keyboard.hide()
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        self.preview = SlidePreview()
        self.question = Question(self.show_work)
        self.usb = UsbPage()

        header = QHBoxLayout()
        header.addWidget(self.banner)
        header.addWidget(self.message, 1)
        header.addWidget(self.leave)
        work = QWidget()
        column = QVBoxLayout(work)
        column.addLayout(header)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.keyboard)
        self.column = column
        self.pages = QStackedLayout(self)
        self.pages.addWidget(work)
        self.pages.addWidget(self.preview)
        self.pages.addWidget(self.question)
        self.pages.addWidget(self.usb)
        self.work = work

        self.leave.clicked.connect(self.request_leave)
        self.tabs.currentChanged.connect(self._tab_changed)
        for tab in self.forms():
            tab.save_requested.connect(lambda tab=tab: self.save_tab(tab))
        self.slides.leave_slide_requested.connect(lambda go_on: self.ask_unsaved(self.slides, go_on))
        self.slides.preview_requested.connect(self.show_preview)
        self.preview.closed.connect(self.show_work)
        self.preview.language_chosen.connect(self._preview_in)
        self.kiosk.test_print_requested.connect(self.test_print_requested)
        self.status.undo_requested.connect(self.undo_requested)
        self.status.quit_requested.connect(lambda: self._when_saved(self.ask_quit))
        self.slides.picture.usb_requested.connect(self.show_usb)
        self.usb.closed.connect(self.show_work)
        self.usb.import_requested.connect(self.picture_import_requested)
        kinetic(self)

    def forms(self) -> tuple[SlidesTab, ContactTab, KioskTab]:
        return self.slides, self.contact, self.kiosk

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The keyboard appears while a text field has focus, and leaves the room to the form otherwise;
        the form scrolls the field into view above it."""
        typing = isinstance(new, QLineEdit | QPlainTextEdit) and self.isAncestorOf(new)
        self.keyboard.setVisible(typing)
        if typing and new is not None:
            self.column.invalidate()
            self.column.activate()  # now, so the form knows the room the keyboard leaves it
            forms = [(a, a.widget()) for a in self.findChildren(QScrollArea)]
            area, form = next(
                ((a, f) for a, f in forms if f is not None and f.isAncestorOf(new)), (None, None)
            )
            if area is not None and form is not None:  # the whole field, not only the line with the cursor
                top = new.mapTo(form, QPoint(0, 0))
                half = new.height() // 2
                area.ensureVisible(top.x(), top.y() + half, 0, half)

    # -- pictures from a USB stick ---------------------------------------------------------------
    def show_usb(self) -> None:
        self.usb.search()
        kinetic(self.usb)
        self.pages.setCurrentWidget(self.usb)

    def picture_added(self, name: str) -> None:
        """The stick's picture is in images/ now: the open slide's picture, once staff save the slide."""
        self.slides.picture.set_picture(name)
        self.show_work()

    def set_content(self, content: Content, printers: list[str], today: dt.date) -> None:
        self._languages = content.site.kiosk.languages
        self.slides.set_content(content, today)
        self.contact.set_content(content)
        self.kiosk.set_content(content, printers)

    def set_status(
        self, facts: list[tuple[str, str]], messages: list[str], details: list[str], can_undo: bool
    ) -> None:
        self.status.set_status(facts, messages, details, can_undo)

    def say(self, text: str) -> None:
        self.message.setText(text)

    def show_work(self) -> None:
        self.pages.setCurrentWidget(self.work)

    def dirty(self) -> bool:
        return any(tab.dirty() for tab in self.forms())

    # -- saving --------------------------------------------------------------------------------
    def save_tab(
        self, tab: SlidesTab | ContactTab | KioskTab, then: Callable[[], None] | None = None
    ) -> None:
        """Save what staff changed on `tab`; `then` runs once the kiosk shows it (not if it was refused)."""
        changes: list[Change] = tab.changes()
        if not changes:
            self.say(self.tr("Er was niets veranderd."))
            if then is not None:
                then()
            return
        self._after_save = then
        self.save_requested.emit(changes)

    def save_finished(self, saved: bool) -> None:
        """From staff mode, after the content store answered (and, if saved, the kiosk shows it)."""
        then, self._after_save = self._after_save, None
        if saved and then is not None:
            then()

    # -- leaving with unsaved changes ----------------------------------------------------------
    def ask_unsaved(self, tab: SlidesTab | ContactTab | KioskTab, go_on: Callable[[], None]) -> None:
        name = self.tabs.tabText(self.tabs.indexOf(tab))

        def forget() -> None:
            tab.revert()
            go_on()

        self.question.ask(
            self.tr("Wijzigingen opslaan?"),
            self.tr("Op het tabblad '%1' is iets veranderd dat nog niet is opgeslagen.").replace("%1", name),
            [
                Answer(self.tr("Opslaan"), "unsaved-save", lambda: self.save_tab(tab, go_on), "primary"),
                Answer(self.tr("Niet opslaan"), "unsaved-drop", forget),
                Answer(self.tr("Terug"), "unsaved-back", lambda: None),
            ],
        )
        self.pages.setCurrentWidget(self.question)

    def _when_saved(self, go_on: Callable[[], None]) -> None:
        """Run `go_on` now, or after staff answered about the first tab with unsaved changes (and so on)."""
        dirty = next((tab for tab in self.forms() if tab.dirty()), None)
        if dirty is None:
            go_on()
            return
        self.tabs.blockSignals(True)
        self.tabs.setCurrentWidget(dirty)
        self._tab = self.tabs.currentIndex()
        self.tabs.blockSignals(False)
        self.ask_unsaved(dirty, lambda: self._when_saved(go_on))

    def request_leave(self) -> None:
        self._when_saved(self.left.emit)

    def _tab_changed(self, index: int) -> None:
        previous = self.tabs.widget(self._tab)
        if isinstance(previous, SlidesTab | ContactTab | KioskTab) and previous.dirty():
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self._tab)
            self.tabs.blockSignals(False)
            self.ask_unsaved(previous, lambda: self.tabs.setCurrentIndex(index))
            return
        self._tab = index

    def warn_timeout(self, seconds: int) -> None:
        """Shortly before staff mode closes by itself: a tap on "Ik ben er nog" keeps it open."""
        kept = (
            self.tr(
                " Wat nog niet is opgeslagen, blijft bewaard tot de volgende keer in de medewerkersmodus."
            )
            if self.dirty()
            else ""
        )
        self.question.ask(
            self.tr("De medewerkersmodus sluit over %1 seconden").replace("%1", str(seconds)),
            self.tr("Niemand heeft het scherm een tijdje aangeraakt.") + kept,
            [Answer(self.tr("Ik ben er nog"), "still-here", lambda: None, "primary")],
        )
        self.pages.setCurrentWidget(self.question)

    # -- restart and quit ----------------------------------------------------------------------
    def ask_quit(self) -> None:
        self.question.ask(
            self.tr("Kiosk herstarten of afsluiten?"),
            self.tr(
                "Herstarten: het scherm is even zwart en toont daarna weer de dia's.\n"
                "Afsluiten voor onderhoud: het scherm blijft uit."
            ),
            [
                Answer(self.tr("Herstarten"), "restart", self.restart_requested.emit, "primary"),
                Answer(
                    self.tr("Afsluiten voor onderhoud"), "maintenance", self._confirm_maintenance, "danger"
                ),
                Answer(self.tr("Terug"), "quit-back", lambda: None),
            ],
        )
        self.pages.setCurrentWidget(self.question)

    def _confirm_maintenance(self) -> None:
        self.question.ask(
            self.tr("Weet u het zeker?"),
            self.tr(
                "Het scherm blijft dan zwart tot iemand de kiosk weer aanzet: de beheerder, of door de "
                "computer opnieuw op te starten. Bezoekers zien zolang niets."
            ),
            [
                Answer(self.tr("Ja, afsluiten"), "maintenance-confirm", self.quit_requested.emit, "danger"),
                Answer(self.tr("Terug"), "maintenance-back", lambda: None, "primary"),
            ],
        )
        self.pages.setCurrentWidget(self.question)

    # -- preview -------------------------------------------------------------------------------
    def show_preview(self, slide: Slide | None) -> None:
        if slide is None:
            return
        self._preview_slide = slide
        self.preview.set_languages(self._languages if len(self._languages) > 1 else ())
        self._preview_in(self._languages[0] if "nl" not in self._languages else "nl")
        self.pages.setCurrentWidget(self.preview)

    def _preview_in(self, lang: str) -> None:
        if self._preview_slide is None:
            return
        size = self.size() if self.width() > 100 else QSize(1920, 1080)
        self.preview.setPixmap(self._renderer.render(self._preview_slide, lang, size))
        self.preview.show_language(lang)

    def apply_metrics(self, m: theme.Metrics) -> None:
        self.setStyleSheet(staff_style(m))
        for combo in self.findChildren(QComboBox):
            if not isinstance(combo.itemDelegate(), QStyledItemDelegate):
                combo.setItemDelegate(
                    QStyledItemDelegate(combo)
                )  # the list's rows take the style: finger-high
        self.column.setContentsMargins(m.px(32), m.px(24), m.px(32), m.px(24))
        self.question.set_margins(m.px(96) if not m.portrait else m.px(48), m.px(48))
        self.question.set_portrait(m.portrait)
        self.usb.set_portrait(m.portrait, (m.px(48), m.px(48)))
        for tab in (*self.forms(), self.status):
            tab.set_portrait(m.portrait)
        self.slides.picture.strip.set_side(m.px(PICTURE_SIDE))
        self.usb.found.set_side(m.px(USB_PICTURE_SIDE))
