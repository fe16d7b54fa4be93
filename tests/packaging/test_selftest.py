"""The selftest's own checks must see what is wrong, not just pass what is right: a wrong QR code, a blank or
half-drawn slide, a JPEG that does not decode, ICU without its time-zone data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from kiosk import selftest
from kiosk.app import build_kiosk, create_application, dispose
from kiosk.content import Slide
from kiosk.render import slide as slide_view
from kiosk.render import theme
from kiosk.render.qr import draw_qr, qr_modules
from kiosk.render.slide import SlideRenderer
from kiosk.shots import render
from kiosk.ui.window import KioskWindow
from tests.conftest import DEFAULT_CONTENT, ROOT


def drawn(modules: list[list[bool]], side: int = 333, box: QRectF | None = None) -> QImage:
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4efe6"))  # the kiosk's warm background around the white code
    painter = QPainter(image)
    draw_qr(painter, box or QRectF(0, 0, side, side), modules)
    painter.end()
    return image


def test_reads_back_every_module() -> None:
    modules = qr_modules("https://example.org/moeders?utm_source=wachtkamer")
    assert selftest.read_modules(drawn(modules), len(modules)) == modules


def test_one_wrong_module_is_seen() -> None:
    modules = qr_modules("https://example.org/")
    wrong = [row[:] for row in modules]
    wrong[12][13] = not wrong[12][13]
    found = selftest.read_modules(drawn(wrong), len(modules))
    assert isinstance(found, list) and selftest._differences(found, modules) == 1


def test_a_cut_off_quiet_zone_is_seen() -> None:
    modules = qr_modules("https://example.org/")
    image = drawn(modules).copy(10, 10, 313, 313)
    assert selftest.read_modules(image, len(modules)) == "the code or its quiet zone is cut off"


def test_the_selftest_fails_when_the_screen_shows_another_code(
    kiosk_window: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = kiosk_window
    assert selftest._contact_qr(window) == []
    monkeypatch.setattr(selftest, "qr_payload", lambda site: "https://elsewhere.example/")
    problems = selftest._contact_qr(window)
    assert len(problems) == len(selftest.SIZES)
    assert all("modules differ" in problem or "not the site's" in problem for problem in problems)


@pytest.fixture
def kiosk_window() -> Iterator[KioskWindow]:
    """The kiosk as `selftest` builds it; closed as the selftest closes it (its worker and speech process
    stop before it is deleted)."""
    create_application()
    window = build_kiosk(DEFAULT_CONTENT, windowed=True)
    yield window
    dispose(window)


def slides_at_test_size(window: KioskWindow) -> list[Slide]:
    """The slides the loop shows at the (one) size the test checks: fitted to it first."""
    render(window, "slide:1", selftest.SIZES[0])
    return window.slideshow.slides()


def slide_problems(window: KioskWindow) -> dict[str, int]:
    """How often the selftest's slide step names each problem (over every slide and size)."""
    found: dict[str, int] = {}
    for problem in selftest._slides(window):
        what = problem.split(": ", 1)[1]
        found[what] = found.get(what, 0) + 1
    return found


def test_every_default_slide_passes_the_pixel_checks(kiosk_window: KioskWindow) -> None:
    assert selftest._slides(kiosk_window) == []


@pytest.fixture
def one_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """The failure tests check one screen size: the passing test above checks all three."""
    monkeypatch.setattr(selftest, "SIZES", (QSize(1280, 800),))


