"""What the screen shows when no slide at all can be shown: calm, never blank, never an error dialog."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.resources import placeholder_picture
from kiosk.ui import theme
from kiosk.ui.pictures import PictureCache
from kiosk.ui.text import draw_block, text_block


class OutOfService(QWidget):
    def __init__(self, pictures: PictureCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pictures = pictures
        self.title = self.tr("Dit scherm is even buiten gebruik")
        self.detail = self.tr("Heb je een vraag? Stel die gerust aan de balie.")

    def paintEvent(self, event: QPaintEvent) -> None:
        m = theme.Metrics.for_size(self.size())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), theme.BACKGROUND)
        side = m.px(220)
        picture = self._pictures.get(placeholder_picture(), QSize(side, side))
        width = self.width() - 2 * m.margin
        title = text_block(
            self.title, theme.font(m.title_px, QFont.Weight.Bold), width, align=Qt.AlignmentFlag.AlignHCenter
        )
        detail = text_block(self.detail, theme.font(m.body_px), width, align=Qt.AlignmentFlag.AlignHCenter)
        total = picture.height() + m.px(48) + title.size().height() + m.px(24) + detail.size().height()
        top = (self.height() - total) / 2
        painter.drawPixmap(
            QRectF((self.width() - picture.width()) / 2, top, picture.width(), picture.height()),
            picture,
            QRectF(picture.rect()),
        )
        top += picture.height() + m.px(48)
        draw_block(painter, title, QRectF(m.margin, top, 0, 0).topLeft(), theme.TITLE)
        draw_block(
            painter,
            detail,
            QRectF(m.margin, top + title.size().height() + m.px(24), 0, 0).topLeft(),
            theme.MUTED,
        )
        painter.end()
