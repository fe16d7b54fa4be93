"""One-finger tap and swipe, classified from where a touch started and ended.

Qt's QSwipeGesture only recognises three-finger swipes, so the kiosk classifies its own: a pure
function of the touch points, tested without Qt events; `TouchTracker` feeds it from mouse and touch.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget


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
