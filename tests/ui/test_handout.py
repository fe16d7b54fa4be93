"""The printed handout as a PDF (`python -m kiosk handout`): one A4 page, real text, a QR that scans.

The PDFs are read back with tools nobody here wrote: poppler's pdfinfo/pdftotext/pdftoppm and zxing-cpp.
The helpers are shared with test_printing, which checks what comes out of a real print queue.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest
import zxingcpp
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from kiosk.__main__ import main
from kiosk.app import create_application
from kiosk.content import Content, load_content, pick
from kiosk.content.model import Handout
from kiosk.content.qr import qr_payload
from kiosk.render.handout import paint_handout, write_handout_pdf
from tests.conftest import DEFAULT_CONTENT
from tests.content.test_default_content import SPRAY_EFFECT, missing_caveats

RENDER_DPI = 150


@pytest.fixture
def app() -> QApplication:
    """The kiosk's application, for its bundled fonts."""
    return create_application()


def poppler(tool: str, *args: str) -> str:
    """A poppler-utils tool's output; skipped without poppler, except in CI (KIOSK_TEST_PDF_DIR set)."""
    if shutil.which(tool) is None:
        if os.environ.get("KIOSK_TEST_PDF_DIR"):
            pytest.fail(f"{tool} is missing; .ci/setup-printer.sh installs poppler-utils")
        pytest.skip(f"{tool} is not installed (apt install poppler-utils)")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def pages_and_size(pdf: Path) -> tuple[int, str]:
    """(page count, page size as pdfinfo words it, e.g. '595 x 842 pts (A4)')."""
    info = dict(line.split(":", 1) for line in poppler("pdfinfo", str(pdf)).splitlines() if ":" in line)
    return int(info["Pages"]), info["Page size"].strip()


def words(pdf: Path) -> str:
    """The PDF's text as copy-paste or a screen reader gets it, whitespace collapsed."""
    return " ".join(poppler("pdftotext", str(pdf), "-").split())


def qr_codes(pdf: Path, folder: Path) -> list[zxingcpp.Result]:
    """The QR codes a phone camera would find on the page, printed at 150 dpi."""
    png = folder / f"{pdf.stem}-page"
    poppler("pdftoppm", "-r", str(RENDER_DPI), "-png", "-singlefile", str(pdf), str(png))
    return [
        r for r in zxingcpp.read_barcodes(QImage(f"{png}.png")) if r.format == zxingcpp.BarcodeFormat.QRCode
    ]


def width_mm(code: zxingcpp.Result) -> float:
    corners = code.position
    return (corners.top_right.x - corners.top_left.x) * 25.4 / RENDER_DPI


def assert_is_the_handout(pdf: Path, content: Content, scratch: Path) -> None:
    """One A4 page with the title, every warning sign, both phone numbers and the site's QR code."""
    assert pages_and_size(pdf)[0] == 1
    assert "(A4)" in pages_and_size(pdf)[1]
    text = words(pdf)
    assert content.handout is not None and content.signs_slide and content.signs_slide.signs
    assert pick(content.handout.title, "nl") in text
    for sign in content.signs_slide.signs.signs:
        assert pick(sign, "nl") in text
    assert content.site.urgent.phone in text
    assert content.site.clinic.phone in text
    codes = qr_codes(pdf, scratch)
    assert [code.text for code in codes] == [qr_payload(content.site)]
    assert width_mm(codes[0]) >= 35


@pytest.mark.parametrize("kind", ["url", "vcard"])
def test_handout_command_writes_one_a4_page_with_text_and_the_sites_qr(
    content_copy: Path, tmp_path: Path, kind: str
) -> None:
    site = content_copy / "site.toml"
    site.write_text(site.read_text(encoding="utf-8").replace('kind = "url"', f'kind = "{kind}"'), "utf-8")
    pdf = tmp_path / "handout.pdf"
    assert main(["handout", "--out", str(pdf), "--content", str(content_copy), "--lang", "nl"]) == 0
    content = load_content(content_copy)
    assert content.site.qr.kind == kind
    assert_is_the_handout(pdf, content, tmp_path)


def test_handout_command_says_why_when_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-folder" / "handout.pdf"
    assert main(["handout", "--out", str(out)]) == 1
    assert f"cannot write {out}" in capsys.readouterr().err
    assert not out.exists()


def test_a_handout_without_key_points_signs_or_contact_details_leaves_those_out(
    app: QApplication, tmp_path: Path
) -> None:
    full = load_content(DEFAULT_CONTENT)
    site = full.site
    bare = replace(
        full,
        handout=None,
        slides=tuple(s for s in full.slides if s.signs is None),
        site=replace(
            site,
            clinic=replace(site.clinic, offer={}, phone="", email="", website="", hours={}),
            qr=replace(site.qr, url=""),
        ),
    )
    pdf = tmp_path / "bare.pdf"
    write_handout_pdf(pdf, bare, "nl")
    assert pages_and_size(pdf)[0] == 1
    text = words(pdf)
    assert text.startswith(site.clinic.name)  # the title falls back to the clinic's name
    for heading in ("Belangrijk om te weten", "Herken je deze signalen?", "Wat kun je doen?", "Telefoon"):
        assert heading not in text
    assert site.urgent.phone in text
    assert qr_codes(pdf, tmp_path) == []


def test_long_key_points_shrink_the_type_so_nothing_runs_into_the_bottom_margin(app: QApplication) -> None:
    content = load_content(DEFAULT_CONTENT)
    point = "Een lange zin over iets wat belangrijk is om te weten. " * 10
    long = replace(content, handout=Handout({"nl": "Titel"}, {"nl": "\n".join([f"- {point}"] * 5)}))
    mm = 4  # about 100 dpi
    page = QImage(210 * mm, 297 * mm, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.red)
    painter = QPainter(page)
    paint_handout(painter, QRectF(page.rect()), long, "nl")
    painter.end()
    bottom_margin = page.copy(0, page.height() - 12 * mm, page.width(), 12 * mm)
    blank = QImage(bottom_margin.size(), QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    assert bottom_margin == blank


def test_the_handout_states_the_sprays_effect_only_with_its_cautions_and_no_score(
    content_copy: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "handout.pdf"
    assert main(["handout", "--out", str(pdf), "--content", str(content_copy), "--lang", "nl"]) == 0
    text = words(pdf)
    assert SPRAY_EFFECT.search(text), "the handout states the effect: the check must look at it"
    assert missing_caveats(text) == []
    assert "breder behandelplan" in text and "geestelijke gezondheidszorg" in text
    assert not re.search(r"\d+ van de \d+", text)  # nothing about a visitor's answers, no score


def test_the_handouts_crisis_line_is_bold_and_larger_than_the_body(
    content_copy: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "handout.pdf"
    assert main(["handout", "--out", str(pdf), "--content", str(content_copy), "--lang", "nl"]) == 0
    page = ElementTree.fromstring(poppler("pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf)))
    sizes = {spec.get("id"): float(spec.get("size", "0")) for spec in page.iter("fontspec")}
    lines = [
        (sizes[t.get("font")], t.find("b") is not None, "".join(t.itertext())) for t in page.iter("text")
    ]
    body = next(size for size, _, line in lines if line.startswith("Postnatale depressie treft"))
    crisis = load_content(content_copy).site.urgent.line("nl")
    shown = [(size, bold) for size, bold, line in lines if line.strip() and line.strip() in crisis]
    assert len(shown) >= 3, lines  # its three cases, each on the page
    assert all(bold and size >= body for size, bold in shown), (shown, body)
