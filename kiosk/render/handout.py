"""The A4 handout a visitor takes home: laid out once, painted on a printer or into a PDF.

Sizes are in millimetres of paper, converted with the page's own width, so the same code serves a
1200 dpi printer, a PDF and a small preview. Black on white with generous type and hairline-free
rules, because it must stay readable after a cheap laser printer. Nothing about the visitor is on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPagedPaintDevice, QPageSize, QPainter, QPdfWriter, QPen

from kiosk.content import Content, pick
from kiosk.content.model import is_right_to_left, isolated, labelled_line, numbers_left_to_right
from kiosk.content.qr import qr_payload
from kiosk.content.review import long_date_nl
from kiosk.render import theme
from kiosk.render.qr import draw_qr, qr_modules
from kiosk.render.text import draw_block, text_block
from kiosk.render.words import words

A4 = QPageSize(QPageSize.PageSizeId.A4)
PAGE_WIDTH_MM = 210.0  # A4; on another paper size the layout simply scales with the width
MARGIN_MM = 15.0  # clear of any laser printer's unprintable edge (about 5 mm)
QR_MM = 46.0  # quiet zone included: the code itself comes out 36 mm or more
PT_MM = 25.4 / 72  # one typographic point in millimetres
BODY_PT = 10.5  # the key points, signs and advice
URGENT_PT = 11.5  # the crisis line: bold, and a little larger than the body
# Type sizes are for scale 1; the largest scale whose layout fits the page wins, so short content gets
# bigger type and long content still fits one page.
FIT_SCALES = tuple(1.2 - 0.05 * step for step in range(13))
BLACK = QColor("black")
PagePainter = Callable[[QPainter, QRectF], None]  # paints one page in the given rectangle (device pixels)
WHITE = QColor("white")


@dataclass(frozen=True)
class _Block:
    """Something laid out at a fixed width: its height, and how to paint it at a top-left point."""

    height: float
    paint: Callable[[QPainter, QPointF], None]


def _stack(blocks: Iterable[_Block | None], gap: float) -> _Block | None:
    present = [b for b in blocks if b is not None]
    if not present:
        return None

    def paint(painter: QPainter, at: QPointF) -> None:
        y = at.y()
        for block in present:
            block.paint(painter, QPointF(at.x(), y))
            y += block.height + gap

    return _Block(sum(b.height for b in present) + gap * (len(present) - 1), paint)


def _beside(first: _Block | None, second: _Block | None, first_x: float, second_x: float) -> _Block | None:
    """Two columns, starting `first_x` and `second_x` from the left; when either is missing the other
    stands alone."""
    if first is None or second is None:
        return first or second

    def paint(painter: QPainter, at: QPointF) -> None:
        first.paint(painter, QPointF(at.x() + first_x, at.y()))
        second.paint(painter, QPointF(at.x() + second_x, at.y()))

    return _Block(max(first.height, second.height), paint)


def _markdown_escape(text: str) -> str:
    """Content text shown literally: every ASCII punctuation mark backslash-escaped for CommonMark."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)


