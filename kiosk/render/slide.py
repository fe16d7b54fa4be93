"""Draws one slide (illustration, title, text) into an image, laid out for the screen's shape.

`render_image` only makes QImages, QTextDocuments and QPainters of its own, which Qt allows on any thread:
the slideshow calls it on its worker thread; `render` gives a pixmap for the GUI thread (staff's preview).

Text is never shrunk far to fit: it may step down a little, and a slide whose text still does not
fit is reported as not fitting so the slideshow skips it rather than cut it off.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPixmap, QTextDocument

from kiosk.content import Slide, pick
from kiosk.render import theme
from kiosk.render.pictures import PictureCache
from kiosk.render.text import block_height, draw_block, text_block

FIT_STEPS = (1.0, 0.92, 0.85, 0.78)


@dataclass
class SlideLayout:
    picture: QRectF
    title: QRectF
    body: QRectF
    fits: bool
    title_doc: QTextDocument
    body_doc: QTextDocument


def _boxes(size: QSize) -> tuple[QRectF, QRectF]:
    """The picture's box and the text column on a canvas of `size`: they depend on the shape alone."""
    m = theme.Metrics.for_size(size)
    w, h, pad = size.width(), size.height(), m.margin
    if m.portrait:
        picture = QRectF(pad, pad, w - 2 * pad, h * 0.34)
        column = QRectF(pad, picture.bottom() + pad, w - 2 * pad, h - picture.bottom() - 2 * pad)
    else:
        side = min(w * 0.36, h - 2 * pad)
        picture = QRectF(pad * 1.5, (h - side) / 2, side, side)
        column = QRectF(picture.right() + pad * 1.5, pad, w - picture.right() - pad * 3, h - 2 * pad)
    return picture, column


def layout_slide(title: str, body: str, size: QSize) -> SlideLayout:
    """Where the picture and the text go on a canvas of `size`; pure geometry plus text measuring."""
    m = theme.Metrics.for_size(size)
    picture, column = _boxes(size)
    gap = m.px(36)
    for step in FIT_STEPS:
        title_doc = text_block(
            title, theme.font(m.title_px * step, QFont.Weight.Bold), column.width(), line_height=115
        )
        body_doc = text_block(body, theme.font(m.body_px * step), column.width(), markdown=True)
        title_h, body_h = block_height(title_doc), block_height(body_doc)
        total = title_h + (gap + body_h if body else 0)
        if total <= column.height():
            break
    fits = total <= column.height()
    top = column.top() + max(0.0, (column.height() - total) / 2) if not m.portrait else column.top()
    title_rect = QRectF(column.left(), top, column.width(), title_h)
    body_rect = QRectF(column.left(), title_rect.bottom() + gap, column.width(), body_h if body else 0)
    return SlideLayout(picture, title_rect, body_rect, fits, title_doc, body_doc)


class SlideRenderer:
    """Renders slides to images: the slideshow on a worker thread, blending only on the GUI thread."""

    def __init__(self, pictures: PictureCache) -> None:
        self._pictures = pictures

    def layout(self, slide: Slide, lang: str, size: QSize) -> SlideLayout:
        return layout_slide(pick(slide.title, lang), pick(slide.body, lang), size)

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
        draw_picture(painter, self._pictures, slide.illustration, layout.picture)
        draw_block(painter, layout.title_doc, layout.title.topLeft(), theme.TITLE)
        draw_block(painter, layout.body_doc, layout.body.topLeft(), theme.TEXT)
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
