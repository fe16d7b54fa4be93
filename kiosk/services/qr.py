"""The contact QR code: what it carries (from the site settings) and drawing its modules with Qt."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from kiosk.content.model import Site

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_payload(site: Site) -> str:
    """A web address (with the optional campaign tag) or a vCard a phone adds to its contacts."""
    if site.qr.kind == "vcard":
        clinic = site.clinic
        lines = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"FN:{_vcard_escape(clinic.name)}",
            f"ORG:{_vcard_escape(clinic.name)}",
        ]
        if clinic.phone:
            lines.append(f"TEL;TYPE=WORK,VOICE:{clinic.phone}")
        if clinic.email:
            lines.append(f"EMAIL:{clinic.email}")
        url = site.qr.web_address() or clinic.website
        if url:
            lines.append(f"URL:{url}")
        lines.append("END:VCARD")
        return "\r\n".join(lines)
    return site.qr.web_address()


def _vcard_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def qr_modules(payload: str) -> list[list[bool]]:
    """The dark/light modules, quiet zone included; error correction at least M (more when it fits free)."""
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
