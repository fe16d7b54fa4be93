"""Helpers shared by the benchmarks: an offscreen kiosk and the process's resident memory."""

from __future__ import annotations

import os
from pathlib import Path

# Offscreen on a virtual 4K screen, as the tests: Qt's default 800×600 offscreen screen drops taps outside it.
SCREEN = Path(__file__).resolve().parent.parent / "tests" / "offscreen-screen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
