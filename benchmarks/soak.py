"""Memory over thousands of slide transitions and language/idle resets: it must stay flat for months.

python -m benchmarks.soak [transitions]
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from benchmarks.common import rss_mb
from kiosk.app import build_kiosk, create_application
from kiosk.resources import default_content_dir


def main() -> None:
    transitions = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    app = create_application()
    window = build_kiosk(default_content_dir(), time_scale=0.0001)
    window.resize(QSize(1920, 1080))
    window.show()
    show = window.slideshow
    show._fade.setDuration(1)
    samples = []
    start = time.perf_counter()
    for i in range(transitions):
        show.next()
        window.grab()  # paint a frame, as the screen would
        if i % 200 == 0:
            window.take_over()
            window.reset_to_loop()
        QApplication.processEvents()
        if i % (transitions // 10) == 0:
            samples.append(rss_mb())
    elapsed = time.perf_counter() - start
    samples.append(rss_mb())
    print(
        f"{transitions} transitions in {elapsed:.1f} s; resident memory (MB) at each tenth: "
        + " ".join(f"{s:.0f}" for s in samples)
    )
    first_half = samples[1 : len(samples) // 2]
    print(f"growth over the second half: {samples[-1] - max(first_half):+.1f} MB")
    app.quit()


if __name__ == "__main__":
    main()