@pytest.mark.usefixtures("one_size")
def test_a_blank_slide_fails_the_selftest(kiosk_window: KioskWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def blank(self: SlideRenderer, slide: object, lang: str, size: QSize, part: int = 0) -> QImage:
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(theme.BACKGROUND)
        return image

    monkeypatch.setattr(SlideRenderer, "render_image", blank)  # on the worker thread and on demand alike
    window = kiosk_window
    every = len(slides_at_test_size(window)) * len(selftest.SIZES)
    assert slide_problems(window) == {"blank: one flat colour": every}


@pytest.mark.usefixtures("one_size")
def test_a_slide_without_its_text_or_its_picture_fails_the_selftest(
    kiosk_window: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = len(slides_at_test_size(kiosk_window)) * len(selftest.SIZES)
    draw_block = slide_view.draw_block
    monkeypatch.setattr(slide_view, "draw_block", lambda *args: None)
    kiosk_window.slideshow.forget_rendered()
    assert slide_problems(kiosk_window) == {
        "no title drawn in its colour where the layout put it": every,
        "no text drawn in its colour where the layout put it": every,
    }
    monkeypatch.setattr(slide_view, "draw_block", draw_block)
    monkeypatch.setattr(slide_view, "draw_picture", lambda *args: None)
    kiosk_window.slideshow.forget_rendered()
    pictured = [s for s in slides_at_test_size(kiosk_window) if s.kind != "contact"]  # the QR in its box
    assert slide_problems(kiosk_window) == {
        "no picture drawn in the picture's box": len(pictured) * len(selftest.SIZES)
    }


@pytest.mark.usefixtures("one_size")
def test_text_drawn_away_from_where_the_layout_put_it_fails_the_selftest(
    kiosk_window: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    draw_block = slide_view.draw_block

    def lower(painter: QPainter, doc: QTextDocument, top_left: QPointF, colour: QColor) -> None:
        draw_block(painter, doc, top_left + QPointF(0, 2000), colour)  # off the bottom of every screen

    monkeypatch.setattr(slide_view, "draw_block", lower)
    kiosk_window.slideshow.forget_rendered()
    assert "no title drawn in its colour where the layout put it" in slide_problems(kiosk_window)


def test_a_kiosk_without_the_jpeg_plugin_fails_the_selftest(tmp_path: Path) -> None:
    """A real process whose Qt finds only the platform plugins, as a bundle that lost imageformats/."""
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    (tmp_path / "platforms").symlink_to(plugins / "platforms")
    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "QCoreApplication.setLibraryPaths([sys.argv[1]])\n"
        "from kiosk.app import create_application\n"
        "create_application()\n"
        "from kiosk import selftest\n"
        "print(selftest._jpeg_decodes())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "JPEG" in done.stdout and "[]" not in done.stdout
    assert selftest._jpeg_decodes() == []  # and here, with every plugin, it decodes


class _NamelessUtc:
    """A time zone as Qt names it when ICU's time-zone data is missing."""

    def __init__(self, name: str) -> None:
        self.name = name

    def displayName(self, *args: object) -> str:
        return self.name


@pytest.mark.parametrize("name", ["UTC", "", "UTC+00:00"])
def test_missing_icu_time_zone_names_fail_the_selftest(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    assert selftest._icu() == []
    monkeypatch.setattr(selftest.QTimeZone, "utc", staticmethod(lambda: _NamelessUtc(name)))
    assert selftest._icu() == [f"ICU time-zone names missing (UTC in Dutch is '{name}')"]


@pytest.mark.skipif(not all(map(shutil.which, ("nm", "as", "ld"))), reason="needs binutils (nm, as, ld)")
def test_an_icu_without_its_time_zone_data_fails_the_selftest(tmp_path: Path) -> None:
    """The real thing: QtCore given an ICU data library rebuilt without its time-zone names."""
    import icu_data  # packaging/, as the bundle's build trims it

    qt_libs = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    library = next(qt_libs.glob("libicudata.so.*"), None)
    if library is None:
        pytest.skip("this Qt has no ICU data library of its own")
    original = icu_data.UNUSED_TREES
    try:
        icu_data.UNUSED_TREES = original | {"zone"}
        icu_data.rebuild_library(library, tmp_path)
    finally:
        icu_data.UNUSED_TREES = original
    script = "from kiosk import selftest\nprint(selftest._icu())\n"
    env = {**os.environ, "LD_LIBRARY_PATH": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "ICU time-zone names missing" in done.stdout


def test_the_fleet_step_verifies_a_good_signature_and_refuses_a_wrong_one(
    kiosk_window: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert selftest._fleet(kiosk_window) == []
    wrong = selftest.SIGNATURE[:-2] + ("00" if not selftest.SIGNATURE.endswith("00") else "11")
    monkeypatch.setattr(selftest, "SIGNATURE", wrong)
    assert selftest._fleet(kiosk_window) == [
        f"a good signature does not verify (Failed to verify signature by {selftest.SIGNING_KEY_ID})"
    ]
