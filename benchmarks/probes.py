"""One measurement in a fresh process, printed as JSON on the last line of stdout.

    python -m benchmarks.probes NAME kiosk|empty ['{"option": value}']

`python -m benchmarks` starts these several times and summarises them. "empty" measures the floor:
a bare PySide6 window doing the same thing, so each kiosk figure can be given as a ratio to it.
"""

from __future__ import annotations

import itertools
import json
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStackedLayout, QWidget

from benchmarks.common import PaintWatch, peak_rss_mb, rss_mb, wait_until

if TYPE_CHECKING:
    from kiosk.ui.slideshow import SlideShow
    from kiosk.ui.window import KioskWindow

FULL_HD = QSize(1920, 1080)
TRANSITION_MS = 450  # the default content's transition_ms: the floor fades as long as the kiosk
FRAME_MS = 16  # the slideshow's frame timer


class EmptyWindow(QWidget):
    """The start and still-CPU floor: a window that only fills itself."""

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), QColor("#f6f1ea"))


def _full_screen_pixmap(colour: str) -> QPixmap:
    pixmap = QPixmap(FULL_HD)
    pixmap.fill(QColor(colour))
    return pixmap


class BlendWindow(QWidget):
    """The frame floor: what the slideshow does in a fade, bare. It paints full-screen pixmap A, then
    pixmap B at an eased opacity, on a 16 ms timer, at 1920×1080; a tap starts a fade."""

    def __init__(self) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.pixmaps = [_full_screen_pixmap("#f6f1ea"), _full_screen_pixmap("#d6e7e4")]
        self.started: float | None = None
        self.on_tap: Callable[[], None] = self.fade
        self.paint_ms: list[float] = []
        self.frames = QTimer(self)
        self.frames.setTimerType(Qt.TimerType.PreciseTimer)
        self.frames.setInterval(FRAME_MS)
        self.frames.timeout.connect(self._frame)

    def fade(self) -> None:
        self.pixmaps.reverse()
        self.started = time.perf_counter()
        self.frames.start()
        self.update()

    def progress(self) -> float:
        if self.started is None:
            return 1.0
        t = min(1.0, (time.perf_counter() - self.started) * 1000 / TRANSITION_MS)
        return 2 * t * t if t < 0.5 else 1 - (2 - 2 * t) ** 2 / 2

    def settled(self) -> bool:
        return self.started is None

    def _frame(self) -> None:
        if self.progress() >= 1.0:
            self.frames.stop()
            self.started = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        t0 = time.perf_counter()
        painter = QPainter(self)
        fading = self.started is not None
        if fading:
            painter.drawPixmap(0, 0, self.pixmaps[0])
            painter.setOpacity(self.progress())
        painter.drawPixmap(0, 0, self.pixmaps[1])
        painter.end()
        if fading:
            self.paint_ms.append((time.perf_counter() - t0) * 1000)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate):
            event.accept()
            return True
        if event.type() == QEvent.Type.TouchEnd:
            self.on_tap()
            return True
        return super().event(event)


class PixmapPage(QWidget):
    """A page of the tap floor: one full-screen pixmap."""

    def __init__(self, colour: str) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.pixmap = _full_screen_pixmap(colour)

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).drawPixmap(0, 0, self.pixmap)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate):
            event.accept()
            return True
        if event.type() == QEvent.Type.TouchEnd:
            host = self.parentWidget()
            layout = host.layout() if host is not None else None
            assert isinstance(layout, QStackedLayout)
            layout.setCurrentIndex(1 - layout.currentIndex())
            return True
        return super().event(event)


def _floor_app() -> None:
    QApplication([])


def _empty_window() -> EmptyWindow:
    _floor_app()
    window = EmptyWindow()
    window.setGeometry(0, 0, FULL_HD.width(), FULL_HD.height())
    return window


def _app() -> QApplication:
    from kiosk.app import create_application

    return create_application()


