"""Text blocks laid out with QTextDocument: wrapped to a width, measured, and painted in one colour."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)


def text_block(
    text: str,
    font: QFont,
    width: float,
    markdown: bool = False,
    line_height: int = 128,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> QTextDocument:
    """A document wrapped at `width`; Markdown without HTML, so raw tags in content stay harmless."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    option = QTextOption(align)
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
