"""Helpers shared by the benchmark probes: an offscreen screen, memory figures, and "painted" detection."""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject

# Offscreen on a virtual 4K screen, as the tests: Qt's default 800×600 offscreen screen drops taps outside it.
SCREEN = Path(__file__).resolve().parent.parent / "tests" / "offscreen-screen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")


def rss_mb() -> float:
    """Resident memory now."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    """The most resident memory the process ever had (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


class PaintWatch(QObject):
    """Notices when a widget gets a paint event (while `when()` holds, if given); `wait()` returns once
    it has been painted."""

    def __init__(self, widget: QObject, when: Callable[[], bool] | None = None) -> None:
        super().__init__()
        self.painted = False
        self.when = when
        self.parent_name = widget.objectName() or type(widget).__name__
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and (self.when is None or self.when()):
            self.painted = True
        return False

    def arm(self) -> None:
        """Forget earlier paints: call before the action whose paint is awaited."""
        self.painted = False

    def wait(self, timeout_s: float = 10.0) -> None:
        """Process events until a paint has been delivered (and so has finished)."""
        wait_until(lambda: self.painted, timeout_s, f"{self.parent_name} was not painted")


def wait_until(done: Callable[[], bool], timeout_s: float = 30.0, what: str = "waited") -> None:
    """Process events until `done()`. Sleeps until each next event rather than spinning, so a worker
    thread (the slideshow's) is not starved of Python's GIL by the measuring itself."""
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} within {timeout_s:g} s")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
