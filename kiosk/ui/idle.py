"""Notices when nobody has touched the screen for a while, so the kiosk can forget the last visitor."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication

from kiosk.services.clock import Clock

INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


class IdleWatch(QObject):
    """Emits `idle_timed_out` once after `timeout_ms` without any input anywhere in the application."""

    idle_timed_out = Signal()
    # `warning_ms` before the timeout, when a warning is set: staff or a visitor can say they are still there.
    about_to_time_out = Signal()
    input_seen = Signal()  # a touch while counting: the count starts again (a warning on screen can go)

    def __init__(self, clock: Clock, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = clock.timer(self, timeout_ms)
        self._timer.timeout.connect(self.idle_timed_out)
        self._warning_ms = 0
        self._warning = clock.timer(self)
        self._warning.timeout.connect(self.about_to_time_out)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timer.setInterval(timeout_ms)
        self._warning.setInterval(max(0, timeout_ms - self._warning_ms))

    def set_warning_ms(self, warning_ms: int) -> None:
        """Warn this long before the timeout (0: no warning); the next start() counts with it."""
        self._warning_ms = warning_ms
        self._warning.stop()
        self.set_timeout_ms(self._timer.interval())

    def warning_ms(self) -> int:
        return self._warning_ms

    def timeout_ms(self) -> int:
        return self._timer.interval()

    def remaining_ms(self) -> int:
        """Until the timeout; -1 when not counting."""
        return self._timer.remainingTime()

    def start(self) -> None:
        """Begin counting: called when a visitor takes over from the loop."""
        self._timer.start()
        if self._warning_ms:
            self._warning.start()

    def stop(self) -> None:
        self._timer.stop()
        self._warning.stop()

    def is_counting(self) -> bool:
        return self._timer.isActive()

    def saw_input(self) -> None:
        """Someone is there: count again (also for key presses a key handler takes before this filter)."""
        if self._timer.isActive():
            self.start()  # restart: no time pressure while someone is reading
            self.input_seen.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.saw_input()
        return False
