"""The bars above and below the slides: large touch controls once a visitor takes over, a hint before; the
language picker's button low in the bottom bar, in the loop and on the controls, with the visitor's own
choices beside it: "Lees voor" (and its volume), large text (A+) and contrast (◐).

The bars' fixed words are set in `retranslate()`, again whenever the application's language changes
(`Retranslated`, kiosk.render.words)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPen, QPixmap, QPolygonF, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.model import is_right_to_left
from kiosk.render import theme
from kiosk.ui.language_picker import globe_icon, own_name
from kiosk.ui.widgets import Retranslated, big_button, screen_style, set_words, text_label


class PositionDots(QWidget):
    """Where the visitor is: one dot per slide, the current one filled and wider (not colour alone); right to
    left the first slide's dot is the rightmost."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._index = 0
        self._dot = 16
        self.colours = theme.NORMAL
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
            painter.setBrush(self.colours.accent if current else self.colours.dot)
            left = self.width() - x - width if self.isRightToLeft() else x
            painter.drawRoundedRect(QRectF(left, y, width, d), d / 2, d / 2)
            x += width + d
        painter.end()


def speaker_icon(side: int, colour: QColor, speaking: bool) -> QIcon:
    """A loudspeaker with sound waves ("Lees voor"); while it speaks, a stop square beside it."""
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = max(2.0, side / 13)
    painter.setPen(
        QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    )
    painter.setBrush(colour)
    s = side / 24
    painter.drawPolygon(
        QPolygonF([QPointF(x * s, y * s) for x, y in ((3, 9), (7, 9), (12, 4), (12, 20), (7, 15), (3, 15))])
    )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if speaking:
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(15 * s, 8 * s, 7 * s, 8 * s), s, s)
    else:
        for radius in (4.5, 8.5):
            painter.drawArc(
                QRectF((12 - radius) * s, (12 - radius) * s, 2 * radius * s, 2 * radius * s),
                -50 * 16,
                100 * 16,
            )
    painter.end()
    return QIcon(pixmap)