def _kiosk(content: Path | None = None, watch: bool = False) -> KioskWindow:
    """The kiosk on the real clock, at 1920×1080."""
    from kiosk.app import build_kiosk
    from kiosk.resources import default_content_dir

    _app()
    window = build_kiosk(content or default_content_dir(), watch=watch)
    window.setGeometry(0, 0, FULL_HD.width(), FULL_HD.height())
    return window


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _slide_painted(show: SlideShow) -> PaintWatch:
    """Notices a paint of the slideshow showing its current slide (not the background it starts with)."""
    return PaintWatch(show, when=show.settled)


def startup(kind: str) -> dict[str, float]:
    """From the process's start (the runner's clock) to the first slide painted, and memory. The moment
    is taken as the paint returns (the frame is drawn; Qt flushes it next), not once the event loop comes
    back: whatever the kiosk does after its first frame (its other screens, the next slides) is not the
    start a visitor waits for, and the floor is timed the same way."""
    painted_at: list[float] = []
    if kind == "empty":
        window: QWidget = _empty_window()
        painted = PaintWatch(window)
        _time_first_paint(EmptyWindow, lambda _widget: True, painted_at)
    else:
        from kiosk.ui.slideshow import SlideShow

        kiosk = window = _kiosk(watch=True)
        painted = _slide_painted(kiosk.slideshow)
        _time_first_paint(SlideShow, lambda show: show.settled(), painted_at)
    window.show()
    painted.wait()
    result = {"painted_at": painted_at[0], "peak_rss_mb": peak_rss_mb(), "rss_mb": rss_mb()}
    if kind != "empty":
        kiosk.quit_cleanly()  # as the kiosk ends: its slide worker stops before the interpreter does
    return result


def _time_first_paint(widget_type: type[Any], done: Callable[[Any], bool], at: list[float]) -> None:
    """Wraps `widget_type.paintEvent`: the moment the first paint that shows `done` returns goes in `at`."""
    original = widget_type.paintEvent

    def timed(self: QWidget, event: QPaintEvent) -> None:
        original(self, event)
        if not at and done(self):
            at.append(time.perf_counter())

    widget_type.paintEvent = timed


class FrameLog(QObject):
    """When each paint of a widget happened, and how long its paintEvent took, while `fading()`."""

    def __init__(self, widget: QWidget, fading: Callable[[], bool]) -> None:
        super().__init__()
        self.fading = fading
        self.times: list[list[float]] = []  # paint start times, one list per fade
        self.paint_ms: list[float] = []
        self._started = 0.0
        self._in_fade = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.fading():
            if not self._in_fade:
                self.times.append([])
                self._in_fade = True
            self._started = time.perf_counter()
            self.times[-1].append(self._started)
        elif event.type() == QEvent.Type.Paint:
            self._in_fade = False
        return False

    def painted(self) -> None:
        if self._started:
            self.paint_ms.append((time.perf_counter() - self._started) * 1000)
            self._started = 0.0

    def longest_gap_ms(self) -> float:
        return max(((b - a) * 1000 for fade in self.times for a, b in itertools.pairwise(fade)), default=0.0)


def _timed_paints(widget_type: type[QWidget], log: list[FrameLog]) -> None:
    """Wraps `widget_type.paintEvent` so the frame log learns when each paint ended."""
    original = widget_type.paintEvent

    def timed(self: QWidget, event: QPaintEvent) -> None:
        original(self, event)
        for frame_log in log:
            frame_log.painted()

    widget_type.paintEvent = timed  # type: ignore[method-assign]


