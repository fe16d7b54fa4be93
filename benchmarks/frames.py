"""Time to paint one cross-fade frame at 1920×1080, and from a tap to the next slide painted.

python -m benchmarks.frames [frames]
"""

from __future__ import annotations

import statistics
import sys
import time

from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest

from benchmarks.common import rss_mb
from kiosk.app import build_kiosk, create_application
from kiosk.resources import default_content_dir


def main() -> None:
    frames = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    create_application()
    window = build_kiosk(default_content_dir())
    window.resize(QSize(1920, 1080))
    window.show()
    QTest.qWaitForWindowExposed(window)
    show = window.slideshow
    show._fade.setDuration(100_000)
    fade_ms, tap_ms = [], []
    for i in range(frames):
        show.show_index(i + 1)
        show._fade.setCurrentTime(50_000)
        t0 = time.perf_counter()
        show.grab()
        fade_ms.append((time.perf_counter() - t0) * 1000)
    show._fade.setDuration(0)
    window.take_over()
    for _ in range(frames // 4):
        before = show.index()
        show._cache.clear()  # the worst case: the next slide has not been rendered yet
        t0 = time.perf_counter()
        QTest.mouseClick(window.bottom_bar.next, Qt.MouseButton.LeftButton)
        show.grab()
        tap_ms.append((time.perf_counter() - t0) * 1000)
        assert show.index() != before, "the tap did not reach the next button"
    print(f"cross-fade frame at 1920x1080: median {statistics.median(fade_ms):.1f} ms over {frames} frames")
    print(f"tap to next slide painted: median {statistics.median(tap_ms):.1f} ms")
    print(f"resident memory: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
