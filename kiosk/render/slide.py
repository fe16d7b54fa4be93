"""Draws one slide (illustration, title, text) into an image, laid out for the screen's shape.

Every slide but the contact slide carries a small QR code of the site's contact in a corner the layout
keeps free, so a visitor who will not touch the screen can still take the details home; a contact slide
shows the clinic's details beside a large code.

`render_image` only makes QImages, QTextDocuments and QPainters of its own, which Qt allows on any thread:
the slideshow calls it on its worker thread; `render` gives a pixmap for the GUI thread (staff's preview).

Text is never shrunk far to fit: it may step down a little (never under its millimetre floor), and a slide
whose text still does not fit is reported as not fitting so the slideshow skips it rather than cut it off.
With the visitor's large text the picture gives way first: it shrinks to a smaller disc, then leaves the
slide to the text (a long text on a wide screen takes two columns); a text that even then does not fit
continues on a second part of the slide ("1/2", "2/2" after the title), which the visitor pages to like
any slide. The contact slide keeps its QR code on every part.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap, QTextDocument

from kiosk.content import Site, Slide, pick
from kiosk.content.model import SOURCE_LANGUAGE, is_right_to_left, labelled_line
from kiosk.content.qr import qr_payload
from kiosk.render import theme
from kiosk.render.pictures import PictureCache
from kiosk.render.qr import draw_qr, qr_modules
from kiosk.render.text import block_height, draw_block, text_block
from kiosk.render.words import words

FIT_STEPS = (1.0, 0.92, 0.85, 0.78)
# Large text steps down less: at 1.2 times the normal size it rather continues on a second part.
LARGE_FIT_STEPS = (1.0, 0.92, 0.85, 1.2 / theme.LARGE_SCALE)
# The picture's share of the slide, normally and as it gives way to large text (0: no picture).
PICTURE_SHARES = (1.0, 0.6, 0.0)  # at 0 the corner code leaves too
# The corner code's module is at least this share of the slide's long side: 6 pixels (1.7 mm) on a 24-inch
# 1080p panel, 5 in portrait where the bars take more of the height; at least 3 pixels of a phone's photo
# taken a metre away (tests/ui/test_corner_qr.py).
CORNER_MODULE_SHARE = 1 / 360
CONTACT_QR_SHARE = 0.82  # of the picture's box: large, with room around it
LAID_OUT_KEPT = 64  # slides' layouts kept (each a few text documents): every slide in two looks, say


@dataclass(frozen=True)
class Corner:
    """The small contact code in a slide's corner: where it goes and its caption beside or below it."""

    code: QRectF
    caption: QRectF
    caption_doc: QTextDocument


@dataclass
class SlideLayout:
    picture: QRectF
    title: QRectF
    body: QRectF
    fits: bool
    title_doc: QTextDocument
    body_doc: QTextDocument
    corner: Corner | None = None  # the small contact code, when the slide carries one
    action: QRectF | None = None  # a row kept free below the text for the slide's button
    # Large text on a wide screen: the text's second half, in a column beside the first.
    second: tuple[QRectF, QTextDocument] | None = None


def corner_caption(lang: str) -> str:
    return words(lang).translate("SlideRenderer", "Scan voor contact")