def frames(kind: str, transitions: int = 20, content: str = "") -> dict[str, Any]:
    """Every frame of real cross-fades at 1920×1080 (a pause between them, as a visitor makes): how long
    each paint took, and the longest gap between two frames of one fade."""
    logs: list[FrameLog] = []
    if kind == "empty":
        _floor_app()
        blend = BlendWindow()
        blend.setGeometry(0, 0, FULL_HD.width(), FULL_HD.height())
        blend.show()
        _timed_paints(BlendWindow, logs)
        logs.append(FrameLog(blend, lambda: blend.started is not None))
        _wait(300)
        for _ in range(transitions):
            blend.fade()
            _wait(800)
        return {"frame_ms": logs[0].paint_ms, "gap_ms": logs[0].longest_gap_ms()}
    from kiosk.ui.slideshow import SlideShow

    _timed_paints(SlideShow, logs)
    window = _kiosk(Path(content) if content else None)
    show = window.slideshow
    logs.append(FrameLog(show, show.in_transition))
    window.show()
    _wait(500)
    for _ in range(transitions):
        show.next()
        _wait(800)  # the 450 ms fade, then the slide stands a moment (its neighbours are rendered now)
    return {"frame_ms": logs[0].paint_ms, "gap_ms": logs[0].longest_gap_ms()}


def _tap(target: QWidget, device: QPointingDevice, point: QPoint | None = None) -> float:
    """A finger's tap on `target`; returns the time the finger left the glass."""
    where = point or target.rect().center()
    QTest.touchEvent(target, device).press(0, where, target).commit()
    released = time.perf_counter()
    QTest.touchEvent(target, device).release(0, where, target).commit()
    return released


class Heartbeat(QObject):
    """A 2 ms timer on the GUI thread: the longest gap between ticks is the longest the thread was busy."""

    def __init__(self) -> None:
        super().__init__()
        self.last = time.perf_counter()
        self.longest_ms = 0.0
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.timer.start(2)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self.last) * 1000)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()


def taps(kind: str, rounds: int = 12, content: str = "") -> dict[str, Any]:
    """From a finger lifting to the next screen's first frame, and to that screen fully shown (a slide:
    its cross-fade finished; signs or contact: the page painted): next slide, signs, back, contact, back.
    The floor does the same five steps: a fade between two full-screen pixmaps and four page switches."""
    device = QTest.createTouchDevice()
    first_ms: list[float] = []
    shown_ms: list[float] = []
    slide_first_ms: list[float] = []  # the slide changes among them
    if kind == "empty":
        _floor_app()
        host = QWidget()
        host.setGeometry(0, 0, FULL_HD.width(), FULL_HD.height())
        stack = QStackedLayout(host)
        blend, page = BlendWindow(), PixmapPage("#d6e7e4")
        stack.addWidget(blend)
        stack.addWidget(page)
        host.show()
        _wait(300)
        settled = PaintWatch(blend, when=blend.settled)
        for _ in range(rounds):
            for step in range(5):  # a fade, then to the page and back, twice
                _wait(700)
                fade = step == 0
                shown = blend if fade else stack.widget(1 - stack.currentIndex())
                on_screen = stack.currentWidget()
                assert shown is not None and on_screen is not None
                blend.on_tap = blend.fade if fade else lambda: stack.setCurrentIndex(1)
                first, full = PaintWatch(shown), settled if fade else None
                settled.arm()
                released = _tap(blend if fade else on_screen, device)
                first.wait()
                first_ms.append((time.perf_counter() - released) * 1000)
                if full is not None:
                    full.wait()  # the fade's last frame
                shown_ms.append((time.perf_counter() - released) * 1000)
                first.deleteLater()
        return {"first_ms": first_ms, "shown_ms": shown_ms}
    window = _kiosk(Path(content) if content else None)
    window.show()
    heartbeat = Heartbeat()
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
    settled = _slide_painted(show)
    longest_ms = 0.0
    for _ in range(rounds):
        for button, point, screen in steps:
            _wait(700)  # a visitor reads a moment (longer than the 450 ms fade of the last tap)
            current = show.current_slide()
            if button is show and current is not None and current.signs is not None:
                button, point = window.bottom_bar.next, None  # a tap on the signs slide opens the signs
            painted = watches[id(screen)]
            before = (window.pages.currentWidget(), show.index())
            heartbeat.reset()
            painted.arm()
            settled.arm()
            released = _tap(button, device, point)
            painted.wait()
            first_ms.append((time.perf_counter() - released) * 1000)
            assert (window.pages.currentWidget(), show.index()) != before, f"the tap on {button} did nothing"
            if screen is show:
                settled.wait()  # the new slide painted with no fade left running
            if button is show:
                slide_first_ms.append(first_ms[-1])
            shown_ms.append((time.perf_counter() - released) * 1000)
            longest_ms = max(longest_ms, heartbeat.longest_ms)
            heartbeat.longest_ms = 0.0
    return {
        "first_ms": first_ms,
        "shown_ms": shown_ms,
        "slide_first_ms": slide_first_ms,
        "busy_ms": longest_ms,
    }


