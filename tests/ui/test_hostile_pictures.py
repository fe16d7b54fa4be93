"""Hostile pictures handed to Qt show the placeholder: no exploded memory, no half picture, no outside file.

The picture cache checks every picture itself before Qt decodes it, because it is also handed paths that
never passed the loader (staff's preview), and because QSvgRenderer in PySide6 6.11 loads any file an
SVG's <image> names by full or relative path; these tests show both.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from kiosk.content import load_content
from kiosk.render import pictures as pictures_module
from kiosk.render.pictures import PictureCache
from kiosk.ui.staff_slides import SlidesTab
from kiosk.ui.window import KioskWindow
from tests.content.test_hostile_files import png_of_zeros

SECRET_COLOUR = QColor("#13f7a2")  # a colour nothing in the kiosk uses: seen on screen, it came from outside
SIZE = QSize(300, 300)
T = TypeVar("T")


def shows(image: QImage, colour: QColor) -> bool:
    pixels = image.convertToFormat(QImage.Format.Format_RGB32)
    return colour.rgb() in memoryview(pixels.constBits()).cast("I")


def secret_png(path: Path) -> Path:
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(SECRET_COLOUR)
    assert image.save(str(path))
    return path


def photo(path: Path) -> bytes:
    """A real picture (its kind from its name) with detail all over, so that half of it looks different."""
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    for y in range(300):
        for x in range(0, 400, 8):
            image.setPixelColor(x, y, QColor((x * 7) % 256, (y * 5) % 256, (x + y) % 256))
    assert image.save(str(path))
    return path.read_bytes()


def _status_mb(field: str) -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE).group(1)) / 1024  # type: ignore[union-attr]


def memory_used_by(action: Callable[[], T]) -> tuple[T, float]:
    """What `action` returns, and the most memory (MB) the process held during it above what it held before.

    The peak since the process started (ru_maxrss) says nothing here: an earlier test may have raised it far
    above anything this one does. So the kernel's high-water mark is first reset to the memory in use now
    (Linux: "5" to /proc/self/clear_refs), and read again afterwards: a decoder that takes 2 GB and gives it
    back before returning still shows.
    """
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError as err:
        pytest.skip(f"cannot reset this process's peak memory here: {err}")
    before = _status_mb("VmRSS")
    result = action()
    return result, _status_mb("VmHWM") - before


@pytest.fixture
def placeholder(qtbot: QtBot) -> QImage:
    return PictureCache().get(None, SIZE).toImage()


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "bomb.png"
    path.write_bytes(png_of_zeros(50_000, 50_000, bit_depth=1, colour_type=0))  # 2.5 gigapixels in 300 KB
    return path


def test_a_decompression_bomb_shows_the_placeholder(placeholder: QImage, bomb: Path) -> None:
    assert PictureCache().get(bomb, SIZE).toImage() == placeholder


@pytest.mark.qt_log_ignore("exceeds the current allocation limit")
def test_a_bomb_that_slips_past_the_check_is_stopped_by_the_decoders_memory_limit(
    placeholder: QImage, bomb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pictures_module, "image_problem", lambda path: None)
    shown, used_mb = memory_used_by(lambda: PictureCache().get(bomb, SIZE).toImage())
    assert shown == placeholder
    assert used_mb < 100


@pytest.mark.qt_log_ignore("exceeds the current allocation limit", "Could not create image")
def test_a_bomb_embedded_in_an_svg_is_left_out_and_the_rest_drawn(bomb: Path, tmp_path: Path) -> None:
    embedded = "data:image/png;base64," + base64.b64encode(bomb.read_bytes()).decode()
    drawing = tmp_path / "drawing.svg"
    drawing.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        f'<rect width="10" height="10" fill="blue"/><image width="10" height="10" href="{embedded}"/></svg>',
        encoding="ascii",
    )
    shown, used_mb = memory_used_by(lambda: PictureCache().get(drawing, SIZE).toImage())
    assert used_mb < 100
    assert shown.pixelColor(150, 150) == QColor("blue")


@pytest.mark.qt_log_ignore("Too much image data")
def test_a_png_whose_header_understates_its_data_costs_no_memory(tmp_path: Path) -> None:
    small = png_of_zeros(1000, 1000)
    more = png_of_zeros(1000, 60_000)  # 180 MB of pixel data behind a header that says 1000×1000
    liar = tmp_path / "liar.png"
    liar.write_bytes(small[:33] + more[33:])
    shown, used_mb = memory_used_by(lambda: PictureCache().get(liar, SIZE).toImage())
    assert used_mb < 100
    assert shown.size() == SIZE and shown.pixelColor(150, 150) == QColor("black")


@pytest.mark.parametrize("name", ["foto.jpg", "tekening.png"])
def test_a_picture_cut_off_halfway_shows_the_placeholder_not_half_a_picture(
    placeholder: QImage, tmp_path: Path, name: str
) -> None:
    whole = photo(tmp_path / name)
    assert PictureCache().get(tmp_path / name, SIZE).toImage() != placeholder
    (tmp_path / name).write_bytes(whole[: len(whole) // 2])
    assert PictureCache().get(tmp_path / name, SIZE).toImage() == placeholder


@pytest.mark.parametrize("reference", ["full path", "relative"])
def test_an_svg_cannot_show_a_file_from_elsewhere_on_disk(
    placeholder: QImage, tmp_path: Path, reference: str
) -> None:
    target = secret_png(tmp_path / "secret.png")
    href = str(target) if reference == "full path" else target.name
    drawing = tmp_path / "drawing.svg"
    drawing.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
        f'<image x="0" y="0" width="64" height="64" href="{href}"/></svg>',
        encoding="utf-8",
    )
    unchecked = QImage(SIZE, QImage.Format.Format_ARGB32)
    unchecked.fill(Qt.GlobalColor.transparent)
    painter = QPainter(unchecked)
    QSvgRenderer(str(drawing)).render(painter, QRectF(0, 0, 300, 300))
    painter.end()
    assert shows(unchecked, SECRET_COLOUR)  # what Qt itself would put on screen

    shown = PictureCache().get(drawing, SIZE).toImage()
    assert shown == placeholder
    assert not shows(shown, SECRET_COLOUR)


def test_a_slide_whose_picture_links_outside_plays_with_the_placeholder(
    make_kiosk: Callable[..., KioskWindow], content_copy: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.svg"
    secret.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        f'<rect width="10" height="10" fill="{SECRET_COLOUR.name()}"/></svg>',
        encoding="utf-8",
    )
    first = content_copy / "images" / "mother-baby.svg"  # the first slide's picture
    first.unlink()
    first.symlink_to(secret)
    kiosk = make_kiosk(content=content_copy)
    assert kiosk.slideshow.slides()[0].id == "010-welkom"
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    assert not shows(kiosk.grab().toImage(), SECRET_COLOUR)


def test_staff_are_not_offered_pictures_that_link_outside(
    qtbot: QtBot, content_copy: Path, tmp_path: Path
) -> None:
    (content_copy / "images" / "geheim.png").symlink_to(secret_png(tmp_path / "secret.png"))
    (content_copy / "images" / "ook-knuffel.svg").symlink_to("hug.svg")
    tab = SlidesTab()
    qtbot.addWidget(tab)
    tab.set_content(load_content(content_copy), dt.date(2026, 6, 1))
    offered = tab.picture.names()
    assert "ook-knuffel.svg" in offered
    assert "geheim.png" not in offered
