"""'Ben je nog aan het lezen?': shown before the idle reset, so a slow reader is never cut off (WCAG 2.2.1).

It lies over the screen the visitor was reading, with the seconds left counting down and one large button;
any touch anywhere keeps the visit going, as often as needed. It decides nothing itself: the window shows it
when the idle watch warns, counts the seconds on the kiosk's clock, and hides it on any touch or the reset.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.render import theme
from kiosk.ui.widgets import big_button, screen_style, set_words, text_label

COUNTDOWN_S = 20  # WCAG 2.2.1: at least 20 seconds to say "still here"


class ReadingQuestion(QWidget):
    keep_reading = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reading-question")
        self._colours = theme.NORMAL
        self._low = False
        self._margin = 64
        self.card = QFrame(self)
        self.card.setObjectName("reading-card")
        self.question = text_label("lead")
        self.question.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.countdown = text_label("body")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.yes = big_button("", "keep-reading", primary=True)
        self._seconds = COUNTDOWN_S
        self.yes.clicked.connect(self.keep_reading)
        self.column = QVBoxLayout(self.card)
        self.column.addWidget(self.question)
        self.column.addWidget(self.countdown)
        self.column.addWidget(self.yes, 0, Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """In the visit's language (it was left in the language the kiosk started in)."""
        self.question.setText(self.tr("Ben je nog aan het lezen?"))
        self.countdown.setAccessibleName(self.tr("Tijd over"))
        set_words(self.yes, self.tr("Ja, verder lezen"))
        self.show_seconds(self._seconds)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        text = self.tr("Over %1 seconden begint de presentatie opnieuw.")
        if seconds == 1:
            text = self.tr("Over 1 seconde begint de presentatie opnieuw.")
        self.countdown.setText(text.replace("%1", str(seconds)))
        self._place()  # the card grows with its text (a longer language, a second line)

    def apply_metrics(self, m: theme.Metrics, low: bool = False) -> None:
        """`low`: a screen hung high: the card sits at the bottom, within a wheelchair user's reach."""
        c = m.colours
        self._colours, self._low = c, low
        self.setStyleSheet(
            screen_style(m)
            + f"""QFrame#reading-card {{ background: {c.background.name()};
                  border: {max(3, m.px(4))}px solid {c.accent.name()}; border-radius: {m.px(24)}px; }}"""
        )
        self.column.setContentsMargins(m.margin, m.margin // 2, m.margin, m.margin // 2)
        self.column.setSpacing(m.px(24))
        self._margin = m.margin
        self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place()

    def _place(self) -> None:
        margin = self._margin
        portrait = self.height() > self.width()
        width = max(1, self.width() - 2 * margin if portrait else self.width() * 2 // 3)
        self.card.setFixedWidth(width)
        self.yes.setMinimumWidth(width // 2)  # large: the one thing to do here
        height = max(self.column.totalHeightForWidth(width), self.card.sizeHint().height())
        top = self.height() - margin - height if self._low else (self.height() - height) // 2
        self.card.setGeometry(QRect((self.width() - width) // 2, max(0, top), width, height))

    def paintEvent(self, event: QPaintEvent) -> None:
        """The screen underneath stays faintly visible: the visitor sees where they were."""
        painter = QPainter(self)
        veil = QColor(self._colours.background)
        veil.setAlpha(225)
        painter.fillRect(self.rect(), veil)
        painter.end()
