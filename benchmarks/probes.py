"""One measurement in a fresh process, printed as JSON on the last line of stdout.

    python -m benchmarks.probes NAME kiosk|empty ['{"option": value}']

`python -m benchmarks` starts these several times and summarises them. "empty" measures the floor:
a bare PySide6 window doing the same thing, so each kiosk figure can be given as a ratio to it.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEasingCurve, QEvent, QEventLoop, QPoint, QSize, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from benchmarks.common import PaintWatch, peak_rss_mb, rss_mb

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow

FULL_HD = QSize(1920, 1080)
STILL = 1000.0  # time scale: a 12 s slide now stands for hours, so nothing moves unless we move it


class EmptyWindow(QWidget):
    """The floor: a window that only fills itself; a tap asks for a repaint."""

    def __init__(self) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.paint_ms: list[float] = []

    def paintEvent(self, event: QPaintEvent) -> None:
        t0 = time.perf_counter()
        QPainter(self).fillRect(self.rect(), QColor("#f6f1ea"))
        self.paint_ms.append((time.perf_counter() - t0) * 1000)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate):
            event.accept()
            return True
        if event.type() == QEvent.Type.TouchEnd:
            self.update()
            return True
        return super().event(event)


def _empty_window() -> EmptyWindow:
    QApplication([])
    window = EmptyWindow()
    window.setGeometry(0, 0, FULL_HD.width(), FULL_HD.height())
    return window


def _app() -> QApplication:
    from kiosk.app import create_application

    return create_application()


def _kiosk(content: Path | None = None, time_scale: float = STILL, watch: bool = False) -> KioskWindow:
    from kiosk.app import build_kiosk
    from kiosk.resources import default_content_dir

    _app()
    window = build_kiosk(content or default_content_dir(), time_scale=time_scale, watch=watch)
    window.setGeometry(0, 0, FULL_HD.width(), FULL_HD.height())
    return window


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def startup(kind: str) -> dict[str, float]:
    """From the process's start (the runner's clock) to the first slide painted, and peak memory."""
    if kind == "empty":
        window: QWidget = _empty_window()
        target = window
    else:
        window = _kiosk(watch=True)
        target = window.slideshow
    painted = PaintWatch(target)
    window.show()
    painted.wait()
    return {"painted_at": time.perf_counter(), "peak_rss_mb": peak_rss_mb()}


def _timed_slide_paints() -> list[float]:
    """Patches the slideshow's paintEvent to record how long each cross-fade frame takes."""
    from kiosk.ui.slideshow import SlideShow

    durations: list[float] = []
    original = SlideShow.paintEvent

    def timed(self: SlideShow, event: QPaintEvent) -> None:
        t0 = time.perf_counter()
        original(self, event)
        if self.in_transition():
            durations.append((time.perf_counter() - t0) * 1000)

    SlideShow.paintEvent = timed  # type: ignore[method-assign]
    return durations


def frames(kind: str, transitions: int = 20) -> dict[str, list[float]]:
    """Paint time of every frame of real cross-fades at 1920×1080, between pauses as a visitor makes."""
    if kind == "empty":
        empty = _empty_window()
        empty.show()
        _wait(300)
        fade = QVariantAnimation(empty)
        fade.setStartValue(0.0)
        fade.setEndValue(1.0)
        fade.setDuration(450)
        fade.setEasingCurve(QEasingCurve.Type.InOutQuad)
        fade.valueChanged.connect(empty.update)
        empty.paint_ms.clear()
        for _ in range(transitions):
            fade.start()
            _wait(600)
        return {"frame_ms": empty.paint_ms}
    durations = _timed_slide_paints()
    window = _kiosk()
    window.show()
    _wait(500)
    for _ in range(transitions):
        window.slideshow.next()
        _wait(800)  # the 450 ms fade, then the slide stands a moment
    return {"frame_ms": durations}


def _tap(target: QWidget, device: QPointingDevice, point: QPoint | None = None) -> float:
    """A finger's tap on `target`; returns the time the finger left the glass."""
    where = point or target.rect().center()
    QTest.touchEvent(target, device).press(0, where, target).commit()
    released = time.perf_counter()
    QTest.touchEvent(target, device).release(0, where, target).commit()
    return released


