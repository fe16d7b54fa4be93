"""Draws one slide (illustration, title, text) into an image, laid out for the screen's shape.

Every slide but the contact slide carries a small QR code of the site's contact in a corner the layout
keeps free, so a visitor who will not touch the screen can still take the details home; a contact slide
shows the clinic's details beside a large code.

`render_image` only makes QImages, QTextDocuments and QPainters of its own, which Qt allows on any thread:
the slideshow calls it on its worker thread; `render` gives a pixmap for the GUI thread (staff's preview).

Text is never shrunk far to fit: it may step down a little, and a slide whose text still does not
fit is reported as not fitting so the slideshow skips it rather than cut it off.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPixmap, QTextDocument

from kiosk.content import Site, Slide, pick
from kiosk.content.model import SOURCE_LANGUAGE, is_right_to_left, labelled_line
from kiosk.content.qr import qr_payload
from kiosk.render import theme
from kiosk.render.pictures import PictureCache
from kiosk.render.qr import draw_qr, qr_modules
from kiosk.render.text import block_height, draw_block, text_block
from kiosk.render.words import words

FIT_STEPS = (1.0, 0.92, 0.85, 0.78)
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


def corner_caption(lang: str) -> str:
    return words(lang).translate("SlideRenderer", "Scan voor contact")


def _boxes(
    size: QSize, code_side: float = 0, lang: str = SOURCE_LANGUAGE
) -> tuple[QRectF, QRectF, Corner | None]:
    """The picture's box, the text column and the corner code (`code_side` pixels; 0: none) on a canvas
    of `size`. The code takes the bottom of the picture's column (landscape) or the picture's bottom-left
    corner beside its halo (portrait): the text column is the same with or without it."""
    m = theme.Metrics.for_size(size)
    w, h, pad = size.width(), size.height(), m.margin
    gap = m.px(24)
    caption_font = theme.font(m.button_px)
    if m.portrait:
        picture = QRectF(pad, pad, w - 2 * pad, h * 0.34)
        column = QRectF(pad, picture.bottom() + pad, w - 2 * pad, h - picture.bottom() - 2 * pad)
        if not code_side:
            return picture, column, None
        doc = text_block(corner_caption(lang), caption_font, code_side + 2 * gap, rtl=is_right_to_left(lang))
        caption_h = block_height(doc)
        code = QRectF(
            picture.left(), picture.bottom() - caption_h - gap / 2 - code_side, code_side, code_side
        )
        caption = QRectF(code.left(), code.bottom() + gap / 2, doc.textWidth(), caption_h)
        halo = min(picture.height(), picture.width() - 2 * (code_side + 2 * gap))
        picture = QRectF(picture.center().x() - halo / 2, picture.top(), halo, picture.height())
        return picture, column, Corner(code, caption, doc)
    side = min(w * 0.36, h - 2 * pad)
    column = QRectF(pad * 1.5 + side + pad * 1.5, pad, w - side - pad * 4.5, h - 2 * pad)
    if not code_side:
        return QRectF(pad * 1.5, (h - side) / 2, side, side), column, None
    code = QRectF(pad * 1.5, h - pad - code_side, code_side, code_side)
    doc = text_block(corner_caption(lang), caption_font, side - code_side - gap, rtl=is_right_to_left(lang))
    caption = QRectF(
        code.right() + gap, code.center().y() - block_height(doc) / 2, doc.textWidth(), block_height(doc)
    )
    picture = QRectF(pad * 1.5, pad, side, code.top() - gap - pad)
    return picture, column, Corner(code, caption, doc)


def _mirrored(box: QRectF, width: float) -> QRectF:
    return QRectF(width - box.right(), box.top(), box.width(), box.height())


def layout_slide(
    title: str,
    body: str,
    size: QSize,
    code_side: float = 0,
    action_height: float = 0,
    lang: str = SOURCE_LANGUAGE,
) -> SlideLayout:
    """Where the picture, the text, the corner code and a button row go on a canvas of `size`; pure
    geometry plus text measuring. Right to left, the boxes change sides (the picture itself is not
    mirrored) and the text stands on the right."""
    m = theme.Metrics.for_size(size)
    rtl = is_right_to_left(lang)
    picture, column, corner = _boxes(size, code_side, lang)
    if rtl:
        picture, column = _mirrored(picture, size.width()), _mirrored(column, size.width())
        if corner is not None:
            w = size.width()
            corner = Corner(_mirrored(corner.code, w), _mirrored(corner.caption, w), corner.caption_doc)
    gap = m.px(36)
    for step in FIT_STEPS:
        title_doc = text_block(
            title, theme.font(m.title_px * step, QFont.Weight.Bold), column.width(), line_height=115, rtl=rtl
        )
        body_doc = text_block(body, theme.font(m.body_px * step), column.width(), markdown=True, rtl=rtl)
        title_h, body_h = block_height(title_doc), block_height(body_doc)
        total = title_h + (gap + body_h if body else 0) + (gap + action_height if action_height else 0)
        if total <= column.height():
            break
    fits = total <= column.height()
    top = column.top() + max(0.0, (column.height() - total) / 2) if not m.portrait else column.top()
    title_rect = QRectF(column.left(), top, column.width(), title_h)
    body_rect = QRectF(column.left(), title_rect.bottom() + gap, column.width(), body_h if body else 0)
    below = (body_rect if body else title_rect).bottom() + gap
    action = QRectF(column.left(), below, column.width(), action_height) if action_height else None
    return SlideLayout(picture, title_rect, body_rect, fits, title_doc, body_doc, corner, action)


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

    def __init__(self, pictures: PictureCache) -> None:
        self._pictures = pictures
        self._site: Site | None = None
        self._modules: tuple[str, list[list[bool]]] = ("", [])
        self.action_height = 0  # the row a signs slide keeps for its button (the slideshow sizes it)

    def set_site(self, site: Site) -> None:
        """The contact details and QR code the slides show; slides rendered before are out of date."""
        self._site = site

    def qr_modules(self) -> list[list[bool]]:
        """The site's QR code (empty without a payload), encoded once per payload."""
        payload = qr_payload(self._site) if self._site is not None else ""
        if payload != self._modules[0]:
            self._modules = (payload, qr_modules(payload) if payload else [])
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
        code_side = self.corner_code_side(slide, size)
        return layout_slide(pick(slide.title, lang), body, size, code_side, action, lang)

    def render(self, slide: Slide, lang: str, size: QSize) -> QPixmap:
        """On the GUI thread, now: for staff's preview, `shot` and `selftest`."""
        return QPixmap.fromImage(self.render_image(slide, lang, size))

    def decode_picture(self, slide: Slide, size: QSize) -> None:
        """Decode a photo (JPEG, PNG) at the size the slide shows it, into the picture cache. Safe on a
        worker thread: it uses no QObject, so it cannot deadlock with the GUI thread over the interpreter's
        lock (text layout and SVG drawing do: they connect signals inside Qt, and stay on the GUI thread)."""
        path = slide.illustration
        if path is not None and path.suffix.lower() != ".svg":
            self._pictures.image(path, _picture_size(_boxes(size)[0]))

    def render_image(self, slide: Slide, lang: str, size: QSize) -> QImage:
        """On the GUI thread; with the photo decoded ahead (`decode_picture`), a few milliseconds."""
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(theme.BACKGROUND)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        layout = self.layout(slide, lang, size)
        if slide.kind == "contact" and self.qr_modules():
            box = layout.picture
            code = QRectF(0, 0, box.width() * CONTACT_QR_SHARE, box.height() * CONTACT_QR_SHARE)
            code.moveCenter(box.center())
            draw_qr(painter, code, self.qr_modules())
        else:
            draw_picture(painter, self._pictures, slide.illustration, layout.picture)
        draw_block(painter, layout.title_doc, layout.title.topLeft(), theme.TITLE)
        draw_block(painter, layout.body_doc, layout.body.topLeft(), theme.TEXT)
        if layout.corner is not None:  # only with a code to draw (see corner_code_side)
            draw_qr(painter, layout.corner.code, self.qr_modules())
            draw_block(painter, layout.corner.caption_doc, layout.corner.caption.topLeft(), theme.MUTED)
        painter.end()
        return image


def _picture_size(box: QRectF) -> QSize:
    """The picture inside its halo: 62 % of the halo's diameter, the box's short side."""
    inner = int(min(box.width(), box.height()) * 0.62)
    return QSize(inner, inner)


def draw_picture(painter: QPainter, pictures: PictureCache, path: Path | None, box: QRectF) -> None:
    """The illustration centred on a soft round halo: one consistent frame for every picture."""
    diameter = min(box.width(), box.height())
    halo = QRectF(0, 0, diameter, diameter)
    halo.moveCenter(box.center())
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.HALO)
    painter.drawEllipse(halo)
    painter.restore()
    image = pictures.image(path, _picture_size(box))
    target = QPointF(halo.center().x() - image.width() / 2, halo.center().y() - image.height() / 2)
    painter.drawImage(target, image)