class _Typesetter:
    """Fonts and blocks for one page width, at one type scale."""

    def __init__(self, mm: float, scale: float, lang: str) -> None:
        self.mm = mm
        self.scale = scale
        self.lang = lang
        self.rtl = is_right_to_left(lang)  # Arabic: every block right to left, numbers kept in order
        self.words = words(lang)  # the page's own words (headings, labels) in the handout's language

    def font(self, points: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
        f = theme.font(points * PT_MM * self.mm * self.scale, weight)
        f.setFeature(QFont.Tag("liga"), 0)  # no "ﬀ" glyphs: words stay searchable in the PDF
        return f

    def text(
        self,
        text: str,
        font: QFont,
        width: float,
        markdown: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> _Block | None:
        if not text.strip():
            return None
        doc = text_block(text, font, width, markdown=markdown, line_height=125, align=align, rtl=self.rtl)
        doc.setIndentWidth(5 * self.mm * self.scale)  # Qt's default list indent is 40 device pixels
        doc.setTextWidth(width)  # lay out again with the new indent
        return _Block(doc.size().height(), lambda painter, at: draw_block(painter, doc, at, BLACK))

    def section(self, heading: str, body: _Block | None, width: float) -> _Block | None:
        """A small bold heading over its text; nothing at all when the text is missing."""
        if body is None:
            return None
        title = self.text(isolated(heading, self.lang), self.font(12.5, QFont.Weight.Bold), width)
        return _stack([title, body], 1.8 * self.mm * self.scale)

    def bullets(self, items: Iterable[str], width: float) -> _Block | None:
        lines = [f"- {_markdown_escape(item)}" for item in items if item.strip()]
        return self.text("\n".join(lines), self.font(BODY_PT), width, markdown=True)


def _contact(ts: _Typesetter, content: Content, lang: str, width: float) -> _Block | None:
    clinic = content.site.clinic
    rows = [
        (ts.words.translate("Handout", "Telefoon"), clinic.phone),
        (ts.words.translate("Handout", "E-mail"), clinic.email),
        (ts.words.translate("Handout", "Website"), re.sub(r"^https?://", "", clinic.website).rstrip("/")),
        (ts.words.translate("Handout", "Bereikbaar"), pick(clinic.hours, lang)),
    ]
    details = "\n".join(labelled_line(label, value, lang) for label, value in rows if value)
    body = _stack(
        [
            ts.text(clinic.name, ts.font(11.5, QFont.Weight.Bold), width),
            ts.text(pick(clinic.offer, lang), ts.font(10), width),
            ts.text(details, ts.font(BODY_PT), width),
        ],
        1.5 * ts.mm * ts.scale,
    )
    return ts.section(ts.words.translate("Handout", "Contact"), body, width)


def _qr(ts: _Typesetter, content: Content) -> _Block | None:
    qr = content.site.qr
    if qr.kind == "url" and not qr.url:  # web_address() would still carry the campaign tag alone
        return None
    payload = qr_payload(content.site)
    modules = qr_modules(payload)
    side = QR_MM * ts.mm
    if qr.kind == "vcard":
        scan = ts.words.translate("Handout", "Scan met je telefoon\nom onze gegevens op te slaan")
    else:
        scan = ts.words.translate("Handout", "Scan met je telefoon\nvoor meer informatie")
    caption = ts.text(scan, ts.font(9.5), side, align=Qt.AlignmentFlag.AlignHCenter)

    def paint(painter: QPainter, at: QPointF) -> None:
        draw_qr(painter, QRectF(at.x(), at.y(), side, side), modules)
        if caption is not None:
            caption.paint(painter, QPointF(at.x(), at.y() + side))

    return _Block(side + (caption.height if caption else 0), paint)


def _urgent(ts: _Typesetter, content: Content, lang: str, width: float) -> _Block | None:
    """The crisis line in a bordered box, bold and larger than the text above it, with its number even
    when the text forgot it."""
    urgent = content.site.urgent
    text = urgent.line(lang)
    if urgent.phone and urgent.phone not in text:
        call = ts.words.translate("Handout", "Bel")
        text = f"{text} {call} {numbers_left_to_right(urgent.phone, lang)}".strip()
    pad = 4 * ts.mm
    inner = ts.text(text, ts.font(URGENT_PT, QFont.Weight.Bold), width - 2 * pad)
    if inner is None:
        return None

    def paint(painter: QPainter, at: QPointF) -> None:
        pen = QPen(BLACK, 0.6 * ts.mm)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.save()
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(at.x(), at.y(), width, inner.height + 2 * pad))
        painter.restore()
        inner.paint(painter, QPointF(at.x() + pad, at.y() + pad))

    return _Block(inner.height + 2 * pad, paint)


def _title(ts: _Typesetter, content: Content, lang: str, width: float) -> _Block | None:
    """The handout's title (the clinic's name when there is none), underlined by a solid rule."""
    title = pick(content.handout.title, lang) if content.handout else ""
    text = ts.text(title or content.site.clinic.name, ts.font(21, QFont.Weight.Bold), width)
    if text is None:
        return None
    rule_gap, rule = 3.5 * ts.mm * ts.scale, 0.8 * ts.mm

    def paint(painter: QPainter, at: QPointF) -> None:
        text.paint(painter, at)
        painter.fillRect(QRectF(at.x(), at.y() + text.height + rule_gap, width, rule), BLACK)

    return _Block(text.height + rule_gap + rule, paint)


def _signs(ts: _Typesetter, content: Content, lang: str, width: float) -> list[_Block | None]:
    """The warning signs with the gentle not-a-diagnosis line, then the advice. One column, so that
    pdftotext and screen readers keep each sign whole (side by side, poppler interleaves the lines)."""
    signs = content.signs_slide.signs if content.signs_slide else None
    if signs is None:
        return []
    recognise = ts.bullets((pick(s, lang) for s in signs.signs), width)
    advice = ts.bullets((pick(a, lang) for a in signs.advice), width)
    return [
        ts.section(ts.words.translate("Handout", "Herken je deze signalen?"), recognise, width),
        ts.text(pick(signs.not_a_diagnosis, lang), ts.font(BODY_PT), width),
        ts.section(ts.words.translate("Handout", "Wat kun je doen?"), advice, width),
    ]


def _review(ts: _Typesetter, content: Content, lang: str, width: float) -> _Block | None:
    """Where the handout's facts come from and who at the clinic checked them, in small type at the foot."""
    review = content.handout.review if content.handout else None
    if review is None:
        return None
    lines = []
    if review.reviewed_on and review.reviewed_by:
        day = long_date_nl(review.reviewed_on) if lang == "nl" else f"{review.reviewed_on:%d-%m-%Y}"
        checked = ts.words.translate("Handout", "Gecontroleerd op %1 door %2")
        lines.append(checked.replace("%1", day).replace("%2", review.reviewed_by))
    if review.source_title:
        url = re.sub(r"^https?://", "", review.source_url).rstrip("/")
        source = ts.words.translate("Handout", "Bron")
        lines.append(f"{source}: {review.source_title}" + (f" ({url})" if url else ""))
    return ts.text("\n".join(isolated(line, lang) for line in lines), ts.font(8.5), width)


def _layout(content: Content, lang: str, width: float, mm: float, scale: float) -> tuple[_Block, _Block]:
    """The page's top (title, key points, signs and advice) and bottom (contact, QR, urgent help)."""
    ts = _Typesetter(mm, scale, lang)
    gap = 6 * mm * scale
    points = pick(content.handout.points, lang) if content.handout else ""
    top = _stack(
        [
            _title(ts, content, lang, width),
            ts.section(
                ts.words.translate("Handout", "Belangrijk om te weten"),
                ts.text(points, ts.font(BODY_PT), width, markdown=True),
                width,
            ),
            *_signs(ts, content, lang, width),
        ],
        gap,
    )
    qr = _qr(ts, content)
    qr_column = (QR_MM + 8) * mm if qr else 0  # the code and its gutter
    contact = _contact(ts, content, lang, width - qr_column)
    qr_x = 0 if ts.rtl else width - QR_MM * mm  # the code on the side where a line of text ends
    beside = _beside(contact, qr, qr_column if ts.rtl else 0, qr_x)
    bottom = _stack([beside, _urgent(ts, content, lang, width)], gap)
    bottom = _stack([bottom, _review(ts, content, lang, width)], gap / 2)
    empty = _Block(0, lambda painter, at: None)
    return top or empty, bottom or empty


def paint_handout(painter: QPainter, page: QRectF, content: Content, lang: str) -> None:
    """Paint the whole handout in `page` (device pixels): white paper, the top flowing down from the
    top margin and the contact details standing on the bottom margin; type shrinks to fit one page."""
    mm = page.width() / PAGE_WIDTH_MM
    frame = page.adjusted(MARGIN_MM * mm, MARGIN_MM * mm, -MARGIN_MM * mm, -MARGIN_MM * mm)
    for scale in FIT_SCALES:
        top, bottom = _layout(content, lang, frame.width(), mm, scale)
        if top.height + bottom.height + 8 * mm <= frame.height():
            break
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(page, WHITE)
    top.paint(painter, frame.topLeft())
    bottom.paint(
        painter, QPointF(frame.left(), max(frame.bottom() - bottom.height, frame.top() + top.height))
    )
    painter.restore()


def paint_page_on(device: QPagedPaintDevice, paint: PagePainter) -> bool:
    """Paint one page (the handout, the printer's test page) on a printer or PDF writer whose origin is the
    paper's corner; False when the device refused (QPainter.begin or end failed), so the caller can say so
    kindly."""
    page = QRectF(device.pageLayout().fullRectPixels(device.logicalDpiX()))
    painter = QPainter()
    if not painter.begin(device):
        return False
    try:
        paint(painter, page)
    finally:
        ended = painter.end()
    return ended


def handout_pdf(content: Content, lang: str) -> bytes:
    """The handout as a one-page A4 PDF with real (extractable) text, rendered in memory. Safe on a worker
    thread (QPdfWriter and QTextDocument are reentrant); OSError when painting fails."""
    title = pick(content.handout.title, lang) if content.handout else ""
    return page_pdf(lambda painter, page: paint_handout(painter, page, content, lang), title)


def page_pdf(paint: PagePainter, title: str = "") -> bytes:
    """One A4 page as a PDF in memory, painted by `paint`; OSError when painting fails."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(A4)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(600)
    writer.setCreator("Wachtkamer kiosk")
    if title:
        writer.setTitle(title)
    if not paint_page_on(writer, paint):
        raise OSError("cannot render the page")
    return bytes(buffer.data().data())


def write_handout_pdf(path: Path, content: Content, lang: str) -> None:
    """The handout PDF in a file. Rendered in memory first, so an unwritable path raises the usual
    OSError and never leaves half a file behind."""
    path.write_bytes(handout_pdf(content, lang))
