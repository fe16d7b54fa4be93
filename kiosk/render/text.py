"""Text blocks laid out with QTextDocument: wrapped to a width, measured, and painted in one colour."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

if TYPE_CHECKING:  # a type only: QUrl's own costs a start a few milliseconds
    from PySide6.QtCore import QUrl


class _Document(QTextDocument):
    """A document that opens no files. Markdown names pictures by path (`![x](/home/...)`), and no text
    may make the kiosk open a file outside its content folder, nor decode a 20000×20000 picture."""

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        if type != QTextDocument.ResourceType.ImageResource.value:
            return None
        # An empty picture, as Qt reads the file itself when it gets none; transparent, so it is not seen.
        nothing = QImage(1, 1, QImage.Format.Format_ARGB32)
        nothing.fill(Qt.GlobalColor.transparent)
        return nothing


def text_block(
    text: str,
    font: QFont,
    width: float,
    markdown: bool = False,
    line_height: int = 128,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    rtl: bool = False,
) -> QTextDocument:
    """A document wrapped at `width`; Markdown without HTML, so raw tags in content stay harmless.

    `align` is logical: AlignLeft is the start of a line, so with `rtl` the text, its list bullets and
    quotes stand on the right, even a block that starts with a Latin word or a number."""
    doc = _Document()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    option = QTextOption(align)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    if markdown:
        doc.setMarkdown(text, QTextDocument.MarkdownFeature.MarkdownNoHTML)
    else:
        doc.setPlainText(text)
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    block = QTextBlockFormat()
    block.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    block.setBottomMargin(font.pixelSize() * 0.45 if markdown else 0)
    if rtl:
        block.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    cursor.mergeBlockFormat(block)
    doc.setTextWidth(width)
    return doc


def block_height(doc: QTextDocument) -> float:
    return doc.size().height()


def draw_block(painter: QPainter, doc: QTextDocument, top_left: QPointF, color: QColor) -> None:
    painter.save()
    painter.translate(top_left)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, color)
    context.clip = QRectF(0, 0, doc.textWidth(), doc.size().height())
    doc.documentLayout().draw(painter, context)
    painter.restore()