def _boxes(
    size: QSize,
    code_side: float = 0,
    look: theme.Look = theme.DEFAULT_LOOK,
    share: float = 1.0,
    lang: str = SOURCE_LANGUAGE,
) -> tuple[QRectF, QRectF, Corner | None]:
    """The picture's box, the text column and the corner code (`code_side` pixels; 0: none) on a canvas
    of `size`, left to right (layout_slide mirrors them for Arabic). The code takes the bottom of the
    picture's column (landscape) or the picture's bottom-left corner beside its halo (portrait): the text
    column is the same with or without it. A `share` under 1 makes the picture smaller for large text; at 0
    there is none (its box keeps only the code's corner)."""
    m = theme.Metrics.for_size(size, look)
    w, h, pad = size.width(), size.height(), m.margin
    gap = m.px(24)
    caption_font = theme.font(m.button_px)
    rtl = is_right_to_left(lang)
    if m.portrait:
        doc = (
            text_block(corner_caption(lang), caption_font, code_side + 2 * gap, rtl=rtl)
            if code_side
            else None
        )
        corner_h = code_side + gap / 2 + block_height(doc) if doc else 0
        picture = QRectF(pad, pad, w - 2 * pad, max(h * 0.34 * share, corner_h))
        top = picture.bottom() + pad if picture.height() else pad
        column = QRectF(pad, top, w - 2 * pad, h - top - pad)
        if doc is None:
            return picture, column, None
        caption_h = block_height(doc)
        code = QRectF(
            picture.left(), picture.bottom() - caption_h - gap / 2 - code_side, code_side, code_side
        )
        caption = QRectF(code.left(), code.bottom() + gap / 2, doc.textWidth(), caption_h)
        halo = min(picture.height(), picture.width() - 2 * (code_side + 2 * gap)) if share else 0
        picture = QRectF(
            picture.center().x() - halo / 2, picture.top(), halo, picture.height() if share else 0
        )
        return picture, column, Corner(code, caption, doc)
    side = min(w * 0.36 * share, h - 2 * pad)
    if code_side:
        side = max(side, code_side * 2.4)  # the code and its caption keep their corner
    left = pad * 1.5 + side + pad * 1.5 if side else pad * 1.5
    column = QRectF(left, pad, w - left - pad * 1.5, h - 2 * pad)
    if not code_side:
        return QRectF(pad * 1.5, (h - side) / 2, side, side), column, None
    code = QRectF(pad * 1.5, h - pad - code_side, code_side, code_side)
    doc = text_block(corner_caption(lang), caption_font, side - code_side - gap, rtl=rtl)
    caption = QRectF(
        code.right() + gap, code.center().y() - block_height(doc) / 2, doc.textWidth(), block_height(doc)
    )
    picture = QRectF(pad * 1.5, pad, side, code.top() - gap - pad if share else 0)
    return picture, column, Corner(code, caption, doc)


def _mirrored(box: QRectF, width: float) -> QRectF:
    return QRectF(width - box.right(), box.top(), box.width(), box.height())


def layout_slide(
    title: str,
    body: str,
    size: QSize,
    code_side: float = 0,
    action_height: float = 0,
    look: theme.Look = theme.DEFAULT_LOOK,
    keep_picture: bool = False,
    lang: str = SOURCE_LANGUAGE,
) -> list[SlideLayout]:
    """Where the picture, the text, the corner code and a button row go on a canvas of `size`, for each part
    of the slide (one, but for large text that needs more); pure geometry plus text measuring. Text that
    does not fit at its millimetre floor takes room from the picture; large text may take all of it, then
    two columns, then a second part. Right to left, the boxes change sides (the picture itself is not
    mirrored) and the text stands on the right."""
    whole = _one_part(title, body, size, code_side, action_height, look, keep_picture, lang)
    if whole.fits or not look.large:
        return [whole]
    if size.width() > size.height() and not keep_picture and "\n\n" in body.strip():
        layout = _layout_at(title, body, size, 0, action_height, look, 0, lang, columns=2)
        if layout.fits:
            return [layout]
    parts = _parts(title, body, size, code_side, action_height, look, keep_picture, lang)
    if parts:
        return parts
    # Not even one sentence stands at 9 mm on this screen: the whole slide at normal size, never cut off.
    normal = replace(look, large=False)
    return [_one_part(title, body, size, code_side, action_height, normal, keep_picture, lang)]


