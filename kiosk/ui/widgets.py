"""Building blocks the screens share: finger-sized buttons, text by role, pictures and the QR code."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QHideEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.render import theme
from kiosk.render.pictures import PictureCache
from kiosk.render.qr import draw_qr, qr_modules
from kiosk.render.slide import draw_picture


def big_button(text: str, name: str, primary: bool = False) -> QPushButton:
    """A finger-sized button; its accessible name says what it does for screen readers too. It takes the
    focus from the keyboard only (kiosk.ui.keys), never from a tap."""
    button = QPushButton()
    set_words(button, text)
    button.setObjectName(name)
    button.setProperty("primary", primary)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def set_words(button: QPushButton, text: str) -> None:
    """A button's words, and the same without arrows and ticks as its accessible name."""
    button.setText(text)
    button.setAccessibleName(text.strip("‹›✓ "))


def text_label(role: str, text: str = "") -> QLabel:
    """A wrapped label whose look comes from its role: title, lead, body, muted, hint or urgent."""
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(role != "hint")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


FIT_SCALES = (1.0, 0.9, 0.8, 0.72)
LARGE_FIT_SCALES = (*FIT_SCALES, 0.64, 0.56)  # large text: headings shrink toward the body's 9 mm floor


def screen_style(m: theme.Metrics, text_scale: float = 1.0) -> str:
    """One stylesheet for every screen, sized for this screen: the visit's palette, large type.

    Stepping down to fit never takes body text under its millimetre floor (`Metrics.min_body_px`)."""
    c = m.colours
    radius = m.touch_target // 2
    # Secondary buttons: an outline that stands out from the page, not coloured text. Qt counts min-height
    # inside the border: the button stays touch_target high in all.
    outline = max(2, m.px(3))
    inner = m.touch_target - 2 * outline
    body = max(m.body_px * text_scale, m.min_body_px)
    title, lead = max(m.title_px * text_scale, body), max(m.title_px * 0.8 * text_scale, body)
    return f"""
        QWidget {{ font-family: "{theme.FAMILY}"; }}
        QPushButton {{
            font-size: {round(m.button_px)}px; font-weight: 600;
            color: {c.accent.name()}; background: {c.accent_soft.name()};
            border: {outline}px solid {c.accent.name()}; border-radius: {radius}px;
            padding: 0 {m.px(34)}px;
            min-height: {inner}px; max-height: {inner}px; min-width: {inner}px;
            outline: none; /* the keyboard's focus ring is kiosk.ui.keys.FocusRing, shown only for keys */
        }}
        QPushButton[square="true"] {{ padding: 0; min-width: {inner}px; max-width: {inner}px; }}
        QPushButton[primary="true"] {{
            color: {c.accent_text.name()}; background: {c.accent.name()};
        }}
        QPushButton[chosen="true"], QPushButton:checked {{
            color: {c.accent_text.name()}; background: {c.title.name()}; border-color: {c.title.name()};
        }}
        QPushButton:pressed {{ background: {c.halo.name()}; color: {c.title.name()}; }}
        QLabel {{ color: {c.text.name()}; font-size: {round(body)}px; }}
        QLabel[role="title"] {{ color: {c.title.name()}; font-size: {round(title)}px; font-weight: 700; }}
        QLabel[role="lead"] {{ color: {c.title.name()}; font-size: {round(lead)}px; font-weight: 600; }}
        QLabel[role="invite"] {{ color: {c.title.name()}; font-size: {round(m.button_px * 1.375)}px; }}
        QLabel[role="muted"], QLabel[role="hint"] {{ color: {c.muted.name()};
                                                     font-size: {round(m.button_px)}px; }}
        QLabel[role="urgent"] {{
            color: {c.urgent_text.name()}; font-size: {round(body)}px; font-weight: 700;
            border: {theme.urgent_border(m)}px solid {c.title.name()}; border-radius: {m.px(16)}px;
            padding: {m.px(16)}px {m.px(24)}px; background: {c.urgent_background.name()};
        }}
    """


def style_to_fit(screen: QWidget, m: theme.Metrics, fits: Callable[[], bool]) -> float | None:
    """Style `screen` with the largest text at which `fits()`: long text steps down a little, never under its
    millimetre floor. None (styled at the smallest) when none fits. A screen's need is measured with
    wrapping (`needed_height`), the way Qt will lay it out."""
    for scale in LARGE_FIT_SCALES if m.look.large else FIT_SCALES:
        screen.setStyleSheet(screen_style(m, scale))
        for child in screen.findChildren(QLabel):
            child.style().unpolish(child)
            child.style().polish(child)
        if fits():
            return scale
    return None


