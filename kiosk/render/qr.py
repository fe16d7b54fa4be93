"""The contact QR code drawn with Qt: its modules (segno) painted crisp on whole device pixels."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_modules(payload: str) -> list[list[bool]]:
    """The dark/light modules, quiet zone included; error correction at least M (more when it fits free)."""
    import segno  # here, not at the top: the kiosk starts without it (see kiosk.services.qr_cache)

    code = segno.make_qr(payload, error="m", boost_error=True)
    return [[bool(cell) for cell in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


def draw_qr(painter: QPainter, box: QRectF, modules: list[list[bool]]) -> QRectF:
    """Draw the code as large as fits in `box`, on white, on whole device pixels; returns where it went."""
    count = len(modules)
    module = max(1, int(min(box.width(), box.height()) // count))
    side = module * count
    left = round(box.center().x() - side / 2)
    top = round(box.center().y() - side / 2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(QRectF(left, top, side, side), QColor("white"))
    black = QColor("black")
    for y, row in enumerate(modules):
        x = 0
        while x < count:  # one rectangle per run of dark modules: fewer calls, no hairline seams
            if row[x]:
                start = x
                while x < count and row[x]:
                    x += 1
                painter.fillRect(left + start * module, top + y * module, (x - start) * module, module, black)
            x += 1
    painter.restore()
    return QRectF(left, top, side, side)
