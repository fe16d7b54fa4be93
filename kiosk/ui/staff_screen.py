"""Staff mode: a clearly different, dark screen where clinic staff change the kiosk with their fingers.

It closes itself after a few minutes unused (the window's idle timer); only from here can the kiosk be
quit for maintenance. Its tabs only say what staff want changed (`save_requested`); staff mode hands
that to the content store, which checks it, writes it safely and shows it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Content, Slide
from kiosk.render import theme
from kiosk.render.slide import SlideRenderer
from kiosk.resources import resource
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.staff_settings import ContactTab, KioskTab
from kiosk.ui.staff_slides import SlidesTab
from kiosk.ui.widgets import big_button, text_label

STAFF_BACKGROUND = "#1F2A33"
STAFF_PANEL = "#2C3A46"
STAFF_TEXT = "#F4F1EA"
STAFF_ACCENT = "#F2B33D"


def staff_style(m: theme.Metrics) -> str:
    """Dark slate and amber: nobody mistakes staff mode for the visitors' screen."""
    font, field, target = round(m.px(28)), round(m.px(30)), max(48, m.px(72))
    return f"""
        QWidget {{ font-family: "{theme.FAMILY}"; font-size: {font}px; color: {STAFF_TEXT}; }}
        QWidget#staff, QWidget#keyboard, QStackedWidget, QTabWidget > QWidget {{
            background: {STAFF_BACKGROUND};
        }}
        QTabWidget::pane {{ border: none; }}
        QPlainTextEdit {{ min-height: {m.px(200)}px; }}
        QTabBar::tab {{ background: {STAFF_PANEL}; padding: {m.px(18)}px {m.px(36)}px; margin-right: 4px;
                        min-height: {target - 20}px; }}
        QTabBar::tab:selected {{ background: {STAFF_ACCENT}; color: #1B1B1B; font-weight: 700; }}
        QLineEdit, QPlainTextEdit, QSpinBox, QComboBox, QTimeEdit, QDateEdit, QListWidget {{
            background: #FFFFFF; color: #1B1B1B; font-size: {field}px; border-radius: 8px; padding: 6px;
            min-height: {target - 20}px; selection-background-color: {STAFF_ACCENT};
        }}
        QListWidget::item {{ min-height: {target}px; color: #1B1B1B; }}
        QListWidget::item:selected {{ background: #FBE3B0; }}
        QListWidget::indicator, QCheckBox::indicator {{ width: {m.px(40)}px; height: {m.px(40)}px; }}
        QCheckBox {{ min-height: {target}px; }}
        QCheckBox::indicator, QListWidget::indicator {{ background: #FFFFFF; border: 2px solid #51606D;
                                                        border-radius: 6px; }}
        QCheckBox::indicator:checked, QListWidget::indicator:checked {{
            image: url("{resource("check.svg").as_posix()}"); border-color: {STAFF_ACCENT};
        }}
        QPushButton {{ background: {STAFF_PANEL}; color: {STAFF_TEXT}; border: 2px solid #51606D;
                       border-radius: 10px; min-height: {target}px; min-width: {target}px;
                       padding: 0 {m.px(20)}px; font-weight: 600; }}
        QPushButton[primary="true"] {{ background: {STAFF_ACCENT}; color: #1B1B1B; border: none; }}
        QPushButton:pressed {{ background: #51606D; }}
        QWidget#keyboard QPushButton {{ min-height: {max(36, m.px(52))}px; min-width: 0; padding: 0; }}
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
        self.undo = big_button(self.tr("Laatste opslag ongedaan maken"), "undo")
        self.quit = big_button(self.tr("Kiosk afsluiten voor onderhoud"), "quit")
        column = QVBoxLayout(self)
        column.addWidget(self.facts)
        column.addWidget(text_label("body", self.tr("Meldingen bij het laatste laden:")))
        column.addWidget(self.problems, 1)
        row = QHBoxLayout()
        row.addWidget(self.undo)
        row.addStretch(1)
        row.addWidget(self.quit)
        column.addLayout(row)
        self.undo.clicked.connect(self.undo_requested)
        self.quit.clicked.connect(self.quit_requested)

    def set_status(self, facts: list[tuple[str, str]], problems: list[str], can_undo: bool) -> None:
        self.facts.setText("\n".join(f"{label}: {value}" for label, value in facts))
        self.problems.setPlainText("\n".join(problems) or self.tr("Geen: alles in orde."))
        self.undo.setEnabled(can_undo)


class SlidePreview(QLabel):
    """The slide full-size, exactly as visitors will see it; a tap closes it."""

    closed = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.closed.emit()


class StaffScreen(QWidget):
    left = Signal()
    quit_requested = Signal()
    save_requested = Signal(object)  # a content.editing.Change
    undo_requested = Signal()
    test_print_requested = Signal(str)

    def __init__(self, renderer: SlideRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._renderer = renderer
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
        self.keyboard = OnScreenKeyboard()
        self.keyboard.hide()
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        self.preview = SlidePreview()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)

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
        self.work = work

        self.leave.clicked.connect(self.left)
        for tab in (self.slides, self.contact, self.kiosk):
            tab.save_requested.connect(self.save_requested)
        self.slides.preview_requested.connect(self.show_preview)
        self.preview.closed.connect(lambda: self.pages.setCurrentWidget(self.work))
        self.kiosk.test_print_requested.connect(self.test_print_requested)
        self.status.undo_requested.connect(self.undo_requested)
        self.status.quit_requested.connect(self.quit_requested)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The keyboard appears while a text field has focus, and leaves the room to the form otherwise."""
        typing = isinstance(new, QLineEdit | QPlainTextEdit | QAbstractSpinBox) and self.isAncestorOf(new)
        self.keyboard.setVisible(typing)

    def set_content(self, content: Content, printers: list[str], today: dt.date) -> None:
        self.slides.set_content(content, today)
        self.contact.set_content(content)
        self.kiosk.set_content(content, printers)

    def set_status(self, facts: list[tuple[str, str]], problems: list[str], can_undo: bool) -> None:
        self.status.set_status(facts, problems, can_undo)

    def say(self, text: str) -> None:
        self.message.setText(text)

    def show_preview(self, slide: Slide | None) -> None:
        if slide is None:
            return
        size = self.size() if self.width() > 100 else QSize(1920, 1080)
        pixmap: QPixmap = self._renderer.render(slide, "nl", size)
        self.preview.setPixmap(pixmap)
        self.pages.setCurrentWidget(self.preview)

    def apply_metrics(self, m: theme.Metrics) -> None:
        self.setStyleSheet(staff_style(m))
        self.column.setContentsMargins(m.px(32), m.px(24), m.px(32), m.px(24))
