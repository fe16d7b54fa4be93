"""The printer's test page, for staff: which kiosk and printer, when, the site's QR code to scan, and a
10 cm ruler to measure, so a printer that shrinks pages to fit, or prints blurred, is caught before a
visitor's handout comes out wrong. Same page size and path to the printer as the handout."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter

from kiosk.content import Content
from kiosk.content.qr import qr_payload
from kiosk.render import theme
from kiosk.render.handout import BLACK, MARGIN_MM, PAGE_WIDTH_MM, PT_MM, QR_MM, WHITE, page_pdf
from kiosk.render.qr import draw_qr, qr_modules
from kiosk.render.text import draw_block, text_block

RULER_MM = 100.0
TICK_MM, LINE_MM = 4.0, 0.5


def paint_printer_check(
    painter: QPainter, page: QRectF, content: Content, printer_name: str, printed_at: dt.datetime
) -> None:
    """Paint the test page in `page` (device pixels); sizes in millimetres of paper, as on the handout."""
    mm = page.width() / PAGE_WIDTH_MM
    left, width = page.left() + MARGIN_MM * mm, page.width() - 2 * MARGIN_MM * mm
    y = page.top() + MARGIN_MM * mm

    def write(text: str, points: float, bold: bool = False, gap_mm: float = 4) -> None:
        nonlocal y
        weight = QFont.Weight.Bold if bold else QFont.Weight.Normal
        font = theme.font(points * PT_MM * mm, weight)
        font.setFeature(QFont.Tag("liga"), 0)  # words stay searchable in the PDF
        doc = text_block(text, font, width, line_height=125)
        draw_block(painter, doc, QPointF(left, y), BLACK)
        y += doc.size().height() + gap_mm * mm

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(page, WHITE)
    write("Testpagina", 24, bold=True)
    write("Kiosk van %1".replace("%1", content.site.clinic.name), 13, bold=True, gap_mm=2)
    write(
        "Printer: %1".replace("%1", printer_name or "de standaardprinter van deze computer"),
        12,
        gap_mm=2,
    )
    write(
        "Afgedrukt op %1 om %2".replace("%1", f"{printed_at:%d-%m-%Y}").replace("%2", f"{printed_at:%H:%M}"),
        12,
    )
    write("Komt deze pagina er scherp en op ware grootte uit, dan komen de folders dat ook.", 11, gap_mm=10)

    side = QR_MM * mm
    draw_qr(painter, QRectF(left, y, side, side), qr_modules(qr_payload(content.site)))
    qr_top, y = y, y + side + 4 * mm
    what = content.site.qr.web_address() if content.site.qr.kind == "url" else "de contactgegevens"
    caption = "Scan deze code met een telefoon. Hij hoort %1 te openen.".replace("%1", what)
    doc = text_block(caption, theme.font(11 * PT_MM * mm), width - side - 8 * mm, line_height=125)
    draw_block(painter, doc, QPointF(left + side + 8 * mm, qr_top + (side - doc.size().height()) / 2), BLACK)

    _ruler(painter, QPointF(left, y + 14 * mm), mm)
    y += 24 * mm
    write("Deze lijn is 10 cm. Is hij korter of langer, dan drukt de printer niet op ware grootte af.", 11)
    painter.restore()


def _ruler(painter: QPainter, at: QPointF, mm: float) -> None:
    """The line (from `at`, exactly RULER_MM long, LINE_MM thick) with a tick and a number at every cm.
    The ticks stand on the line without widening it, so the line can be measured on a scan."""
    painter.fillRect(QRectF(at.x(), at.y(), RULER_MM * mm, LINE_MM * mm), BLACK)
    font = theme.font(8 * PT_MM * mm)
    for cm in range(int(RULER_MM / 10) + 1):
        x = at.x() + cm * 10 * mm
        tall = TICK_MM * mm
        painter.fillRect(QRectF(x - LINE_MM * mm / 2, at.y() - tall, LINE_MM * mm, tall), BLACK)
        label = text_block(str(cm), font, 8 * mm, align=Qt.AlignmentFlag.AlignHCenter)
        draw_block(painter, label, QPointF(x - 4 * mm, at.y() - tall - label.size().height()), BLACK)


def printer_check_pdf(content: Content, printer_name: str, printed_at: dt.datetime) -> bytes:
    return page_pdf(
        lambda painter, page: paint_printer_check(painter, page, content, printer_name, printed_at),
        "Testpagina",
    )
