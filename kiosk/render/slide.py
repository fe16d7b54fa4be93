"""Draws one slide (illustration, title, text) into an image, laid out for the screen's shape.

Every slide but the contact slide carries a small QR code of the site's contact in a corner the layout
keeps free, so a visitor who will not touch the screen can still take the details home; a contact slide
shows the clinic's details beside a large code.

`render_image` only makes QImages, QTextDocuments and QPainters of its own, which Qt allows on any thread:
the slideshow calls it on its worker thread; `render` gives a pixmap for the GUI thread (staff's preview).

Text is never shrunk far to fit: it may step down a little (never under its millimetre floor), and a slide
whose text still does not fit is reported as not fitting so the slideshow skips it rather than cut it off.
With the visitor's large text the picture gives way first: it shrinks to a smaller disc, then leaves the
slide to the text; a slide that even then does not fit is shown at normal size rather than skipped.
"""

from __future__ import annotations

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
# The picture's share of the slide, normally and as it gives way to large text (0: no picture).
PICTURE_SHARES = (1.0, 0.6, 0.0)  # at 0 the corner code leaves too
# The corner code's module is at least this share of the slide's long side: 6 pixels (1.7 mm) on a 24-inch
# 1080p panel, 5 in portrait where the bars take more of the height; at least 3 pixels of a phone's photo
# taken a metre away (tests/ui/test_corner_qr.py).
CORNER_MODULE_SHARE = 1 / 360
CONTACT_QR_SHARE = 0.82  # of the picture's box: large, with room around it


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
) -> SlideLayout:
    """Where the picture, the text, the corner code and a button row go on a canvas of `size`; pure
    geometry plus text measuring. Text that does not fit at its millimetre floor takes room from the
    picture; large text may take all of it, and when even the whole slide is too small for it, the slide
    is laid out at normal size (never cut, never skipped for it). Right to left, the boxes change sides
    (the picture itself is not mirrored) and the text stands on the right."""
    # Normal text keeps a picture; so does a contact slide (its picture is the QR code).
    shares = PICTURE_SHARES[:2] if keep_picture or not look.large else PICTURE_SHARES
    # Normal text: the picture shrinks only when the text cannot step down further. Large text: the text
    # stays as large as it can, and the picture gives way first.
    tries = (
        [(share, FIT_STEPS) for share in shares]
        if not look.large
        else [(share, (step,)) for step in FIT_STEPS for share in shares]
    )
    for share, steps in tries:
        layout = _layout_at(title, body, size, code_side, action_height, look, share, lang, steps=steps)
        if layout.fits:
            return layout
    if look.large and size.width() > size.height() and not keep_picture and "\n\n" in body.strip():
        layout = _layout_at(title, body, size, 0, action_height, look, 0, lang, columns=2)
        if layout.fits:
            return layout
    if look.large:
        return layout_slide(
            title, body, size, code_side, action_height, replace(look, large=False), keep_picture, lang
        )
    return layout


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

    def layout(self, slide: Slide, lang: str, size: QSize) -> SlideLayout:
        body = pick(slide.body, lang)
        if slide.kind == "contact" and self._site is not None:
            body = "\n\n".join(part for part in (body, contact_details(self._site, lang)) if part)
        action = self.action_height if slide.signs is not None else 0
        code = self.corner_code_side(slide, size)
        contact = slide.kind == "contact"
        return layout_slide(
            pick(slide.title, lang), body, size, code, action, self.look, keep_picture=contact, lang=lang
        )

    def render(self, slide: Slide, lang: str, size: QSize) -> QPixmap:
        """On the GUI thread, now: for staff's preview, `shot` and `selftest`."""
        return QPixmap.fromImage(self.render_image(slide, lang, size))

    def decode_picture(self, slide: Slide, size: QSize) -> None:
        """Decode a photo (JPEG, PNG) at the size the slide shows it, into the picture cache. Safe on a
        worker thread: it uses no QObject, so it cannot deadlock with the GUI thread over the interpreter's
        lock (text layout and SVG drawing do: they connect signals inside Qt, and stay on the GUI thread)."""
        path = slide.illustration
        if path is not None and path.suffix.lower() != ".svg":
            self._pictures.image(
                path, _picture_size(_boxes(size)[0])
            )  # large text: drawn smaller, decoded then

    def render_image(self, slide: Slide, lang: str, size: QSize) -> QImage:
        """On the GUI thread; with the photo decoded ahead (`decode_picture`), a few milliseconds."""
        image = QImage(size, QImage.Format.Format_RGB32)
        colours = self.look.colours
        image.fill(colours.background)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        layout = self.layout(slide, lang, size)
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
