"""One-finger tap and swipe, classified from where a touch started and ended; a two-finger hold.

Qt's QSwipeGesture only recognises three-finger swipes, so the kiosk classifies its own: a pure
function of the touch points, tested without Qt events; `TouchTracker` feeds it from mouse and touch.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QEventPoint, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

from kiosk.services.clock import Clock


class Gesture(Enum):
    TAP = "tap"
    SWIPE_LEFT = "swipe_left"  # finger moves left: the next slide (the previous one right to left)
    SWIPE_RIGHT = "swipe_right"  # finger moves right: the previous slide (the next one right to left)
    NONE = "none"


def classify(
    start: QPointF | tuple[float, float], end: QPointF | tuple[float, float], seconds: float, width: float
) -> Gesture:
    """Tap: a short press that barely moved. Swipe: a mostly horizontal move over 8% of the width."""
    sx, sy = (start.x(), start.y()) if isinstance(start, QPointF) else start
    ex, ey = (end.x(), end.y()) if isinstance(end, QPointF) else end
    dx, dy = ex - sx, ey - sy
    tap_slop = max(12.0, width * 0.015)
    if abs(dx) <= tap_slop and abs(dy) <= tap_slop:
        return Gesture.TAP if seconds < 1.0 else Gesture.NONE
    if abs(dx) >= max(40.0, width * 0.08) and abs(dx) > 1.5 * abs(dy) and seconds < 1.5:
        return Gesture.SWIPE_LEFT if dx < 0 else Gesture.SWIPE_RIGHT
    return Gesture.NONE


class TouchTracker(QObject):
    """Watches one widget's touch and mouse events and reports finished gestures with their position."""

    gesture_made = Signal(Gesture, QPointF)

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._start: QPointF | None = None
        self._start_ms = 0
        self._touching = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.TouchBegin and isinstance(event, QTouchEvent) and event.points():
            if self._widget.childAt(event.points()[0].position().toPoint()) is not None:
                return False  # a button on the widget: left to Qt, which presses it as with a mouse
            self._touching = True
            self._begin(event.points()[0].position(), event.timestamp())
            event.accept()
            return True
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel) and isinstance(event, QTouchEvent):
            self._touching = False
            if kind == QEvent.Type.TouchEnd and event.points():
                self._finish(event.points()[0].position(), event.timestamp())
            self._start = None
            return True
        if kind == QEvent.Type.TouchUpdate:
            return True
        if (
            isinstance(event, QMouseEvent)
            and not self._touching
            and event.source().name == "MouseEventNotSynthesized"
        ):
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):  # quick taps, too
                self._begin(event.position(), event.timestamp())
                return True
            if kind == QEvent.Type.MouseButtonRelease and self._start is not None:
                self._finish(event.position(), event.timestamp())
                self._start = None
                return True
        return False

    def _begin(self, pos: QPointF, timestamp: int) -> None:
        self._start = QPointF(pos)
        self._start_ms = timestamp

    def _finish(self, pos: QPointF, timestamp: int) -> None:
        if self._start is None:
            return
        seconds = max(0, timestamp - self._start_ms) / 1000
        gesture = classify(self._start, pos, seconds, float(self._widget.width()))
        if gesture is not Gesture.NONE:
            self.gesture_made.emit(gesture, QPointF(self._start))


HOLD_MS = 2000  # two fingers held this long, anywhere: speech mode (needs no sight to find)
HOLD_SLOP_MM = 10  # fingers resting on glass drift a little; more than this is a swipe or a pinch


class TwoFingerHold(QObject):
    """Two fingers held still anywhere on the window for HOLD_MS: `held`. Watches the touches the window
    itself receives (before any widget), so no button or slide can take the gesture, and times them on the
    kiosk's clock."""

    held = Signal()

    def __init__(self, window: QWidget, clock: Clock, slop_px: float = 40.0) -> None:
        super().__init__(window)
        self._window = window
        self._timer = clock.timer(self, HOLD_MS)
        self._timer.timeout.connect(self.held)
        self._start: list[QPointF] = []
        self.slop_px = slop_px
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent) and watched is self._window.windowHandle():
            self._follow(event)
        return False

    def _follow(self, event: QTouchEvent) -> None:
        down = [p.globalPosition() for p in event.points() if p.state() != QEventPoint.State.Released]
        if event.type() in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel) or len(down) < 2:
            self._cancel()
        elif not self._start or len(down) != len(self._start):
            self._start = down
            self._timer.start()
        elif any((a - b).manhattanLength() > self.slop_px for a, b in zip(down, self._start, strict=True)):
            self._cancel()

    def _cancel(self) -> None:
        self._start = []
        self._timer.stop()