def taps(kind: str, rounds: int = 12) -> dict[str, list[float]]:
    """From a finger lifting to the next screen painted: next slide, signs, contact and back again."""
    device = QTest.createTouchDevice()
    tap_ms: list[float] = []
    if kind == "empty":
        empty = _empty_window()
        empty.show()
        _wait(300)
        painted = PaintWatch(empty)
        for _ in range(rounds * 5):
            painted.arm()
            released = _tap(empty, device)
            painted.wait()
            tap_ms.append((time.perf_counter() - released) * 1000)
            _wait(100)
        return {"tap_ms": tap_ms}
    window = _kiosk()
    window.show()
    _wait(500)
    show = window.slideshow
    _tap(show, device)  # the first tap only stops the loop
    right = QPoint(show.width() * 3 // 4, show.height() // 2)
    steps: list[tuple[QWidget, QPoint | None, QWidget]] = [
        (show, right, show),
        (window.top_bar.signs, None, window.signs),
        (window.signs.back, None, show),
        (window.top_bar.contact, None, window.contact),
        (window.contact.back, None, show),
    ]
    watches = {id(screen): PaintWatch(screen) for _, _, screen in steps}
    for _ in range(rounds):
        for button, point, screen in steps:
            _wait(700)  # a visitor reads a moment (longer than the 450 ms fade of the last tap)
            current = show.current_slide()
            if button is show and current is not None and current.signs is not None:
                button, point = window.bottom_bar.next, None  # a tap on the signs slide opens the signs
            painted = watches[id(screen)]
            before = (window.pages.currentWidget(), show.index())
            painted.arm()
            released = _tap(button, device, point)
            painted.wait()
            tap_ms.append((time.perf_counter() - released) * 1000)
            assert (window.pages.currentWidget(), show.index()) != before, f"the tap on {button} did nothing"
    return {"tap_ms": tap_ms}


def idle_cpu(kind: str, seconds: float = 30.0) -> dict[str, float]:
    """Share of one core used while the screen stands still (after a short settling)."""
    if kind == "empty":
        window: QWidget = _empty_window()
    else:
        window = _kiosk(watch=True)
    window.show()
    _wait(2000)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    _wait(round(seconds * 1000))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {"cpu_percent": 100 * cpu / wall}


def soak(kind: str, transitions: int = 10_000, visitors: int = 500) -> dict[str, float]:
    """Transitions with visitors (signs, contact, idle reset) mixed in; memory after 1,000 and at the end."""
    window = _kiosk()
    window.show()
    show = window.slideshow
    every = max(1, transitions // visitors)
    after_first_thousand = 0.0
    for i in range(1, transitions + 1):
        show.next()
        show.repaint()
        if i % every == 0:
            window.take_over()
            window.show_signs()
            while not window.signs.on_summary():
                window.signs.answer(i % 2 == 0)
                window.signs.repaint()
            window.show_contact()
            window.contact.repaint()
            window.reset_to_loop()  # what the idle timeout does
        QApplication.processEvents()
        if i == 1000:
            after_first_thousand = rss_mb()
    return {"rss_after_1000": after_first_thousand, "rss_end": rss_mb()}


def load(kind: str, folder: str = "") -> dict[str, float]:
    """A content folder loaded, validated and its first slide painted, in a running application."""
    _app()
    started = time.perf_counter()
    window = _kiosk(Path(folder))
    painted = PaintWatch(window.slideshow)
    window.show()
    painted.wait()
    seconds = time.perf_counter() - started
    assert len(window.slideshow.slides()) >= 200, "the big folder did not load"
    return {"seconds": seconds}


def make_folder(kind: str, folder: str = "", slides: int = 200) -> dict[str, float]:
    """The default content plus `slides` more, each with its own picture: JPEG photos, PNGs and SVGs."""
    from kiosk.resources import default_content_dir

    target = Path(folder)
    shutil.copytree(default_content_dir(), target)
    svgs = sorted((target / "images").glob("*.svg"))
    words = " ".join(["Een rustige zin over hoe het met je gaat na de bevalling."] * 5)
    for n in range(slides):
        kind_of_picture = ("jpg", "png", "svg")[n % 3]
        name = f"bench-{n:03d}.{kind_of_picture}"
        if kind_of_picture == "svg":
            shutil.copy(svgs[n % len(svgs)], target / "images" / name)
        else:
            _photo(n, QSize(2400, 1600) if kind_of_picture == "jpg" else QSize(1200, 900)).save(
                str(target / "images" / name)
            )
        (target / "slides" / f"5{n:03d}-bench.nl.md").write_text(
            f'+++\ntitle = "Onderwerp {n}"\nillustration = "{name}"\nduration = 10\n+++\n{words}\n',
            encoding="utf-8",
        )
    return {"slides": float(slides)}


def _photo(seed: int, size: QSize) -> QImage:
    """A picture with soft gradients and detail, so it compresses like a photo rather than a flat fill."""
    image = QImage(size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    for band in range(0, size.height(), 8):
        painter.fillRect(0, band, size.width(), 8, QColor.fromHsv((seed * 37 + band // 8) % 360, 90, 200))
    painter.setPen(QColor("#333"))
    for line in range(0, size.width(), 13):
        painter.drawLine(line, 0, (line * 7 + seed) % size.width(), size.height())
    painter.end()
    return image


PROBES: dict[str, Callable[..., dict[str, Any]]] = {
    "startup": startup,
    "frames": frames,
    "taps": taps,
    "idle_cpu": idle_cpu,
    "soak": soak,
    "load": load,
    "make_folder": make_folder,
}


def main() -> None:
    name, kind, *options = sys.argv[1:]
    print(json.dumps(PROBES[name](kind, **(json.loads(options[0]) if options else {}))))


if __name__ == "__main__":
    main()