def needed_height(layout: QLayout, width: int) -> int:
    _forget_sizes(layout)  # a nested layout keeps the sizes it measured in the previous style
    if layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return layout.totalMinimumSize().height()


def _forget_sizes(layout: QLayout) -> None:
    """Also inside a widget with a layout of its own (a page of a stack): its item keeps the size it
    measured until the event loop turns, and a page whose text changed was measured with its old text."""
    layout.invalidate()
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        inner = item.layout() if item is not None else None
        if widget is not None and widget.layout() is not None:
            inner = widget.layout()
            widget.updateGeometry()
        if inner is not None:
            _forget_sizes(inner)


class Retranslated(QWidget):
    """A visitor widget whose fixed words follow the application's language: when the window installs
    another language (kiosk.render.words.install), Qt sends every widget a LanguageChange event, and
    `retranslate` sets the words again with `self.tr()`."""

    def retranslate(self) -> None:
        """Set this widget's own words in the language installed now."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class FittedScreen(Retranslated):
    """A visitor screen in one column whose text steps down a little when it would not fit the screen, and
    goes on in further pages when even its smallest text (its floor: 9 mm with the visitor's large text)
    does not fit, as a long slide goes on in a second part.

    Its blocks (a group of lines, an item of advice) are shared out in order over as few pages as fit,
    evenly. The header is the way through: "‹ Terug" one page back (`previous_page`), "(1/2)" (`position`)
    and "Volgende ›" (`more`, not on the last). The crisis line closes the first page (the subclass's
    `show_part`), however little else fits beside it: on a small screen, nothing. Large text with a block
    that fits no page is given up for normal text, which pages too when it must (a 15-inch screen, say).
    Text that fits: one page, no pages at all.

    The page is where the visitor is, nothing to keep: the screen opens on its first page, every time and
    after the idle reset too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outer = QVBoxLayout(self)
        self._fit: tuple[theme.Metrics, QSize] | None = None
        self._fit_when_shown = False
        self.page = 0
        self.parts: list[range] = [range(0)]  # the blocks each page shows
        self.position = text_label("muted")
        self.more = big_button("", "more", primary=True)  # the one thing to do on a page that goes on
        self.more.hide()
        self.more.clicked.connect(self.next_page)

    def fit_to(self, m: theme.Metrics, size: QSize) -> None:
        bottom = m.px(24) if m.look.large else m.margin  # large text takes some of the calm space
        self.outer.setContentsMargins(m.margin, m.px(24), m.margin, bottom)
        self.outer.setSpacing(m.px(24))
        self._fit = (m, size)
        self._refit()

    def blocks(self) -> int:
        """How many blocks the screen has to share out now (0: nothing that pages)."""
        return 0

    def show_part(self, part: range, first: bool, paged: bool) -> None:
        """Show blocks `part`, and what every page or the `first` shows; `paged`: in more than one page."""

    def next_page(self) -> None:
        if self.page < len(self.parts) - 1:
            self.page += 1
            self._show_page()

    def previous_page(self) -> bool:
        """One page back; False on the first page (the visitor leaves, or goes back a step, as before)."""
        if self.page == 0:
            return False
        self.page -= 1
        self._show_page()
        return True

    def show_block(self, block: int) -> None:
        """The page that holds `block`: what the visitor's tap changed, shown where they tapped."""
        self.page = next((i for i, part in enumerate(self.parts) if block in part), self.page)
        self._show_page()

    def _show_part(self, part: range, first: bool = True, paged: bool = False) -> None:
        self.show_part(part, first, paged)
        self.more.setVisible(part.stop < self.blocks())

    def _show_page(self) -> None:
        count = len(self.parts)
        self.page = min(self.page, count - 1)
        self._show_part(self.parts[self.page], self.page == 0, count > 1)
        self.position.setText(f"({self.page + 1}/{count})" if count > 1 else "")
        self.position.setVisible(count > 1)
        self._place()

    def _refit(self) -> None:
        """Text changes (another card, another language) can change what fits: measure again. One page at the
        largest text that fits; text that does not fit even at its smallest: pages.

        A hidden screen is measured when it is shown: the kiosk sets every screen's content while it starts,
        and measuring (restyling at each text size) is most of the cost of a screen nobody sees yet.
        """
        if self._fit is None:
            return
        if not self.isVisible():  # measured when shown; meanwhile it shows what it has
            self._fit_when_shown, self.page, self.parts = True, 0, [range(self.blocks())]
            self._show_part(self.parts[0])
            return
        self._fit_when_shown = False
        self._fit_pages(*self._fit)
        self._show_page()

    def _fit_pages(self, m: theme.Metrics, size: QSize) -> None:
        whole = range(self.blocks())
        self.parts = [whole]
        self._show_part(whole)
        if style_to_fit(self, m, lambda: self._need(size) <= size.height()) is not None:
            return
        self.parts = self._share_out(size)  # styled at the smallest text: the fewest pages

        def all_fit() -> bool:
            return all(self._need(size, part, i == 0) <= size.height() for i, part in enumerate(self.parts))

        if len(self.parts) > 1 and style_to_fit(self, m, all_fit) is not None:
            return
        self.parts = [whole]
        self._show_part(whole)
        if m.look.large:  # large text can go no further: normal size
            self._fit_pages(replace(m, look=replace(m.look, large=False)), size)

    def _need(self, size: QSize, part: range | None = None, first: bool = True) -> int:
        """The height the screen needs at `size`'s width, showing `part` as a page (None: as it is)."""
        if part is not None:
            self._show_part(part, first, True)
        return needed_height(self.outer, size.width())

    def _share_out(self, size: QSize) -> list[range]:
        """The blocks in order on as few pages as fit, shared out evenly (the fullest page as empty as it can
        be: calm pages, not a full one and a near-empty one). When the first page cannot hold a block beside
        what it always shows, it shows only that (the crisis line first, whatever else must wait); one page,
        all of them, when a block fits no page."""
        count, height = self.blocks(), size.height()
        greedy: list[range] = []
        while not greedy or greedy[-1].stop < count:  # as few pages as fit: each as full as it can be
            start = greedy[-1].stop if greedy else 0
            fitting = (
                e for e in range(count, start, -1) if self._need(size, range(start, e), not greedy) <= height
            )
            end = next(fitting, start)
            if end == start and (greedy or self._need(size, range(0), True) > height):
                return [range(count)]
            greedy.append(range(start, end))
        if not greedy[0]:
            return greedy
        best: tuple[int, list[range]] = (height + 1, greedy)
        for cuts in itertools.combinations(range(1, count), len(greedy) - 1):
            bounds = (0, *cuts, count)
            parts = [range(a, b) for a, b in itertools.pairwise(bounds)]
            fullest = max(self._need(size, part, i == 0) for i, part in enumerate(parts))
            best = min(best, (fullest, parts), key=lambda found: found[0])
        return best[1]

    def hideEvent(self, event: QHideEvent) -> None:
        """The visitor left this screen: it opens on its first page next time."""
        if not event.spontaneous() and self.page:
            self.page = 0
            self._show_page()
        super().hideEvent(event)

    def _place(self) -> None:
        """Measuring left every layout to be redone: place the text now, not at the next event loop turn."""
        for layout in [self.outer, *(child.layout() for child in self.findChildren(QWidget))]:
            if layout is not None:
                layout.activate()

    def place_header(self, header: QLayout, low: bool) -> None:
        """The row with "Terug" on top, or at the bottom on a screen hung high (within reach)."""
        self.outer.removeItem(header)
        if low:
            self.outer.addLayout(header)
        else:
            self.outer.insertLayout(0, header)

    def showEvent(self, event: QShowEvent) -> None:
        if self._fit_when_shown:
            self._refit()
        super().showEvent(event)


class PictureView(QWidget):
    """An illustration on its soft round halo, as large as the widget allows."""

    def __init__(self, pictures: PictureCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pictures = pictures
        self._path: Path | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_picture(self, path: Path | None) -> None:
        self._path = path
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_picture(painter, self._pictures, self._path, QRectF(self.rect()))
        painter.end()


class QrView(QWidget):
    """The contact QR code, drawn crisp on whole pixels with its quiet zone, as large as the widget.
    `encode` gives the modules for a payload: the kiosk's screen passes the state folder's cached code, so
    it never imports the encoder for the site's own code."""

    def __init__(
        self, parent: QWidget | None = None, encode: Callable[[str], list[list[bool]]] = qr_modules
    ) -> None:
        super().__init__(parent)
        self._encode = encode
        self._modules: list[list[bool]] | None = []  # None: not encoded yet
        self.payload = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_payload(self, payload: str) -> None:
        """Encoded when first painted, not here: the kiosk sets the contact details while it starts."""
        if payload != self.payload:  # a language switch keeps the same code
            self._modules = None
        self.payload = payload
        self.setVisible(bool(payload))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._modules is None:
            self._modules = self._encode(self.payload) if self.payload else []
        if not self._modules:
            return
        painter = QPainter(self)
        draw_qr(painter, QRectF(self.rect()), self._modules)
        painter.end()