class SpeechControls(Retranslated):
    """ "Lees voor" and, while it speaks (or in speech mode), softer and louder: on every visitor screen.
    The speaker button shows that it speaks (a stop square, filled, and its name says "stop"); hidden in a
    language this machine has no voice for."""

    speak_requested = Signal()  # a tap: read this screen, or stop reading
    louder_requested = Signal()
    softer_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.speak = big_button("", "speak")
        self.softer = big_button("−", "softer")
        self.louder = big_button("+", "louder")
        self._speaking = False
        self._side = 48
        # Each icon made once: a new QIcon for every visit leaves its pixmaps in Qt's pixmap cache under
        # a key never asked for again, and the kiosk grew by that cache's 10 MB over a few thousand visits.
        self._icons: dict[tuple[int, bool], QIcon] = {}
        for button in (self.speak, self.softer, self.louder):
            button.setProperty("square", True)
        self.speak.setCheckable(True)
        self.speak.clicked.connect(self.speak_requested)
        self.softer.clicked.connect(self.softer_requested)
        self.louder.clicked.connect(self.louder_requested)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        for button in (self.softer, self.speak, self.louder):
            self.row.addWidget(button)
        self.show_state(False, False)
        self.retranslate()

    def retranslate(self) -> None:
        self.speak.setAccessibleName(
            self.tr("Stop met voorlezen") if self._speaking else self.tr("Lees voor")
        )
        self.softer.setAccessibleName(self.tr("Zachter"))
        self.louder.setAccessibleName(self.tr("Harder"))

    def show_state(self, speaking: bool, volume_shown: bool) -> None:
        """Speaking: the stop square, filled; the volume buttons while it speaks or in speech mode."""
        self._speaking = speaking
        self.speak.blockSignals(True)  # checked while it speaks: filled, and "on" to a screen reader
        self.speak.setChecked(speaking)
        self.speak.blockSignals(False)
        key = (self._side, speaking)
        if key not in self._icons:
            colour = QColor("white") if speaking else theme.ACCENT
            self._icons[key] = speaker_icon(self._side, colour, speaking)
        self.speak.setIcon(self._icons[key])
        self.softer.setVisible(volume_shown)
        self.louder.setVisible(volume_shown)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Sized from its buttons' height (the screen's touch target), wherever it stands: the bottom bar,
        or the header of the signs and contact screens. The gap: at least 2 mm, as between any targets
        (theme.Metrics.target_gap is never over 0.21 of touch_target)."""
        super().resizeEvent(event)
        height = self.speak.height()
        side, gap = round(height * 0.62), math.ceil(height * 0.21)
        if side != self._side or gap != self.row.spacing():
            self._side = side
            self.row.setSpacing(gap)
            self.speak.setIconSize(QSize(side, side))
            self.show_state(self._speaking, self.softer.isVisibleTo(self))


class TopBar(Retranslated):
    """Clinic name on the left; warning signs and contact on the right (the language picker and the visitor's
    own choices are in the bottom bar, low on the screen)."""

    signs_requested = Signal()
    contact_requested = Signal()

    def __init__(self, clinic_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._signs_available = self._contact_available = False
        self.name = text_label("hint", clinic_name)
        self.signs = big_button("", "signs")
        self.contact = big_button("", "contact", primary=True)
        self.signs.clicked.connect(self.signs_requested)
        self.contact.clicked.connect(self.contact_requested)
        self.rows = QVBoxLayout(self)
        self.row = row = QHBoxLayout()
        row.addWidget(self.name)
        row.addStretch(1)
        for button in (self.signs, self.contact):
            row.addWidget(button)
        self.second = QHBoxLayout()  # signs and contact, when one row is too narrow for every button
        self.second.addStretch(1)
        self.rows.addLayout(row)
        self.rows.addLayout(self.second)
        self._metrics: theme.Metrics | None = None
        self._low = False
        self.retranslate()

    def retranslate(self) -> None:
        set_words(self.signs, self.tr("Herken je de signalen?"))
        set_words(self.contact, self.tr("Contact"))

    def apply_metrics(self, m: theme.Metrics, low: bool = False) -> None:
        """`low`: the bar sits below the slides (a screen hung high): its gap is above it, not below."""
        self.setStyleSheet(screen_style(m))
        self._metrics, self._low = m, low
        self.rows.setContentsMargins(m.margin, 0 if low else m.px(24), m.margin, m.px(24) if low else 0)
        for layout in (self.rows, self.row, self.second):
            layout.setSpacing(m.target_gap)
        self._arrange()

    def _arrange(self) -> None:
        """One row when every button a visitor gets fits (the clinic's name gives way to them on a narrow
        screen); else signs and contact in a second row. Decided by what the site offers, not by what
        shows now: taking over never changes the slides' room."""
        m = self._metrics
        if m is None:
            return
        offered = (self._signs_available, self._contact_available)
        buttons = [self.signs, self.contact]
        shown = [b for b, on in zip(buttons, offered, strict=True) if on]
        need = sum(b.sizeHint().width() for b in shown) + (len(shown) - 1) * m.target_gap + 2 * m.margin
        two_rows = need > self.width() > 0
        name_fits = need + m.target_gap + self.name.sizeHint().width() <= self.width()
        interactive = self.signs.isVisibleTo(self) or self.contact.isVisibleTo(self)
        self.name.setVisible(two_rows or name_fits or not interactive)
        for button in (self.signs, self.contact):
            (self.second if two_rows else self.row).addWidget(button)
        rows = 2 if two_rows else 1
        self.setFixedHeight(rows * m.touch_target + (rows - 1) * m.target_gap + m.px(24))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def set_available(self, signs: bool, contact: bool) -> None:
        """Buttons for screens this site does not have stay out of the way."""
        self._signs_available, self._contact_available = signs, contact
        self._arrange()

    def set_interactive(self, interactive: bool) -> None:
        self.signs.setVisible(interactive and self._signs_available)
        self.contact.setVisible(interactive and self._contact_available)
        self._arrange()