def _one_part(
    title: str,
    body: str,
    size: QSize,
    code_side: float,
    action_height: float,
    look: theme.Look,
    keep_picture: bool,
    lang: str,
    shares: tuple[float, ...] = (),
    steps: tuple[float, ...] = (),
) -> SlideLayout:
    """The slide on one canvas, or the last try (not fitting) when it does not fit. `shares`: the picture's
    shares to try (by default every one the slide may have); `steps`: the text's sizes to try."""
    shares = shares or _shares(look, keep_picture)
    steps = steps or (LARGE_FIT_STEPS if look.large else FIT_STEPS)
    # Normal text: the picture shrinks only when the text cannot step down further. Large text: the text
    # stays as large as it can, and the picture gives way first.
    tries = (
        [(share, steps) for share in shares]
        if not look.large
        else [(share, (step,)) for step in steps for share in shares]
    )
    for share, tried in tries:
        layout = _layout_at(title, body, size, code_side, action_height, look, share, lang, steps=tried)
        if layout.fits:
            break
    return layout


def _shares(look: theme.Look, keep_picture: bool) -> tuple[float, ...]:
    """Normal text keeps a picture; so does a contact slide (its picture is the QR code)."""
    return PICTURE_SHARES[:2] if keep_picture or not look.large else PICTURE_SHARES


def _parts(
    title: str,
    body: str,
    size: QSize,
    code_side: float,
    action_height: float,
    look: theme.Look,
    keep_picture: bool,
    lang: str,
) -> list[SlideLayout]:
    """The body cut between paragraphs (else list items, else sentences) into as few parts as fit, each
    under the title with its number; the slide's button row on the last part. Two parts are cut where they
    come out most even. Empty when a piece does not fit even alone, or there is no text to share out."""
    pieces = _pieces(body)
    if not pieces:
        return []

    def laid_out(chunks: list[str]) -> list[SlideLayout] | None:
        """The parts with the same text size and picture (paging changes only the text): the text as large
        as it can be, the picture giving way first."""
        for step, share in itertools.product(LARGE_FIT_STEPS, _shares(look, keep_picture)):
            layouts = [
                _one_part(
                    _numbered(title, number, len(chunks)),
                    chunk,
                    size,
                    code_side,
                    action_height if number == len(chunks) else 0,
                    look,
                    keep_picture,
                    lang,
                    (share,),
                    (step,),
                )
                for number, chunk in enumerate(chunks, 1)
            ]
            if all(layout.fits for layout in layouts):
                return layouts
        return None

    @functools.cache
    def fits(start: int, end: int) -> bool:
        """Would pieces[start:end] fit on a part (its number's width hardly varies)?"""
        action = action_height if end == len(pieces) else 0
        numbered, chunk = _numbered(title, 1, 2), _joined(pieces[start:end])
        return _one_part(numbered, chunk, size, code_side, action, look, keep_picture, lang).fits

    # As few parts as will do (each taking as much as fits), then cut where they come out most even.
    greedy = [0]
    while greedy[-1] < len(pieces):
        end = greedy[-1] + 1
        if not fits(greedy[-1], end):
            return []
        while end < len(pieces) and fits(greedy[-1], end + 1):
            end += 1
        greedy.append(end)
    for bounds in [*_even_cuts(pieces, len(greedy) - 1), greedy]:
        if all(fits(a, b) for a, b in itertools.pairwise(bounds)):
            found = laid_out([_joined(pieces[a:b]) for a, b in itertools.pairwise(bounds)])
            if found is not None:
                return found
    return []


def _numbered(title: str, number: int, count: int) -> str:
    """The title of one part: "Hulp (1/2)", the number kept on the title's last line."""
    return f"{title}\u00a0({number}/{count})"


def _pieces(body: str) -> list[tuple[str, str]]:
    """The body as pieces a part may end after, each with the text that joins it to the piece before: a
    paragraph (a blank line), a list item (a line break: the list goes on), or a sentence (a space)."""
    pieces: list[tuple[str, str]] = []
    for paragraph in (part.strip() for part in body.split("\n\n")):
        if not paragraph:
            continue
        units: list[str] = []
        if _LIST_ITEM.match(paragraph):
            for line in paragraph.split("\n"):
                if _LIST_ITEM.match(line) or not units:
                    units.append(line)
                else:  # a line that continues its item
                    units[-1] += "\n" + line
            join = "\n"
        else:
            units = [unit for unit in _SENTENCE_END.split(paragraph) if unit]
            join = " "
        pieces += [("\n\n" if i == 0 else join, unit) for i, unit in enumerate(units)]
    return pieces


