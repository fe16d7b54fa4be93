"""A clock the test moves by hand: `advance(60)` fires, in order, every timer that falls due in that minute.

Timers are real QTimer objects (so signals, parents and deletion behave as usual) whose start/stop are
taken over: nothing runs on Qt's own timer, nothing waits on real time.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer

from kiosk.services.clock import Clock

DEFAULT_START = dt.datetime(2026, 6, 1, 10, 0)  # a Monday morning, in opening hours


class FakeTimer(QTimer):
    def __init__(self, clock: FakeClock, parent: QObject) -> None:
        super().__init__(parent)
        self._clock = clock
        self._interval_ms = 0
        self._single = False
        self._due: float | None = None  # monotonic seconds; None when stopped
        self._order = 0

    def setInterval(self, msec: int) -> None:
        self._interval_ms = int(msec)

    def interval(self) -> int:
        return self._interval_ms

    def setSingleShot(self, single_shot: bool) -> None:
        self._single = single_shot

    def isSingleShot(self) -> bool:
        return self._single

    def start(self, msec: int | None = None) -> None:
        if msec is not None:
            self._interval_ms = int(msec)
        self._due = self._clock.monotonic() + self._interval_ms / 1000
        self._order = self._clock.next_order()

    def stop(self) -> None:
        self._due = None

    def isActive(self) -> bool:
        return self._due is not None

    def remainingTime(self) -> int:
        if self._due is None:
            return -1
        return max(0, round((self._due - self._clock.monotonic()) * 1000))

    def fire(self) -> None:
        if self._single:
            self._due = None
        else:
            self._due = (self._due or self._clock.monotonic()) + max(self._interval_ms, 1) / 1000
        self.timeout.emit()


class FakeClock(Clock):
    """Starts on `start` (wall) and 1000.0 (monotonic); only `advance` and `set_wall_time` move it."""

    def __init__(self, start: dt.datetime = DEFAULT_START) -> None:
        self._seconds = 1000.0
        self._wall_at_start = start  # the wall time when monotonic time was 1000.0
        self._timers: weakref.WeakSet[FakeTimer] = weakref.WeakSet()
        self._orders = 0

    def now(self) -> dt.datetime:
        return self._wall_at_start + dt.timedelta(seconds=self._seconds - 1000)

    def monotonic(self) -> float:
        return self._seconds

    def next_order(self) -> int:
        self._orders += 1
        return self._orders

    def timer(self, parent: QObject, interval_ms: int = 0, single_shot: bool = True) -> QTimer:
        timer = FakeTimer(self, parent)
        timer.setInterval(interval_ms)
        timer.setSingleShot(single_shot)
        self._timers.add(timer)
        return timer

    def set_wall_time(self, when: dt.datetime) -> None:
        """The wall clock jumps (NTP, daylight saving, someone setting it); monotonic time does not."""
        self._wall_at_start += when - self.now()

    def advance(self, seconds: float, between: Callable[[], None] | None = None) -> None:
        """Move time forward, firing each timer when it falls due (earliest first, then in start order).

        `between` runs after every firing, e.g. to let Qt deliver posted events.
        """
        end = self._seconds + seconds
        while True:
            due = self._next_due(end)
            if due is None:
                break
            self._seconds = max(self._seconds, due._due or self._seconds)
            due.fire()
            if between is not None:
                between()
        self._seconds = end

    def _next_due(self, end: float) -> FakeTimer | None:
        live = [t for t in list(self._timers) if shiboken6.isValid(t) and t._due is not None]
        due = [t for t in live if t._due is not None and t._due <= end]
        return min(due, key=lambda t: (t._due, t._order)) if due else None
