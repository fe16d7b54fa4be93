"""CPU used while a slide stands still: a kiosk that burns a core all day is broken.

python -m benchmarks.idle_cpu [seconds]
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEventLoop, QSize, QTimer

from benchmarks.common import rss_mb
from kiosk.app import build_kiosk, create_application
from kiosk.resources import default_content_dir


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    create_application()
    window = build_kiosk(default_content_dir(), time_scale=1000.0)  # a 12 s slide now stands for hours
    window.resize(QSize(1920, 1080))
    window.show()
    loop = QEventLoop()
    QTimer.singleShot(500, loop.quit)
    loop.exec()  # settle: first paint, fonts, pictures
    cpu0, wall0 = time.process_time(), time.perf_counter()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    print(f"CPU while a slide stands still: {100 * cpu / wall:.2f} % of one core over {wall:.0f} s")
    print(f"resident memory: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