_LIST_ITEM = re.compile(r"\s*([-*+]|\d+[.)])\s")
_SENTENCE_END = re.compile(r"(?<=[.!?؟]) +(?=\S)")  # not at a line break: the line stays as it is


def _joined(pieces: list[tuple[str, str]]) -> str:
    return "".join(join + text for join, text in pieces).strip()


def _even_cuts(pieces: list[tuple[str, str]], count: int) -> list[list[int]]:
    """Where to cut `pieces` into `count` chunks (their bounds), the most even first; a cut between
    paragraphs comes before one inside a list or a paragraph that is about as even, and a line that leads
    into a list (it ends in ":") stays with it. Only a few hundred ways are weighed."""
    sizes = [len(text) for _, text in pieces]
    total = max(1, sum(sizes))
    ways = []
    for cuts in itertools.islice(itertools.combinations(range(1, len(pieces)), count - 1), 500):
        bounds = [0, *cuts, len(pieces)]
        longest = max(sum(sizes[a:b]) for a, b in itertools.pairwise(bounds))
        inside = sum(pieces[cut][0] != "\n\n" for cut in cuts)
        lead_in = sum(pieces[cut - 1][1].endswith(":") for cut in cuts)
        ways.append(((longest - total / count) / total + 0.2 * inside + 0.5 * lead_in, bounds))
    return [bounds for _, bounds in sorted(ways, key=lambda way: way[0])]


def _layout_at(
    title: str,
    body: str,
    size: QSize,
    code_side: float,
    action_height: float,
    look: theme.Look,
    share: float,
    lang: str,
    columns: int = 1,
    steps: tuple[float, ...] = FIT_STEPS,
) -> SlideLayout:
    m = theme.Metrics.for_size(size, look)
    rtl = is_right_to_left(lang)
    # With no room for the picture, the corner code goes too: the visitor's "Contact" button is on screen.
    picture, column, corner = _boxes(size, code_side if share else 0, look, share, lang)
    if rtl:
        picture, column = _mirrored(picture, size.width()), _mirrored(column, size.width())
        if corner is not None:
            w = size.width()
            corner = Corner(_mirrored(corner.code, w), _mirrored(corner.caption, w), corner.caption_doc)
    gap = m.px(36)
    for step in steps:
        body_px = max(m.body_px * step, m.min_body_px)
        title_doc = text_block(
            title,
            theme.font(max(m.title_px * step, body_px), QFont.Weight.Bold),
            column.width(),
            line_height=115,
            rtl=rtl,
        )
        if columns == 2:
            body_doc, second_doc = _two_columns(body, theme.font(body_px), (column.width() - gap) / 2, rtl)
            body_h = max(block_height(body_doc), block_height(second_doc))
        else:
            body_doc = text_block(body, theme.font(body_px), column.width(), markdown=True, rtl=rtl)
            second_doc = None
            body_h = block_height(body_doc)
        title_h = block_height(title_doc)
        total = title_h + (gap + body_h if body else 0) + (gap + action_height if action_height else 0)
        if total <= column.height():
            break
    fits = total <= column.height()
    top = column.top() + max(0.0, (column.height() - total) / 2) if not m.portrait else column.top()
    title_rect = QRectF(column.left(), top, column.width(), title_h)
    body_w = column.width() if second_doc is None else body_doc.textWidth()
    body_left = (
        column.right() - body_w if rtl else column.left()
    )  # two columns: the first where reading starts
    body_rect = QRectF(body_left, title_rect.bottom() + gap, body_w, body_h if body else 0)
    second = None
    if second_doc is not None:
        second_left = body_rect.left() - gap - body_w if rtl else body_rect.right() + gap
        second = (QRectF(second_left, body_rect.top(), body_w, body_h), second_doc)
    below = (body_rect if body else title_rect).bottom() + gap
    action = QRectF(column.left(), below, column.width(), action_height) if action_height else None
    return SlideLayout(picture, title_rect, body_rect, fits, title_doc, body_doc, corner, action, second)


