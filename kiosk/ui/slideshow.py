"""The slideshow: shows one slide at a time, advances on its own in the loop, cross-fades between slides.

A slide's photo is decoded on one worker thread (a private QThreadPool of one thread: decoding a
6000×4000 photo never holds up a frame); a queued signal says it is ready, and the GUI thread then draws
the slide (text layout must stay here: inside Qt it connects signals, and a worker doing that while
holding Python's lock can deadlock with the GUI thread) and blends two slide images, repainted on a frame
timer of the kiosk's clock (so a test can step through a fade). While a slide stands, its neighbours are
rendered ahead, so neither the loop nor a visitor's tap waits for one. When a slide is asked for before it is
ready (a visitor paging faster than the worker), the slide on screen stays until it is, then fades over:
the screen never blanks and the GUI thread never waits. `current_pixmap()` is the one exception, for
one-off jobs (`shot`, `selftest`, tests): it renders the current slide on the spot if need be.

A slide whose large text needs two parts (kiosk.render.slide) is two pages here: the loop shows both, a
visitor pages to the second like to any slide, and each has its dot.

On top of the slides: the signs slide's real "Bekijk de signalen" button, in the row its layout keeps
free, and, while a visitor pages by hand, a quiet arrow in each side margin: a tap on that half pages.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QWidget

from kiosk.content import Slide, pick
from kiosk.render import theme
from kiosk.render.slide import SlideRenderer
from kiosk.services.clock import Clock
from kiosk.ui.widgets import big_button, screen_style

log = logging.getLogger(__name__)
FRAME_MS = 16  # about 60 frames a second while a fade runs; nothing at all while a slide stands
CHECKS_PER_TURN = 8  # slides fitted per turn of the event loop after the first paint: ~1 ms each

# slide id, language, width, height, the visit's look, which part of the slide
Key = tuple[str, str, int, int, theme.Look, int]


class _Courier(QObject):
    """Tells the GUI thread that a slide's photo is decoded (or skipped): a queued connection, as the signal
    is emitted on the worker and the receiving slideshow lives on the GUI thread."""

    rendered = Signal(object, bool)  # key, decoded (False: skipped, no longer wanted)


class _Jobs:
    """What the worker may still render: replaced whole by the GUI thread, read by the worker."""

    wanted: frozenset[Key] = frozenset()


class SlideShow(QWidget):
    """Pages through `slides`, each for its own duration on the kiosk's clock."""

    slide_changed = Signal(int)
    slide_skipped = Signal(str, str)  # slide id, reason
    slide_ready = Signal(int)  # a slide's picture arrived from the worker (its index)
    slide_painted = Signal()  # a slide the worker delivered is on screen (and its neighbours come next)
    slides_checked = Signal()  # a slide that does not fit was skipped: fewer slides in the loop
    signs_requested = Signal()  # the signs slide's button was pressed

    def __init__(
        self,
        renderer: SlideRenderer,
        clock: Clock,
        transition_ms: int = 400,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.renderer = renderer
        self._candidates: list[Slide] = []
        self._fitted_for: tuple[list[Slide], str, QSize, theme.Look] | None = None
        self._slides: list[Slide] = []  # one per page: a slide in two parts stands here twice
        self._parts: list[tuple[int, int]] = []  # each page's part of its slide, and how many parts it has
        self._unchecked: set[str] = set()  # ids of slides not fitted yet: one page each (see _check_some)
        self._checking = False
        self._lang = "nl"
        self._index = 0
        # The current slide and its two neighbours, once rendered: kept as the images they were drawn on
        # (a pixmap of each would be a second copy, 6.4 MB at 1920×1080, while it is made).
        self._cache: dict[Key, QImage] = {}
        self._front: QImage | None = None  # on screen (fading in while a fade runs)
        self._previous: QImage | None = None  # fading out
        self._animate_when_ready = False
        self._clock = clock
        self._playing = True
        self._advance = clock.timer(self)
        self._advance.timeout.connect(self.next)
        self._transition_s = transition_ms / 1000
        self._fade_started: float | None = None  # monotonic seconds, while a fade runs
        self._frames = clock.timer(self, FRAME_MS, single_shot=False)
        self._frames.timeout.connect(self._next_frame)
        self._worker = QThreadPool(self)
        self._worker.setMaxThreadCount(1)
        self._jobs = _Jobs()
        self._stopped = False  # the kiosk is closing: nothing more for the worker
        self._asked: set[Key] = set()  # handed to the worker and not back yet
        # Neighbours whose photo is decoded, drawn once the screen is free: after a fade, or after the first
        # paint of a slide that was just drawn (the first slide at start among them).
        self._draw_later: set[Key] = set()
        self._neighbours_after_paint = False  # the current slide is drawn: neighbours once it is on screen
        self._courier = _Courier(self)
        self._courier.rendered.connect(self._on_rendered)
        self._signs_available = False
        self._arrows = False  # the visitor pages by hand: show where a tap pages
        self.signs_button = big_button(self.tr("Bekijk de signalen"), "slide-signs", primary=True)
        self.signs_button.setParent(self)
        self.signs_button.hide()
        self.signs_button.clicked.connect(self.signs_requested)

    # -- what is shown -------------------------------------------------------------------------
    def set_slides(self, slides: list[Slide], lang: str) -> None:
        """Show these slides (already filtered for today), keeping the current one where it still exists.

        Fitting and rendering are redone only when the slides, language or size changed: every idle reset
        passes the same slides again, and a folder of 200 slides would otherwise be laid out each time.
        Until the new rendering arrives, the slide on screen stays (in the old language, say).
        """
        if self.width() != self.window().width():
            # The window has a new size and the layout has yet to give the slideshow (as wide as the
            # window) its own: fitting now would measure the old size in the new millimetres. The resize
            # that follows fits them.
            self._candidates, self._lang, self._fitted_for = list(slides), lang, None
            return
        current = self.current_slide()
        part = self.current_part()[0]
        fitted_for = (list(slides), lang, self._render_size(), self.renderer.look)
        if fitted_for != self._fitted_for:
            self._fitted_for = fitted_for
            self._candidates, self._lang = fitted_for[0], lang
            self._slides, self._parts = list(self._candidates), [(0, 1)] * len(self._candidates)
            self._unchecked = {s.id for s in self._slides}
            self._cache.clear()
        # The same page again, else the same slide's last part (it may have fewer now), else the first.
        same = [i for i, slide in enumerate(self._slides) if current is not None and slide.id == current.id]
        self._index = self._fitting(same[0] if same else 0)
        while (
            current is not None
            and self._index + 1 < len(self._slides)
            and self._slides[self._index + 1].id == current.id
            and self._parts[self._index][0] < part
        ):
            self._index += 1
        if not self._slides:
            self._front = None
            self._place_button()
        self._stop_fade()
        self._restart_timer()
        self._present(animate=False)

    def _fitting(self, index: int, step: int = 1) -> int:
        """The first page from `index` on (going `step`) whose slide fits: slides not checked yet are fitted
        on the way (one in parts gets a page per part; going back lands on its last), and those that do
        not fit are skipped for good. 0 when none is left."""
        while self._slides:
            index %= len(self._slides)
            slide = self._slides[index]
            if slide.id not in self._unchecked:
                return index
            self._unchecked.discard(slide.id)
            count = self._parts_of(slide, self._lang)
            if count:
                self._slides[index + 1 : index + 1] = [slide] * (count - 1)
                self._parts[index : index + 1] = [(n, count) for n in range(count)]
                if count > 1:
                    if index < self._index:
                        self._index += count - 1
                    self.slides_checked.emit()
                return index if step > 0 else index + count - 1
            del self._slides[index]  # the one after it moves up into its place
            del self._parts[index]
            if index < self._index:
                self._index -= 1
            if self._index >= len(self._slides):
                self._index = 0
            self.slides_checked.emit()
            index += min(step, 0)
        return 0

    def _check_some(self) -> None:
        """Fit the slides not checked yet, a few per turn of the event loop: `set_slides` fits only the
        slide on screen, so that neither the first slide nor a tap waits for a folder of 2,000 to be laid
        out. The position dots follow once all are checked."""
        self._checking = bool(self._unchecked)
        if self._checking:
            self._check_batch()
            QTimer.singleShot(0, self, self._check_some)

    def _check_batch(self) -> None:
        pending = [i for i, slide in enumerate(self._slides) if slide.id in self._unchecked]
        for index in reversed(pending[-CHECKS_PER_TURN:]):  # from the end: no index before it moves
            self._fitting(index)

    def _check_all(self) -> None:
        while self._unchecked:
            self._check_batch()

    def forget_rendered(self) -> None:
        """The content folder was (re)loaded: a picture may have changed under the same name."""
        self._fitted_for = None

    def set_language(self, lang: str) -> None:
        self.set_slides(self._candidates, lang)

    def slides(self) -> list[Slide]:
        """One per page: a slide in two parts is in it twice (every slide fitted by now)."""
        self._check_all()
        return list(self._slides)

    def count(self) -> int:
        """How many pages the loop shows, as far as fitted: cheap enough for the position dots."""
        return len(self._slides)

    def current_part(self) -> tuple[int, int]:
        """Which part of its slide the page on screen is (0 = the first), and of how many."""
        return self._parts[self._index] if self._slides else (0, 1)

    def index(self) -> int:
        return self._index

    def current_slide(self) -> Slide | None:
        return self._slides[self._index] if self._slides else None

    def _parts_of(self, slide: Slide, lang: str) -> int:
        """How many pages the slide takes; 0 when its text does not fit (it is skipped, with a reason)."""
        size = self._render_size()
        parts = self.renderer.layouts(slide, lang, size)
        if all(part.fits for part in parts):
            return len(parts)
        reason = f"text does not fit on a {size.width()}×{size.height()} screen in '{lang}'"
        log.warning("skipping slide %s: %s", slide.id, reason)
        self.slide_skipped.emit(slide.id, reason)
        return 0

    # -- moving --------------------------------------------------------------------------------
    def next(self) -> None:
        self.show_index(self._index + 1)

    def previous(self) -> None:
        self.show_index(self._index - 1, step=-1)

    def show_index(self, index: int, animate: bool = True, step: int = 1) -> None:
        """Show slide `index` (or, if it does not fit, the next one that does going `step`)."""
        if not self._slides:
            return
        index = self._fitting(index, step)
        if not self._slides:
            self._front = None
            self._place_button()
            self.update()
            return
        if index != self._index:
            self._index = index
            self.slide_changed.emit(index)
        self._restart_timer()
        self._present(animate)

    def set_playing(self, playing: bool) -> None:
        """Playing: advance on each slide's own duration. Paused: the visitor pages by hand.

        Saying "play" again does not restart the slide's time: the schedule asks every 30 seconds."""
        if playing != self._playing:
            self._playing = playing
            self._restart_timer()

    def is_playing(self) -> bool:
        return self._playing

    def _restart_timer(self) -> None:
        self._advance.stop()
        slide = self.current_slide()
        if self._playing and slide is not None and len(self._slides) > 1:
            self._advance.start(max(1, round(slide.duration_s * 1000)))

    def _present(self, animate: bool) -> None:
        """Bring the current slide on screen (fading over when asked) once its image is there; ask the
        worker for it and its neighbours, and let go of images no step can bring next."""
        self._ask_worker()
        pixmap = self._cache.get(self._key(self._index)) if self._slides else None
        if pixmap is None:
            self._animate_when_ready = self._animate_when_ready or animate
            self._place_button()
            self.update()  # the slide on screen stays until the worker delivers (or nothing, at the start)
            return
        self._animate_when_ready = False
        self._describe()
        if pixmap is not self._front:
            fade = animate and self._transition_s > 0 and self._front is not None
            self._previous = self._front if fade else None
            self._front = pixmap
            if fade:
                self._fade_started = self._clock.monotonic()
                self._frames.start()
            else:
                self._stop_fade()
        self._place_button()
        self.update()

    def _describe(self) -> None:
        """What the slide on screen says, as text for a screen reader: the picture of it says nothing."""
        slide = self.current_slide()
        if slide is None:
            return
        body = QTextDocument()
        body.setMarkdown(pick(slide.body, self._lang), QTextDocument.MarkdownFeature.MarkdownNoHTML)
        self.setAccessibleName(pick(slide.title, self._lang))
        self.setAccessibleDescription(body.toPlainText())

    def set_signs_available(self, available: bool) -> None:
        """Without a signs flow to open, the signs slide shows no button."""
        self._signs_available = available
        self._place_button()

    def set_arrows_shown(self, shown: bool) -> None:
        self._arrows = shown
        self.update()

    def apply_metrics(self, m: theme.Metrics) -> None:
        """The button is sized like the kiosk's other buttons; its slide keeps a row of that height. The
        slides are laid out again for the visit's look (large text, high contrast) when it changes."""
        self.setStyleSheet(screen_style(m))
        if self.renderer.action_height != m.touch_target:
            self.renderer.action_height = m.touch_target
            self._fitted_for = None  # a signs slide's layout changes with its button row
        if self.renderer.look != m.look:
            # A new window size comes with a resize of the slideshow, before or after this, which fits the
            # slides at their new size (resizeEvent); a visitor's toggle does not: fit them now.
            toggled = self.renderer.look.screen == m.look.screen
            self.renderer.look = m.look
            if toggled and self._candidates:
                self.set_slides(self._candidates, self._lang)

    def _place_button(self) -> None:
        """The button of the slide on screen, where its layout keeps room; hidden on other slides."""
        slide = self.current_slide()
        shown = bool(
            slide is not None
            and slide.signs is not None
            and self._signs_available
            and self._front is not None
            and self._front is self._cache.get(self._key(self._index))
        )
        if shown and slide is not None:
            part = self.current_part()[0]
            action = self.renderer.layout(slide, self._lang, self._render_size(), part).action
            shown = action is not None
            if action is not None:
                self.signs_button.setText(pick(slide.button, self._lang) or self.tr("Bekijk de signalen"))
                self.signs_button.setAccessibleName(self.signs_button.text())
                width = min(round(action.width()), self.signs_button.sizeHint().width())
                self.signs_button.setGeometry(
                    round(action.left()), round(action.top()), width, round(action.height())
                )
        self.signs_button.setVisible(shown)

    def arrow_boxes(self) -> tuple[QRectF, QRectF]:
        """Where the paging arrows go: in the side margins, which the slide layout keeps free of text."""
        m = theme.Metrics.for_size(self._render_size(), self.renderer.look)
        margin = m.margin * (1.0 if m.portrait else 1.5)
        width, height = margin * 0.4, margin * 0.9
        top = self.height() / 2 - height / 2
        return (
            QRectF(margin * 0.3, top, width, height),
            QRectF(self.width() - margin * 0.3 - width, top, width, height),
        )

    def fade_progress(self) -> float:
        """0 → 1 through a fade, eased in and out (1 when none runs)."""
        if self._fade_started is None:
            return 1.0
        t = min(1.0, max(0.0, (self._clock.monotonic() - self._fade_started) / self._transition_s))
        return 2 * t * t if t < 0.5 else 1 - (2 - 2 * t) ** 2 / 2

    def _next_frame(self) -> None:
        if self.fade_progress() >= 1.0:
            self._stop_fade()
        self.update()

    def _stop_fade(self) -> None:
        self._frames.stop()
        self._fade_started = None
        self._previous = None
        self._draw_waiting()

    def _draw_waiting(self) -> None:
        waiting, self._draw_later = self._draw_later, set()
        for key in waiting:
            self._on_rendered(key, True)

    def in_transition(self) -> bool:
        return self._previous is not None and self._fade_started is not None

    def settled(self) -> bool:
        """The current slide is fully on screen: rendered, and no fade running."""
        return (
            bool(self._slides)
            and self._front is not None
            and self._front is self._cache.get(self._key(self._index))
            and not self.in_transition()
        )

    def is_rendered(self, index: int) -> bool:
        return bool(self._slides) and self._key(index % len(self._slides)) in self._cache

    # -- rendering on the worker ---------------------------------------------------------------
    def _render_size(self) -> QSize:
        size = self.size()
        return size if size.width() > 100 and size.height() > 100 else QSize(1920, 830)

    def _key(self, index: int) -> Key:
        size = self._render_size()
        slide, part = self._slides[index], self._parts[index][0]
        return (slide.id, self._lang, size.width(), size.height(), self.renderer.look, part)

    def _wanted(self) -> list[int]:
        """The current slide first, then the two a tap or the loop can bring next (fitted first: one that
        does not fit is skipped, and the one beyond it is the neighbour)."""
        if self._unchecked and self._key(self._index) not in self._cache:
            return [self._index]  # the slide on screen first; its neighbours are fitted and drawn after it
        self._fitting(self._index + 1)
        self._fitting(self._index - 1, step=-1)
        count = len(self._slides)
        return list(dict.fromkeys(i % count for i in (self._index, self._index + 1, self._index - 1)))

    def _ask_worker(self) -> None:
        """Hand the worker whatever of the current slide and its neighbours is not rendered or asked for
        yet, and let go of images no step can bring next. A job for a slide the visitor has paged past
        by the time the worker gets to it is skipped."""
        wanted = {self._key(i): i for i in self._wanted()} if self._slides and not self._stopped else {}
        for key in [k for k in self._cache if k not in wanted]:
            del self._cache[key]
        self._jobs.wanted = frozenset(wanted)
        if not self.isVisible():
            return  # not on screen yet (its size may not be final): asked again when shown
        current = self._key(self._index) if self._slides else None
        if current in wanted and current not in self._cache:
            wanted = {current: self._index}  # the slide on screen first; its neighbours once it is there
        for key, index in wanted.items():
            if key not in self._cache and key not in self._asked:
                self._asked.add(key)
                priority = 1 if index == self._index else 0
                self._worker.start(self._render_job(key, self._slides[index]), priority)

    def _render_job(self, key: Key, slide: Slide) -> Callable[[], None]:
        renderer, jobs, courier = self.renderer, self._jobs, self._courier

        def job() -> None:  # on the worker thread: touches nothing of the slideshow's but these three
            wanted = key in jobs.wanted
            if wanted:
                renderer.decode_picture(slide, QSize(key[2], key[3]))
            with contextlib.suppress(RuntimeError):  # the slideshow was deleted meanwhile
                courier.rendered.emit(key, wanted)

        return job

    def _on_rendered(self, key: Key, decoded: bool) -> None:
        """The worker decoded the slide's photo: draw the slide here (text layout stays on this thread)."""
        self._asked.discard(key)
        wanted = {self._key(i): i for i in self._wanted()} if self._slides else {}
        if key not in wanted or key in self._cache:
            return  # paged past, or the content, language or size changed meanwhile
        if not decoded:  # skipped, yet wanted again since: ask once more
            self._ask_worker()
            return
        if wanted[key] != self._index and (self.in_transition() or self._neighbours_after_paint):
            self._draw_later.add(key)  # drawing a neighbour now would hold up a frame, or the first paint
            return
        slide = self._slides[wanted[key]]
        self._cache[key] = self.renderer.render_image(slide, key[1], QSize(key[2], key[3]), key[5])
        if wanted[key] == self._index:
            self._present(self._animate_when_ready)
            self._neighbours_after_paint = True  # drawing them first would hold up this slide's first paint
        self.slide_ready.emit(wanted[key])

    def stop_rendering(self) -> None:
        """Skip whatever is queued and wait for the slide being rendered: the kiosk is closing."""
        self._stopped = True
        self._jobs.wanted = frozenset()
        self._worker.waitForDone()

    def current_pixmap(self) -> QPixmap | None:
        """The current slide's pixmap, rendered here and now if the worker has not delivered it yet, and
        put on screen: for one-off jobs (`shot`, `selftest`, tests), never used by the running loop."""
        if not self._slides:
            return None
        key = self._key(self._index)
        if key not in self._cache:
            self._cache[key] = self.renderer.render_image(
                self._slides[self._index], self._lang, self._render_size(), key[5]
            )
            self._present(self._animate_when_ready)
        return QPixmap.fromImage(self._cache[key])

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._front is None or not self._slides:
            painter.fillRect(self.rect(), self.renderer.look.colours.background)
            return
        if self._previous is not None and self.in_transition():
            painter.drawImage(0, 0, self._previous)
            painter.setOpacity(self.fade_progress())
        painter.drawImage(0, 0, self._front)
        if self._arrows and len(self._slides) > 1:
            self._paint_arrows(painter)
        if self._neighbours_after_paint:
            # The rest once this frame is on screen: the paint is flushed only when this returns.
            self._neighbours_after_paint = False
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.slide_painted.emit()
        self._draw_waiting()
        if not self._checking:
            self._check_some()
        self._ask_worker()

    def _paint_arrows(self, painter: QPainter) -> None:
        """A quiet chevron in each side margin: ‹ a tap on the left half goes back, › on the right on."""
        painter.setOpacity(1.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, right = self.arrow_boxes()
        pen = QPen(self.renderer.look.colours.accent, max(3.0, left.width() / 4))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for box, tip, back in ((left, left.left(), left.right()), (right, right.right(), right.left())):
            painter.drawPolyline(
                [QPointF(back, box.top()), QPointF(tip, box.center().y()), QPointF(back, box.bottom())]
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ask_worker()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fitted again at the new size, for the window's new size: Qt resizes the slideshow before the
        window hears of it, so the millimetres per pixel are taken from the window here."""
        super().resizeEvent(event)
        screen = self.window().size()
        if self.renderer.look.screen != (screen.width(), screen.height()):
            self.renderer.look = self.renderer.look.on_screen(screen)
        if self._candidates and self._render_size() == self.size():
            self.set_slides(self._candidates, self._lang)
