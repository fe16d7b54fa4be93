"""Start to first slide painted, in a fresh process each run; memory after start.

python -m benchmarks.startup [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys

CHILD = """
import time; t0 = time.perf_counter()
from benchmarks.common import rss_mb
from PySide6.QtCore import QSize
from kiosk.app import build_kiosk, create_application
from kiosk.resources import default_content_dir
app = create_application()
window = build_kiosk(default_content_dir())
window.resize(QSize(1920, 1080)); window.show(); app.processEvents()
window.grab()  # forces the first slide to be rendered and painted
print(time.perf_counter() - t0, rss_mb())
"""


def one_run() -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=True).stdout
    seconds, mb = out.split()
    return float(seconds), float(mb)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    results = [one_run() for _ in range(runs)]
    seconds = statistics.median(r[0] for r in results)
    memory = statistics.median(r[1] for r in results)
    print(f"start to first slide painted: median {seconds:.3f} s over {runs} runs")
    print(f"resident memory after start: median {memory:.0f} MB")


if __name__ == "__main__":
    main()