def _two_columns(
    body: str, font: QFont, width: float, rtl: bool = False
) -> tuple[QTextDocument, QTextDocument]:
    """The text split between paragraphs (a list stays whole) where the two columns come out most even."""
    parts = [part for part in body.split("\n\n") if part.strip()]
    best: tuple[float, QTextDocument, QTextDocument] | None = None
    for cut in range(1, len(parts)):
        left = text_block("\n\n".join(parts[:cut]), font, width, markdown=True, rtl=rtl)
        right = text_block("\n\n".join(parts[cut:]), font, width, markdown=True, rtl=rtl)
        taller = max(block_height(left), block_height(right))
        if best is None or taller < best[0]:
            best = (taller, left, right)
    if best is None:  # one paragraph: nothing to split
        return text_block(body, font, width, markdown=True, rtl=rtl), text_block("", font, width)
    return best[1], best[2]


def _escaped(text: str) -> str:
    """Contact details as literal Markdown text: an e-mail address with _ or * stays as it is."""
    return re.sub(r"([\\`*_\[\]<>#|~])", r"\\\1", text)


def contact_details(site: Site, lang: str) -> str:
    """The clinic's name, phone, e-mail and website as Markdown lines for the contact slide."""
    clinic, said = site.clinic, words(lang)
    website = clinic.website.removeprefix("https://").removeprefix("http://")
    rows = [
        (said.translate("SlideRenderer", "Telefoon"), clinic.phone),
        (said.translate("SlideRenderer", "E-mail"), clinic.email),
        (said.translate("SlideRenderer", "Website"), website),
    ]
    lines = [f"**{_escaped(clinic.name)}**" if clinic.name else ""]
    lines += [labelled_line(label, _escaped(value), lang) for label, value in rows if value]
    return "  \n".join(line for line in lines if line)


