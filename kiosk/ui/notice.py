"""Full-screen notices: 'out of service' when no slide can be shown, 'closed' outside opening hours.

Calm, never blank, never an error dialog. A dark notice is plain black: the screen 'off' without
switching the display off (which not every compositor allows).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QTextDocument
from PySide6.QtWidgets import QWidget

from kiosk.render import theme
from kiosk.render.pictures import PictureCache
from kiosk.render.text import draw_block, text_block
from kiosk.ui.widgets import FIT_SCALES


@dataclass(frozen=True)
class NoticeLayout:
    """One notice's layout: each text block with its top-left corner, and the framed crisis line."""

    body_px: float  # the size of body text at the scale that fits
    picture: QRectF | None
    texts: list[tuple[QTextDocument, QPointF, QColor]]
    urgent: tuple[QTextDocument, QRectF] | None


class NoticeScreen(QWidget):
    def __init__(
        self,
        pictures: PictureCache,
        picture: Path | None,
        title: str,
        detail: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pictures = pictures
        self.picture = picture
        self.title = title
        self.detail = detail
        self.urgent = ""  # the crisis line, framed below the notice
        self.dark = False
        self.look = theme.DEFAULT_LOOK  # the site's: millimetres and its default contrast

    def set_text(self, title: str, detail: str) -> None:
        self.title, self.detail = title, detail
        self.update()

    def layout_notice(self) -> NoticeLayout:
        """Centred in a column; type steps down and the picture gives way rather than cut anything off."""
        m = theme.Metrics.for_size(self.size(), self.look)
        width = self.width() - 2 * m.margin
        centred = Qt.AlignmentFlag.AlignHCenter
        pad, border = m.px(24), theme.urgent_border(m)
        for scale in FIT_SCALES:
            title = text_block(
                self.title, theme.font(m.title_px * scale, QFont.Weight.Bold), width, align=centred
            )
            detail = text_block(self.detail, theme.font(m.body_px * scale), width, align=centred)
            urgent = None
            if self.urgent:
                font = theme.font(m.body_px * scale, QFont.Weight.Bold)
                urgent = text_block(self.urgent, font, width - 2 * (pad + border))
            gap = m.px(40) * scale
            words = title.size().height() + gap / 2 + detail.size().height()
            if urgent is not None:
                words += gap + urgent.size().height() + 2 * (pad + border)
            side = m.px(220)
            show_picture = words + side + gap <= self.height() - 2 * m.margin
            if show_picture or words <= self.height() - 2 * m.margin or scale == FIT_SCALES[-1]:
                break
        total = words + (side + gap if show_picture else 0)
        top = max(m.margin, (self.height() - total) / 2)
        picture = None
        if show_picture:
            picture = QRectF((self.width() - side) / 2, top, side, side)
            top += side + gap
        c = m.colours
        texts = [(title, QPointF(m.margin, top), c.title)]
        top += title.size().height() + gap / 2
        texts.append((detail, QPointF(m.margin, top), c.muted))
        top += detail.size().height() + gap
        box = None
        if urgent is not None:
            height = urgent.size().height() + 2 * (pad + border)
            box = (urgent, QRectF(m.margin, top, width, height))
        return NoticeLayout(m.body_px * scale, picture, texts, box)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.dark:
            painter.fillRect(self.rect(), QColor("black"))
            return
        m = theme.Metrics.for_size(self.size(), self.look)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = m.colours
        painter.fillRect(self.rect(), c.background)
        placed = self.layout_notice()
        if placed.picture is not None:
            side = round(placed.picture.width())
            picture = self._pictures.get(self.picture, QSize(side, side))
            target = QRectF(
                placed.picture.center().x() - picture.width() / 2,
                placed.picture.top(),
                picture.width(),
                picture.height(),
            )
            painter.drawPixmap(target, picture, QRectF(picture.rect()))
        for doc, at, colour in placed.texts:
            draw_block(painter, doc, at, colour)
        if placed.urgent is not None:
            doc, frame = placed.urgent
            border = theme.urgent_border(m)
            painter.setPen(QPen(c.title, border))
            painter.setBrush(c.urgent_background)
            inset = border / 2
            painter.drawRoundedRect(frame.adjusted(inset, inset, -inset, -inset), m.px(16), m.px(16))
            offset = border + m.px(24)
            draw_block(painter, doc, frame.topLeft() + QPointF(offset, offset), c.urgent_text)
        painter.end()
