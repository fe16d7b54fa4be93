"""`selftest`: what the packaged kiosk checks about itself before anyone relies on it."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize

from kiosk.app import build_kiosk, create_application
from kiosk.shots import render

log = logging.getLogger(__name__)
SIZES = (QSize(1920, 1080), QSize(1280, 800), QSize(1080, 1920))


def run_selftest(content_dir: Path) -> int:
    create_application()
    failures: list[str] = []
    window = build_kiosk(content_dir, windowed=True)
    skipped: list[str] = []
    window.slideshow.slide_skipped.connect(lambda slide_id, reason: skipped.append(f"{slide_id}: {reason}"))
    if not window.content.slides:
        failures.append("content: no usable slides (" + "; ".join(map(str, window.content.errors)) + ")")
    for size in SIZES:
        window.resize(size)
        for number in range(1, len(window.slideshow.slides()) + 1):
            image = render(window, f"slide:{number}", size).toImage()
            if image.isNull() or image.size() != size:
                failures.append(f"slide {number} at {size.width()}x{size.height()}: rendered {image.size()}")
    failures.extend(f"slide skipped: {reason}" for reason in sorted(set(skipped)))
    for failure in failures:
        print(f"FAIL {failure}")
    slides = len(window.content.slides)
    print(f"selftest: {slides} slides at {len(SIZES)} sizes: " + ("FAILED" if failures else "ok"))
    window.quit_cleanly()
    return 1 if failures else 0
