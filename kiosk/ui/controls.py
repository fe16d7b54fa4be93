"""The bars above and below the slides: large touch controls once a visitor takes over, a hint before."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.render import theme
from kiosk.ui.widgets import big_button, screen_style, text_label


class PositionDots(QWidget):
    """Where the visitor is: one dot per slide, the current one filled and wider (not colour alone); right to
    left the first slide's dot is the rightmost."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._index = 0
        self._dot = 16
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_position(self, index: int, count: int) -> None:
        self._index, self._count = index, count
        self.setAccessibleName(f"{index + 1} / {count}")
        self.updateGeometry()
        self.update()

    def set_dot_size(self, pixels: int) -> None:
        self._dot = pixels
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(max(1, self._count * self._dot * 2 + self._dot), self._dot * 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        d, y = self._dot, self.height() / 2 - self._dot / 2
        x = 0.0
        for i in range(self._count):
            current = i == self._index
            width = d * 2.2 if current else d
            painter.setBrush(theme.ACCENT if current else theme.HALO.darker(115))
            left = self.width() - x - width if self.isRightToLeft() else x
            painter.drawRoundedRect(QRectF(left, y, width, d), d / 2, d / 2)
            x += width + d
        painter.end()


class TopBar(QWidget):
    """Clinic name on the left; the warning signs, contact and language buttons on the right."""

    signs_requested = Signal()
    contact_requested = Signal()
    language_requested = Signal()

    def __init__(self, clinic_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._signs_available = self._contact_available = self._language_available = False
        self.name = text_label("hint", clinic_name)
        self.signs = big_button(self.tr("Herken je de signalen?"), "signs")
        self.contact = big_button(self.tr("Contact"), "contact", primary=True)
        self.language = big_button("", "language")
        self.signs.clicked.connect(self.signs_requested)
        self.contact.clicked.connect(self.contact_requested)
        self.language.clicked.connect(self.language_requested)
        self.row = row = QHBoxLayout(self)
        row.addWidget(self.name)
        row.addStretch(1)
        for button in (self.language, self.signs, self.contact):
            row.addWidget(button)

    def apply_metrics(self, m: theme.Metrics) -> None:
        self.setStyleSheet(screen_style(m))
        self.row.setContentsMargins(m.margin, m.px(24), m.margin, 0)
        self.row.setSpacing(m.px(20))
        self.setFixedHeight(m.touch_target + m.px(24))

    def set_available(self, signs: bool, contact: bool, language_name: str | None) -> None:
        """Buttons for screens this site does not have stay out of the way."""
        self._signs_available, self._contact_available = signs, contact
        self.language.setText(language_name or "")
        self.language.setAccessibleName(self.tr("Taal: %s") % (language_name or ""))
        self._language_available = language_name is not None

    def set_interactive(self, interactive: bool) -> None:
        self.signs.setVisible(interactive and self._signs_available)
        self.contact.setVisible(interactive and self._contact_available)
        self.language.setVisible(interactive and self._language_available)


class BottomBar(QWidget):
    """Previous / position / next for a visitor; in the loop an invitation, in body-sized text, that says
    what a tap does."""

    previous_requested = Signal()
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previous = big_button(self.tr("‹ Vorige"), "previous")
        self.next = big_button(self.tr("Volgende ›"), "next", primary=True)
        self.hint = text_label("invite", self.tr("Tik op het scherm om zelf te bladeren"))
        self.dots = PositionDots()
        self._portrait = False
        self.previous.clicked.connect(self.previous_requested)
        self.next.clicked.connect(self.next_requested)
        self.row = row = QHBoxLayout(self)
        row.addWidget(self.previous)
        row.addWidget(self.hint, 1)  # in the loop it takes the row (wrapping only when it must)
        row.addStretch(0)
        row.addWidget(self.dots)
        row.addStretch(0)
        row.addWidget(self.next)

    def apply_metrics(self, m: theme.Metrics) -> None:
        self.setStyleSheet(screen_style(m))
        self._portrait = m.portrait
        self.set_interactive(self.next.isVisibleTo(self))
        self.row.setContentsMargins(m.margin, 0, m.margin, m.px(32))
        self.dots.set_dot_size(m.px(16))
        self.setFixedHeight(m.touch_target + m.px(32))

    def set_position(self, index: int, count: int) -> None:
        self.dots.set_position(index, count)

    def set_interactive(self, interactive: bool) -> None:
        self.previous.setVisible(interactive)
        self.next.setVisible(interactive)
        self.hint.setVisible(not interactive)
        self.dots.setVisible(interactive or not self._portrait)  # a narrow screen: the invitation has the row