class BottomBar(Retranslated):
    """Previous / position / the visitor's choices / language / next for a visitor; in the loop an
    invitation, in body-sized text, that says what a tap does, and the language button. The choices ("Lees
    voor", A+, ◐) stand beside the language button. On a portrait screen the row has no room for them: they
    stand on a line of their own just above."""

    previous_requested = Signal()
    next_requested = Signal()
    language_requested = Signal()
    large_text_toggled = Signal(bool)
    high_contrast_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previous = big_button("", "previous")
        self.next = big_button("", "next", primary=True)
        self.hint = text_label("invite")
        self.dots = PositionDots()
        self.language = big_button("", "language")
        self._globes: dict[int, QIcon] = {}  # the globe at each size it was shown
        self.speech = SpeechControls()
        self.large_text = big_button("A+", "large-text")
        self.high_contrast = big_button("◐", "high-contrast")
        for toggle in (self.large_text, self.high_contrast):
            toggle.setCheckable(True)
            toggle.setProperty("square", True)
        self.large_text.toggled.connect(self.large_text_toggled)
        self.high_contrast.toggled.connect(self.high_contrast_toggled)
        self._lang: str | None = None  # None: the site offers one language, and there is nothing to pick
        self._portrait = False
        self._speech_offered = False
        self._metrics = theme.Metrics.for_size(QSize(1920, 1080))
        self.previous.clicked.connect(self.previous_requested)
        self.next.clicked.connect(self.next_requested)
        self.language.clicked.connect(self.language_requested)
        self.choices = QWidget()  # "Lees voor", A+, ◐ and the language button: one group, on either line
        self.choice_row = QHBoxLayout(self.choices)
        self.choice_row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.speech, self.large_text, self.high_contrast, self.language):
            self.choice_row.addWidget(widget)
        self.column = QVBoxLayout(self)
        self.upper = QHBoxLayout()  # portrait: the choices
        self.upper.addStretch(1)
        self.column.addLayout(self.upper)
        self.row = row = QHBoxLayout()
        self.column.addLayout(row)
        row.addWidget(self.previous)
        row.addWidget(self.hint, 1)  # in the loop it takes the row (wrapping only when it must)
        row.addStretch(0)
        row.addWidget(self.dots)
        row.addStretch(0)
        row.addWidget(self.choices)
        row.addWidget(self.next)
        self.retranslate()

    def retranslate(self) -> None:
        """The toggles' names say what they do: a screen reader cannot read "A+" or a half-filled circle."""
        set_words(self.previous, self.tr("‹ Vorige"))
        set_words(self.next, self.tr("Volgende ›"))
        self.hint.setText(self.tr("Tik op het scherm om zelf te bladeren"))
        self.large_text.setAccessibleName(self.tr("Grotere letters"))
        self.high_contrast.setAccessibleName(self.tr("Sterk contrast"))
        self.set_language(self._lang)

    def set_language(self, lang: str | None) -> None:
        """The picker's button shows the language spoken now, in its own name; None hides it."""
        self._lang = lang
        # A space between the globe and the name, on the name's side of the globe: a button paints its text
        # left to right, so right to left the space needs a right-to-left mark to stand at the name's start.
        mark = "\u200f" if lang and is_right_to_left(lang) else ""
        self.language.setText(f"{mark} {own_name(lang)}" if lang else "")
        self.language.setAccessibleName(self.tr("Taal kiezen") + (f": {own_name(lang)}" if lang else ""))
        self.language.setVisible(lang is not None)
        self._fit_height()

    def show_look(self, large: bool, high_contrast: bool) -> None:
        """The toggles show this visit's choices (a new visit: the site's defaults), without a signal."""
        for toggle, on in ((self.large_text, large), (self.high_contrast, high_contrast)):
            toggle.blockSignals(True)
            toggle.setChecked(on)
            toggle.blockSignals(False)

    def offer_speech(self, offered: bool) -> None:
        """ "Lees voor" only in a language this machine has a voice for (and with speech on)."""
        self._speech_offered = offered
        self.speech.setVisible(offered and self.next.isVisibleTo(self))

    def apply_metrics(self, m: theme.Metrics) -> None:
        self.setStyleSheet(screen_style(m))
        for layout in (self.row, self.choice_row, self.upper):
            layout.setSpacing(m.target_gap)
        self.dots.colours = m.colours
        self._portrait = m.portrait
        self.set_interactive(self.next.isVisibleTo(self))
        self._metrics = m
        self.column.setContentsMargins(m.margin, 0, m.margin, m.px(32))
        self.dots.set_dot_size(m.px(16))
        side = round(m.button_px * 1.2)
        if side not in self._globes:  # made once for each size (see SpeechControls: Qt's pixmap cache)
            self._globes[side] = globe_icon(side, theme.ACCENT)
        self.language.setIcon(self._globes[side])
        self.language.setIconSize(QSize(side, side))
        line, other = (self.upper, self.row) if m.portrait else (self.row, self.upper)
        if line.indexOf(self.choices) < 0:
            other.removeWidget(self.choices)
            at = line.count() if m.portrait else line.indexOf(self.next)  # portrait: on the right
            line.insertWidget(at, self.choices)
        self._fit_height()

    def _fit_height(self) -> None:
        m = self._metrics
        lines = (
            2 if m.portrait else 1
        )  # the choices above the row, in the loop too: the slides keep their room
        self.column.setSpacing(m.px(20) if lines == 2 else 0)
        self.setFixedHeight(lines * m.touch_target + (lines - 1) * m.px(20) + m.px(32))

    def set_position(self, index: int, count: int) -> None:
        self.dots.set_position(index, count)

    def set_interactive(self, interactive: bool) -> None:
        self.previous.setVisible(interactive)
        self.next.setVisible(interactive)
        for toggle in (self.large_text, self.high_contrast):
            toggle.setVisible(interactive)
        self.speech.setVisible(interactive and self._speech_offered)
        self.hint.setVisible(not interactive)
        self._fit_height()
        self.arrange()

    def arrange(self) -> None:
        """The dots give way when the row has no room for every button (the volume buttons beside "Lees
        voor" on a small landscape screen); on a narrow screen the invitation has the row in the loop."""
        interactive = self.next.isVisibleTo(self)
        if not interactive:
            self.dots.setVisible(not self._portrait)
            return
        m = self._metrics
        self.choice_row.invalidate()  # the volume buttons may have come or gone just now
        buttons = [self.previous, self.next] + ([] if self._portrait else [self.choices])
        need = sum(b.sizeHint().width() for b in buttons) + self.dots.sizeHint().width()
        need += len(buttons) * m.target_gap + 2 * m.margin
        self.dots.setVisible(need <= self.width() or self.width() == 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()
