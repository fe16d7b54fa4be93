"""The one clock: wall time for opening hours and date ranges, monotonic time for durations and lockouts,
and every timer the kiosk starts. The application factory makes one and hands it to everything that
waits, so a test can swap in a fake one and run a week of slides without sleeping."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer


class Clock:
    """Real time. Timers are plain QTimers; `FakeClock` in the tests gives timers it fires itself."""

    def now(self) -> dt.datetime:
        """Wall time: may jump (NTP, daylight saving, staff setting the clock); only for calendars."""
        return dt.datetime.now()

    def monotonic(self) -> float:
        """Seconds that only ever go forward: for durations, lockouts and uptime."""
        return time.monotonic()

    def timer(self, parent: QObject, interval_ms: int = 0, single_shot: bool = True) -> QTimer:
        timer = QTimer(parent)
        timer.setTimerType(Qt.TimerType.PreciseTimer if interval_ms < 100 else Qt.TimerType.CoarseTimer)
        timer.setInterval(interval_ms)
        timer.setSingleShot(single_shot)
        return timer

    def single_shot(self, delay_ms: int, parent: QObject, callback: Callable[[], None]) -> None:
        """Call `callback` once after `delay_ms`, unless `parent` is deleted first."""
        timer = self.timer(parent, delay_ms)
        timer.timeout.connect(callback)
        timer.timeout.connect(timer.deleteLater)
        timer.start()
