"""The slideshow: shows one slide at a time, advances on its own in the loop, cross-fades between slides.

Each slide is rendered once to a pixmap at the widget's size; a transition only blends two cached
pixmaps, repainted on a frame timer of the kiosk's clock (so a test can step through a fade), which is
cheap and avoids QGraphicsEffect's pitfalls. Once a slide stands, its neighbours are rendered ahead, so
neither the loop nor a visitor's tap waits for one.
"""

from __future__ import annotations

import logging
from collections import OrderedDict

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.content import Slide
from kiosk.render import theme
from kiosk.render.slide import SlideRenderer
from kiosk.services.clock import Clock

log = logging.getLogger(__name__)
CACHED_PIXMAPS = 3  # the slide shown and the two a tap or the loop can bring next
PRELOAD_DELAY_MS = 30  # after the slide has been painted, not in the same event-loop turn
FRAME_MS = 16  # about 60 frames a second while a fade runs; nothing at all while a slide stands


class SlideShow(QWidget):
    """Pages through `slides`, each for its own duration on the kiosk's clock."""

    slide_changed = Signal(int)
    slide_skipped = Signal(str, str)  # slide id, reason

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
        self._fitted_for: tuple[list[Slide], str, QSize] | None = None
        self._slides: list[Slide] = []
        self._lang = "nl"
        self._index = 0
        self._previous: QPixmap | None = None
        self._cache: OrderedDict[tuple[str, str, int, int], QPixmap] = OrderedDict()
        self._clock = clock
        self._playing = True
        self._advance = clock.timer(self)
        self._advance.timeout.connect(self.next)
        self._transition_s = transition_ms / 1000
        self._fade_started: float | None = None  # monotonic seconds, while a fade runs
        self._frames = clock.timer(self, FRAME_MS, single_shot=False)
        self._frames.timeout.connect(self._next_frame)
        self._preload = clock.timer(self, PRELOAD_DELAY_MS)
        self._preload.timeout.connect(self._render_neighbours)

    # -- what is shown -------------------------------------------------------------------------
    def set_slides(self, slides: list[Slide], lang: str) -> None:
        """Show these slides (already filtered for today), keeping the current one where it still exists.

        Fitting and rendering are redone only when the slides, language or size changed: every idle reset
        passes the same slides again, and a folder of 200 slides would otherwise be laid out each time.
        """
        current = self.current_slide()
        fitted_for = (list(slides), lang, self._render_size())
        if fitted_for != self._fitted_for:
            self._fitted_for = fitted_for
            self._candidates, self._lang = fitted_for[0], lang
            self._slides = [s for s in self._candidates if self._fits(s, lang)]
            self._cache.clear()
        ids = [s.id for s in self._slides]
        self._index = ids.index(current.id) if current and current.id in ids else 0
        self._previous = None
        self._restart_timer()
        self._preload.start()
        self.update()

    def forget_rendered(self) -> None:
        """The content folder was (re)loaded: a picture may have changed under the same name."""
        self._fitted_for = None

    def set_language(self, lang: str) -> None:
        self.set_slides(self._candidates, lang)

    def slides(self) -> list[Slide]:
        return list(self._slides)

    def index(self) -> int:
        return self._index

    def current_slide(self) -> Slide | None:
        return self._slides[self._index] if self._slides else None

    def _fits(self, slide: Slide, lang: str) -> bool:
        size = self._render_size()
        if self.renderer.layout(slide, lang, size).fits:
            return True
        reason = f"text does not fit on a {size.width()}×{size.height()} screen in '{lang}'"
        log.warning("skipping slide %s: %s", slide.id, reason)
        self.slide_skipped.emit(slide.id, reason)
        return False

    # -- moving --------------------------------------------------------------------------------
    def next(self) -> None:
        self.show_index(self._index + 1)

    def previous(self) -> None:
        self.show_index(self._index - 1)

    def show_index(self, index: int, animate: bool = True) -> None:
        if not self._slides:
            return
        index %= len(self._slides)
        if index != self._index:
            self._previous = self._pixmap(self._index) if animate and self._transition_s > 0 else None
            self._index = index
            if self._previous is not None:
                self._fade_started = self._clock.monotonic()
                self._frames.start()
            self.slide_changed.emit(index)
        self._restart_timer()
        if not self.in_transition():
            self._preload.start()
        self.update()

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

    def fade_progress(self) -> float:
        """0 → 1 through a fade, eased in and out (1 when none runs)."""
        if self._fade_started is None:
            return 1.0
        t = min(1.0, max(0.0, (self._clock.monotonic() - self._fade_started) / self._transition_s))
        return 2 * t * t if t < 0.5 else 1 - (2 - 2 * t) ** 2 / 2

    def _next_frame(self) -> None:
        if self.fade_progress() >= 1.0:
            self._end_fade()
        else:
            self.update()

    def _end_fade(self) -> None:
        self._frames.stop()
        self._fade_started = None
        self._previous = None
        self._preload.start()
        self.update()

    def _render_neighbours(self) -> None:
        """The next and the previous slide, rendered while this one stands (the current one stays cached)."""
        if not self._slides or not self.isVisible() or self.in_transition():
            return
        for offset in (1, -1):
            self._pixmap((self._index + offset) % len(self._slides))
        self._pixmap(self._index)  # most recently used: never the one evicted

    # -- painting ------------------------------------------------------------------------------
    def _render_size(self) -> QSize:
        size = self.size()
        return size if size.width() > 100 and size.height() > 100 else QSize(1920, 830)

    def _pixmap(self, index: int) -> QPixmap:
        slide = self._slides[index]
        size = self._render_size()
        key = (slide.id, self._lang, size.width(), size.height())
        if key not in self._cache:
            self._cache[key] = self.renderer.render(slide, self._lang, size)
            while len(self._cache) > CACHED_PIXMAPS:
                self._cache.popitem(last=False)
        self._cache.move_to_end(key)
        return self._cache[key]

    def in_transition(self) -> bool:
        return self._previous is not None and self._fade_started is not None

    def current_pixmap(self) -> QPixmap | None:
        return self._pixmap(self._index) if self._slides else None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not self._slides:
            painter.fillRect(self.rect(), theme.BACKGROUND)
            return
        current = self._pixmap(self._index)
        if self._previous is not None and self.in_transition():
            painter.drawPixmap(0, 0, self._previous)
            painter.setOpacity(self.fade_progress())
        painter.drawPixmap(0, 0, current)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._candidates and self._render_size() == self.size():
            self.set_slides(self._candidates, self._lang)
