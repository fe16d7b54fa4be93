"""Full-screen notices: 'out of service' when no slide can be shown, 'closed' outside opening hours.

Calm, never blank, never an error dialog. A dark notice is plain black: the screen 'off' without
switching the display off (which not every compositor allows).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.render import theme
from kiosk.render.pictures import PictureCache
from kiosk.render.text import draw_block, text_block


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
        self.dark = False

    def set_text(self, title: str, detail: str) -> None:
        self.title, self.detail = title, detail
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.dark:
            painter.fillRect(self.rect(), QColor("black"))
            return
        m = theme.Metrics.for_size(self.size())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), theme.BACKGROUND)
        side = m.px(220)
        picture = self._pictures.get(self.picture, QSize(side, side))
        width = self.width() - 2 * m.margin
        centred = Qt.AlignmentFlag.AlignHCenter
        title = text_block(self.title, theme.font(m.title_px, QFont.Weight.Bold), width, align=centred)
        detail = text_block(self.detail, theme.font(m.body_px), width, align=centred)
        gap = m.px(40)
        total = picture.height() + gap + title.size().height() + gap / 2 + detail.size().height()
        top = (self.height() - total) / 2
        target = QRectF((self.width() - picture.width()) / 2, top, picture.width(), picture.height())
        painter.drawPixmap(target, picture, QRectF(picture.rect()))
        top += picture.height() + gap
        draw_block(painter, title, QRectF(m.margin, top, 0, 0).topLeft(), theme.TITLE)
        top += title.size().height() + gap / 2
        draw_block(painter, detail, QRectF(m.margin, top, 0, 0).topLeft(), theme.MUTED)
        painter.end()
