"""The visitor's language picker: a button low on the screen, on the loop and on the controls, showing the
language the kiosk speaks now beside a globe; it opens a panel with every language the site offers, each
written in its own name and script ("Nederlands", "English", "Türkçe", "العربية", "Polski", "Українська").
No flags: a flag is a country, not a language. One tap on a name switches the whole kiosk (the window does
that); a tap beside the panel closes it, and so does the idle reset.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from kiosk.content.model import LANGUAGE_NAMES
from kiosk.render import theme
from kiosk.ui.widgets import big_button, screen_style

SCRIM = QColor(30, 42, 40, 110)  # the screen behind the panel, dimmed: the panel is what to look at now


def own_name(lang: str) -> str:
    """The language's name in that language: what its speakers look for."""
    return LANGUAGE_NAMES.get(lang, lang)


def globe_icon(side: int, colour: QColor) -> QIcon:
    """A globe drawn in lines: the usual sign for 'language', without a flag."""
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = max(2.0, side / 13)
    painter.setPen(QPen(colour, width))
    ball = QRectF(width, width, side - 2 * width, side - 2 * width)
    painter.drawEllipse(ball)
    meridian = QRectF(0, ball.top(), ball.width() * 0.42, ball.height())
    meridian.moveCenter(ball.center())
    painter.drawEllipse(meridian)
    centre, radius = ball.center(), ball.width() / 2
    for offset in (-0.45, 0.0, 0.45):  # the equator and two parallels, each as wide as the ball there
        y = centre.y() + offset * radius
        half = (radius**2 - (offset * radius) ** 2) ** 0.5
        painter.drawLine(QPointF(centre.x() - half, y), QPointF(centre.x() + half, y))
    painter.end()
    return QIcon(pixmap)


class LanguageMenu(QWidget):
    """Over the whole window: the site's languages in a panel along the bottom, where the button was."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.panel = QWidget(self)
        self.panel.setObjectName("language-panel")
        self.grid = QGridLayout(self.panel)
        self.buttons: dict[str, QPushButton] = {}
        self._metrics = theme.Metrics.for_size(QSize(1920, 1080))
        self.hide()

    def open(self, languages: tuple[str, ...], current: str) -> None:
        """Show one button per language, the current one marked (filled and ticked, not colour alone)."""
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        columns = 2 if self._metrics.portrait else 3
        for i, lang in enumerate(languages):
            chosen = lang == current
            button = big_button(("✓ " if chosen else "") + own_name(lang), f"language-{lang}")
            button.setAccessibleName(own_name(lang))
            button.setProperty("chosen", chosen)
            button.clicked.connect(lambda _checked=False, lang=lang: self._choose(lang))
            self.grid.addWidget(button, i // columns, i % columns)
            self.buttons[lang] = button
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.apply_metrics(self._metrics)
        self.show()
        self.raise_()

    def _choose(self, lang: str) -> None:
        self.hide()
        self.chosen.emit(lang)

    def apply_metrics(self, m: theme.Metrics) -> None:
        self._metrics = m
        self.setStyleSheet(
            screen_style(m)
            + f"#language-panel {{ background: {theme.BAR.name()}; border-radius: {m.px(24)}px; }}"
        )
        self.grid.setSpacing(m.px(20))
        self.grid.setContentsMargins(m.margin // 2, m.margin // 2, m.margin // 2, m.margin // 2)
        parent = self.parentWidget()
        if parent is not None and self.isVisible():
            self.setGeometry(parent.rect())
        self._place_panel()

    def _place_panel(self) -> None:
        """Along the bottom, above the margin: where the visitor's hand already is."""
        m = self._metrics
        width = self.width() - 2 * m.margin
        height = self.grid.totalSizeHint().height()
        self.panel.setGeometry(m.margin, self.height() - m.margin - height, width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_panel()
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A tap beside the panel: nothing chosen, the panel closes."""
        if not self.panel.geometry().contains(event.position().toPoint()):
            self.hide()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), SCRIM)
        painter.end()
