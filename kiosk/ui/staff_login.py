"""The way into staff mode: a hidden three-second hold in the top-left corner, then a PIN pad."""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.render import theme
from kiosk.services.clock import Clock
from kiosk.ui.widgets import big_button, screen_style, text_label

HOLD_MS = 3000
CORNER_FRACTION = 0.08


class CornerHold(QObject):
    """Emits `held` when a finger or the mouse stays down in the window's top-left corner for 3 s."""

    held = Signal()

    def __init__(self, window: QWidget, clock: Clock) -> None:
        super().__init__(window)
        self._window = window
        self._timer = clock.timer(self, HOLD_MS)
        self._timer.timeout.connect(self.held)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def _in_corner(self, global_pos: QPointF) -> bool:
        local = self._window.mapFromGlobal(global_pos.toPoint())
        size = self._window.size()
        zone = max(80.0, min(size.width(), size.height()) * CORNER_FRACTION * 1.5)
        return 0 <= local.x() <= zone and 0 <= local.y() <= zone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            position = _global_position(event)
            if position is not None and self._in_corner(position) and self._window.isVisible():
                self._timer.start()
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._timer.stop()
        elif kind in (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate) and self._timer.isActive():
            position = _global_position(event)
            if position is not None and not self._in_corner(position):
                self._timer.stop()
        return False


def _global_position(event: QEvent) -> QPointF | None:
    if isinstance(event, QMouseEvent):
        return event.globalPosition()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].globalPosition()
    return None


class PinPad(QWidget):
    """Large digits, the entry shown as dots, a plain message for wrong PINs and lockouts."""

    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._digits = ""
        self.title = text_label("lead", self.tr("Medewerkers: voer de pincode in"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.dots = text_label("title", "")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message = text_label("muted", "")
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        grid = QGridLayout()
        self.keys: dict[str, QWidget] = {}
        for index, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]):
            button = big_button(key, f"pin-{key}", primary=key == "OK")
            button.setAccessibleName({"⌫": self.tr("Wissen"), "OK": self.tr("Bevestigen")}.get(key, key))
            button.clicked.connect(lambda _checked=False, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.cancel = big_button(self.tr("Annuleren"), "pin-cancel")
        self.cancel.clicked.connect(self._cancel)
        column = QVBoxLayout(self)
        column.addStretch(1)
        for widget in (self.title, self.dots, self.message):
            column.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(grid)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        self.grid = grid

    def press(self, key: str) -> None:
        if key == "⌫":
            self._digits = self._digits[:-1]
        elif key == "OK":
            digits, self._digits = self._digits, ""
            self.pin_entered.emit(digits)
        elif len(self._digits) < 8:
            self._digits += key
        self.dots.setText("●" * len(self._digits))

    def clear(self, message: str = "") -> None:
        self._digits = ""
        self.dots.setText("")
        self.message.setText(message)
        self._keys_on(True)

    def show_locked(self, left: dt.timedelta) -> None:
        """How long the pad stays locked, in words, with the keys off until then; zero: open again."""
        if left <= dt.timedelta(0):
            self.clear(self.tr("Je kunt de pincode weer invoeren."))
            return
        self.clear(self.tr("Te vaak een verkeerde pincode.") + "\n" + wait_text(left))
        self._keys_on(False)

    def _keys_on(self, on: bool) -> None:
        """Off while locked: hidden, so nobody taps keys that cannot answer (and disabled, for tests)."""
        self.title.setText(
            self.tr("Medewerkers: voer de pincode in") if on else self.tr("Medewerkers: even geduld")
        )
        for button in self.keys.values():
            button.setEnabled(on)
            button.setVisible(on)

    def _cancel(self) -> None:
        self.clear()
        self.cancelled.emit()

    def apply_metrics(self, m: theme.Metrics) -> None:
        self.setStyleSheet(screen_style(m))
        self.grid.setSpacing(m.px(20))
        for button in self.keys.values():
            button.setMinimumWidth(m.px(150))


def wait_text(left: dt.timedelta) -> str:
    """ "Probeer het over 15 minuten opnieuw.": rounded up, so the pad is open when the time says so."""
    minutes = max(1, math.ceil(left.total_seconds() / 60))
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours} uur"] if hours else []
    if minutes:
        parts.append(f"{minutes} minuut" if minutes == 1 else f"{minutes} minuten")
    return f"Probeer het over {' en '.join(parts)} opnieuw."
