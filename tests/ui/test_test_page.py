"""The printer's test page: staff tap "Testpagina" and a real page comes out of the queue, with the clinic,
the printer, the date and time, the site's QR code and a ruler that measures 10 cm on paper."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QImage

from kiosk.app import create_application
from kiosk.content import Content, load_content
from kiosk.content.qr import qr_payload
from kiosk.render.printer_check import printer_check_pdf
from tests.conftest import DEFAULT_CONTENT
from tests.ui.test_handout import RENDER_DPI, pages_and_size, poppler, words

RULER_CM = 10


def longest_dark_run_mm(png: Path) -> float:
    """The longest horizontal run of dark pixels on the page, in millimetres of paper: the ruler's line."""
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride, width = bytes(image.constBits()), image.bytesPerLine(), image.width()
    longest = 0
    for y in range(image.height()):
        row = data[y * stride : y * stride + width]
        run = 0
        for value in row:
            run = run + 1 if value < 128 else 0
            longest = max(longest, run)
    return longest * 25.4 / RENDER_DPI


def check_test_page(pdf: Path, content: Content, printer: str, when: dt.datetime, scratch: Path) -> None:
    assert pages_and_size(pdf)[0] == 1 and "(A4)" in pages_and_size(pdf)[1]
    text = words(pdf)
    for expected in (
        "Testpagina",
        content.site.clinic.name,
        f"Printer: {printer}",
        f"Afgedrukt op {when:%d-%m-%Y} om {when:%H:%M}",
        "Deze lijn is 10 cm",
    ):
        assert expected in text
    assert "Herken je deze signalen" not in text  # not the visitors' handout
    png = scratch / f"{pdf.stem}-page"
    poppler("pdftoppm", "-r", str(RENDER_DPI), "-png", "-singlefile", str(pdf), str(png))
    codes = [
        r.text
        for r in zxingcpp.read_barcodes(QImage(f"{png}.png"))
        if r.format == zxingcpp.BarcodeFormat.QRCode
    ]
    assert codes == [qr_payload(content.site)]
    assert longest_dark_run_mm(Path(f"{png}.png")) == pytest.approx(RULER_CM * 10, abs=0.5)


def test_the_printer_check_pdf_has_who_what_when_the_qr_and_a_10_cm_ruler(tmp_path: Path) -> None:
    create_application()
    content = load_content(DEFAULT_CONTENT)
    pdf = tmp_path / "testpagina.pdf"
    when = dt.datetime(2026, 6, 1, 10, 0)
    pdf.write_bytes(printer_check_pdf(content, "Balie", when))
    check_test_page(pdf, content, "Balie", when, tmp_path)
