"""The command line a content author and an installer use: shot, selftest, --help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QImage

from kiosk.__main__ import main
from kiosk.render import theme
from tests.conftest import FIXTURES, ROOT


@pytest.mark.parametrize("size", ["1920x1080", "1280x800", "1080x1920"])
def test_shot_renders_a_slide_to_a_png_of_the_asked_size(tmp_path: Path, size: str) -> None:
    out = tmp_path / "slide.png"
    assert main(["shot", "--screen", "slide:2", "--size", size, "--out", str(out)]) == 0
    image = QImage(str(out))
    assert f"{image.width()}x{image.height()}" == size


def test_shot_refuses_an_unknown_screen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["shot", "--screen", "slide:99", "--out", str(tmp_path / "x.png")]) == 2
    assert "there is no slide 99" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_selftest_passes_on_the_default_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["selftest"]) == 0
    assert "ok" in capsys.readouterr().out


def test_selftest_fails_and_says_why_on_empty_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["selftest", "--content", str(FIXTURES / "empty-content")]) == 1
    assert "FAIL content: no usable slides" in capsys.readouterr().out


def test_help_lists_the_commands() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--help"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    for word in ("--content", "--windowed", "validate", "shot", "selftest"):
        assert word in done.stdout


def test_shot_renders_the_visitors_large_text_and_high_contrast(tmp_path: Path) -> None:
    """Polish at 1280×800: with large text the contact screen's first page is the clinic's details and the
    crisis line; the QR code waits on the second (contact:2). High contrast: a white page."""
    plain, large, second = tmp_path / "plain.png", tmp_path / "large.png", tmp_path / "second.png"
    common = ["shot", "--size", "1280x800", "--lang", "pl"]
    assert main([*common, "--screen", "contact", "--out", str(plain)]) == 0
    assert main([*common, "--screen", "contact", "--large", "--contrast", "--out", str(large)]) == 0
    assert main([*common, "--screen", "contact:2", "--large", "--contrast", "--out", str(second)]) == 0
    assert main([*common, "--screen", "contact:3", "--large", "--out", str(tmp_path / "no.png")]) == 2
    codes = [zxingcpp.read_barcodes(QImage(str(path))) for path in (plain, large, second)]
    assert [len(found) for found in codes] == [1, 0, 1]
    assert QImage(str(plain)).pixelColor(2, 2) == theme.NORMAL.background
    assert QImage(str(large)).pixelColor(2, 2) == theme.HIGH_CONTRAST.background