def cpu(kind: str, seconds: float = 30.0, looping: bool = False, cycle_s: float = 0.0) -> dict[str, float]:
    """Share of one core used over `seconds` after 2 s of settling: the attract loop running at real
    speed with its fades (`looping`), or one slide standing still. The looping floor fades between two
    full-screen pixmaps as often as the kiosk changes slides (every `cycle_s` / slides)."""
    if kind == "empty":
        if looping:
            _floor_app()
            blend = BlendWindow()
            blend.setGeometry(0, 0, FULL_HD.width(), FULL_HD.height())
            window: QWidget = blend
            every = QTimer(blend)
            every.timeout.connect(blend.fade)
            every.start(round(cycle_s * 1000))
        else:
            window = _empty_window()
    else:
        kiosk = _kiosk(watch=True)
        window = kiosk
    window.show()
    if kind != "empty" and not looping:
        kiosk.take_over()  # a visitor's first tap: the loop stops (while the kiosk shows it, it plays)
    _wait(2000)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    _wait(round(seconds * 1000))
    used, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {"cpu_percent": 100 * used / wall}


def soak(kind: str, transitions: int = 10_000, visitors: int = 500) -> dict[str, float]:
    """Transitions with visitors (signs, contact, idle reset) mixed in; resident memory (now, not the peak)
    after 1,000 and at the end. Each transition waits for its slide from the worker and paints it."""
    window = _kiosk()
    window.show()
    show = window.slideshow
    every = max(1, transitions // visitors)

    def at_rest() -> float:
        """Resident memory with the slideshow at rest, its fade over and its neighbours drawn: measured
        mid-fade, one more full-screen image (6.6 MB) would be alive or not by chance."""
        wait_until(lambda: show.settled() and all(show.is_rendered(show.index() + d) for d in (-1, 1)))
        return rss_mb()

    after_first_thousand = 0.0
    for i in range(1, transitions + 1):
        show.next()
        wait_until(lambda: show.is_rendered(show.index()))
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
            after_first_thousand = at_rest()
    return {"rss_after_1000": after_first_thousand, "rss_end": at_rest()}


def load(kind: str, folder: str = "") -> dict[str, float]:
    """A content folder loaded, validated and its first slide painted, in a running application."""
    _app()
    started = time.perf_counter()
    window = _kiosk(Path(folder))
    painted = _slide_painted(window.slideshow)
    window.show()
    painted.wait()
    seconds = time.perf_counter() - started
    assert len(window.slideshow.slides()) >= 200, "the big folder did not load"
    return {"seconds": seconds}


def make_photo_folder(kind: str, folder: str = "") -> dict[str, float]:
    """The default content with a 6000×4000 JPEG photo (the largest a folder may hold) on every slide."""
    from kiosk.resources import default_content_dir

    target = Path(folder)
    shutil.copytree(default_content_dir(), target)
    slides = sorted((target / "slides").glob("*.md"))
    for n, slide in enumerate(slides):
        name = f"photo-{n:02d}.jpg"
        _photo(n, QSize(6000, 4000)).save(str(target / "images" / name), None, 85)
        text = slide.read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if not line.startswith("illustration")]
        lines.insert(1, f'illustration = "{name}"')
        slide.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"slides": float(len(slides))}


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