class SlideRenderer:
    """Renders slides to images: the slideshow on a worker thread, blending only on the GUI thread."""

    def __init__(
        self, pictures: PictureCache, encode: Callable[[str], list[list[bool]]] = qr_modules
    ) -> None:
        self._pictures = pictures
        self._encode = encode  # the QR encoder (the kiosk passes one that keeps the code between starts)
        self._site: Site | None = None
        self._modules: tuple[str, list[list[bool]]] = ("", [])
        self.action_height = 0  # the row a signs slide keeps for its button (the slideshow sizes it)
        self.look = theme.DEFAULT_LOOK  # the visit's: millimetres, large text, high contrast
        # Laid out slides by everything their layout depends on: a slide in parts costs up to a tenth of a
        # second to cut, and the slideshow asks again for each page it draws. GUI thread only.
        self._laid_out: dict[tuple[object, ...], list[SlideLayout]] = {}

    def set_site(self, site: Site) -> None:
        """The contact details and QR code the slides show; slides rendered before are out of date."""
        self._site = site

    def qr_modules(self) -> list[list[bool]]:
        """The site's QR code (empty without a payload), encoded once per payload."""
        payload = qr_payload(self._site) if self._site is not None else ""
        if payload != self._modules[0]:
            self._modules = (payload, self._encode(payload) if payload else [])
        return self._modules[1]

    def corner_code_side(self, slide: Slide, size: QSize) -> int:
        """The corner code's side in pixels, whole modules; 0 when this slide carries none."""
        if self._site is None or not self._site.kiosk.corner_qr or slide.kind == "contact":
            return 0
        module = math.ceil(max(size.width(), size.height()) * CORNER_MODULE_SHARE)
        return len(self.qr_modules()) * module

    def layouts(self, slide: Slide, lang: str, size: QSize) -> list[SlideLayout]:
        """The slide's parts: one, or more for large text that does not fit on one screen."""
        body = pick(slide.body, lang)
        if slide.kind == "contact" and self._site is not None:
            body = "\n\n".join(part for part in (body, contact_details(self._site, lang)) if part)
        action = self.action_height if slide.signs is not None else 0
        code = self.corner_code_side(slide, size)
        contact = slide.kind == "contact"
        title = pick(slide.title, lang)
        key = (title, body, size.width(), size.height(), code, action, self.look, contact, lang)
        if key not in self._laid_out:
            if len(self._laid_out) >= LAID_OUT_KEPT:
                self._laid_out.clear()
            self._laid_out[key] = layout_slide(
                title, body, size, code, action, self.look, keep_picture=contact, lang=lang
            )
        return self._laid_out[key]

    def layout(self, slide: Slide, lang: str, size: QSize, part: int = 0) -> SlideLayout:
        parts = self.layouts(slide, lang, size)
        return parts[min(part, len(parts) - 1)]

    def render(self, slide: Slide, lang: str, size: QSize, part: int = 0) -> QPixmap:
        """On the GUI thread, now: for staff's preview, `shot` and `selftest`."""
        return QPixmap.fromImage(self.render_image(slide, lang, size, part))

    def decode_picture(self, slide: Slide, size: QSize) -> None:
        """Decode a photo (JPEG, PNG) at the size the slide shows it, into the picture cache. Safe on a
        worker thread: it uses no QObject, so it cannot deadlock with the GUI thread over the interpreter's
        lock (text layout and SVG drawing do: they connect signals inside Qt, and stay on the GUI thread)."""
        path = slide.illustration
        if path is not None and path.suffix.lower() != ".svg":
            self._pictures.image(
                path, _picture_size(_boxes(size)[0])
            )  # large text: drawn smaller, decoded then

    def render_image(self, slide: Slide, lang: str, size: QSize, part: int = 0) -> QImage:
        """On the GUI thread; with the photo decoded ahead (`decode_picture`), a few milliseconds."""
        image = QImage(size, QImage.Format.Format_RGB32)
        colours = self.look.colours
        image.fill(colours.background)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        layout = self.layout(slide, lang, size, part)
        if slide.kind == "contact" and self.qr_modules():
            box = layout.picture
            code = QRectF(0, 0, box.width() * CONTACT_QR_SHARE, box.height() * CONTACT_QR_SHARE)
            code.moveCenter(box.center())
            draw_qr(painter, code, self.qr_modules())
        elif not layout.picture.isEmpty():  # large text may have taken the picture's room
            draw_picture(painter, self._pictures, slide.illustration, layout.picture, colours.halo)
        draw_block(painter, layout.title_doc, layout.title.topLeft(), colours.title)
        draw_block(painter, layout.body_doc, layout.body.topLeft(), colours.text)
        if layout.second is not None:
            draw_block(painter, layout.second[1], layout.second[0].topLeft(), colours.text)
        if layout.corner is not None:  # only with a code to draw (see corner_code_side)
            draw_qr(painter, layout.corner.code, self.qr_modules())
            draw_block(painter, layout.corner.caption_doc, layout.corner.caption.topLeft(), colours.muted)
        painter.end()
        return image


def _picture_size(box: QRectF) -> QSize:
    """The picture inside its halo: 62 % of the halo's diameter, the box's short side."""
    inner = int(min(box.width(), box.height()) * 0.62)
    return QSize(inner, inner)


def draw_picture(
    painter: QPainter,
    pictures: PictureCache,
    path: Path | None,
    box: QRectF,
    halo_colour: QColor = theme.HALO,
) -> None:
    """The illustration centred on a soft round halo: one consistent frame for every picture."""
    diameter = min(box.width(), box.height())
    halo = QRectF(0, 0, diameter, diameter)
    halo.moveCenter(box.center())
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(halo_colour)
    painter.drawEllipse(halo)
    painter.restore()
    image = pictures.image(path, _picture_size(box))
    target = QPointF(halo.center().x() - image.width() / 2, halo.center().y() - image.height() / 2)
    painter.drawImage(target, image)