def speech(kind: str, utterances: int = 20) -> dict[str, Any]:
    """A tap on "Lees voor" to the engine speaking, slide after slide in Dutch, in the kiosk showing its
    slides (its engine in the kiosk's speech process, as a visitor's tap finds it ready); the floor: say()
    to Speaking on QTextToSpeech in an empty window's own process. Each reading is stopped once it speaks.
    Memory: the peak RSS of the kiosk's process, and of its speech process apart. Needs a speech-dispatcher
    (the runner starts one)."""
    if kind == "empty":
        return _speech_floor(utterances)
    kiosk = _kiosk()
    painted = _slide_painted(kiosk.slideshow)
    kiosk.show()
    painted.wait()
    speech = kiosk.read_aloud.speech
    if not speech.wait_ready(10_000) or not speech.has_voice("nl"):
        raise RuntimeError("the kiosk's speech process has no Dutch voice (is speech-dispatcher running?)")
    kiosk.take_over()
    speaking = []
    speech.engine_speaking.connect(lambda: speaking.append(time.perf_counter()))
    say_ms = []
    for number in range(utterances):
        kiosk.slideshow.show_index(number % kiosk.slideshow.count(), animate=False)
        speaking.clear()
        started = time.perf_counter()
        kiosk.read_aloud.toggle()  # what a tap on the speaker does
        wait_until(lambda: bool(speaking), 10, "the kiosk did not start speaking")
        say_ms.append((speaking[0] - started) * 1000)
        speech.stop()
        wait_until(lambda: not speech.speaking, 10, "the kiosk did not stop speaking")
    process = speech._process
    child = _peak_rss_of(process.processId()) if process is not None else 0.0
    result = {"say_ms": say_ms, "peak_rss_mb": peak_rss_mb(), "speech_process_mb": child}
    kiosk.quit_cleanly()
    return result


def _peak_rss_of(pid: int) -> float:
    """Another process's peak resident memory (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / 1e6
    return 0.0


def _speech_floor(utterances: int) -> dict[str, Any]:
    from PySide6.QtCore import QLocale
    from PySide6.QtTextToSpeech import QTextToSpeech

    from kiosk.content import load_content, pick
    from kiosk.resources import default_content_dir

    window = _empty_window()
    painted = PaintWatch(window)
    window.show()
    painted.wait()
    engine = QTextToSpeech("speechd")
    if engine.state() == QTextToSpeech.State.Error:
        raise RuntimeError(f"speechd: {engine.errorString()}")
    dutch = QLocale("nl").language()
    engine.setLocale(next(locale for locale in engine.availableLocales() if locale.language() == dutch))
    titles = [pick(slide.title, "nl") for slide in load_content(default_content_dir()).slides]
    say_ms = []
    for text in itertools.islice(itertools.cycle(titles), utterances):
        started = time.perf_counter()
        engine.say(text)
        wait_until(lambda: engine.state() == QTextToSpeech.State.Speaking, 10, "speechd did not speak")
        say_ms.append((time.perf_counter() - started) * 1000)
        engine.stop()
        wait_until(lambda: engine.state() == QTextToSpeech.State.Ready, 10, "speechd did not stop")
    return {"say_ms": say_ms, "peak_rss_mb": peak_rss_mb(), "speech_process_mb": 0.0}


PROBES: dict[str, Callable[..., dict[str, Any]]] = {
    "startup": startup,
    "frames": frames,
    "taps": taps,
    "cpu": cpu,
    "soak": soak,
    "load": load,
    "make_folder": make_folder,
    "make_photo_folder": make_photo_folder,
    "speech": speech,
}


def main() -> None:
    name, kind, *options = sys.argv[1:]
    print(json.dumps(PROBES[name](kind, **(json.loads(options[0]) if options else {}))))


if __name__ == "__main__":
    main()
