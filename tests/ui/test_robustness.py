"""The kiosk stays up and stays on screen: no escape for visitors, no blank screen for bad content."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from kiosk.render import theme
from kiosk.render.pictures import PictureCache
from kiosk.ui.window import KioskWindow
from tests.conftest import FIXTURES
from tests.fake_clock import FakeClock
from tests.ui.conftest import advance, wait_rendered

MakeKiosk = Callable[..., KioskWindow]


def test_a_deliberate_quit_closes_it(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.quit_cleanly()
    assert not kiosk.isVisible()


def test_windowed_mode_closes_normally(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(windowed=True)
    assert kiosk.close()


def test_bad_slides_are_skipped_and_logged_and_the_rest_still_play(
    make_kiosk: MakeKiosk, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        kiosk = make_kiosk(content=FIXTURES / "bad-content")
    ids = [s.id for s in kiosk.slideshow.slides()]
    assert ids == ["010-good", "040-missing-image", "050-corrupt-image", "060-huge-image", "110-broken-svg"]
    assert "030-unknown-kind.nl.md:2: [kind] error" in caplog.text
    assert kiosk.pages.currentWidget() is kiosk.loop_page


def test_huge_and_broken_pictures_show_the_placeholder(qtbot: QtBot) -> None:
    pictures = PictureCache()
    size = QSize(300, 300)
    placeholder = pictures.get(None, size).toImage()
    for name in ("huge-20000x20000.png", "corrupt.png", "broken.svg"):
        shown = pictures.get(FIXTURES / "images" / name, size).toImage()
        assert shown == placeholder, name


@pytest.mark.parametrize("folder", ["empty-content", "does-not-exist"])
def test_nothing_usable_shows_a_calm_out_of_service_screen(make_kiosk: MakeKiosk, folder: str) -> None:
    kiosk = make_kiosk(content=FIXTURES / folder)
    assert kiosk.pages.currentWidget() is kiosk.out_of_service
    image = kiosk.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 16)
        for y in range(0, image.height(), 16)
    }
    assert len(colours) > 3  # words and a picture, not a blank screen
    assert QColor(theme.BACKGROUND).name() in colours


def test_a_text_too_long_for_the_screen_is_skipped_not_cut_off(
    make_kiosk: MakeKiosk, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import shutil

    from tests.conftest import write_slide

    shutil.copytree(FIXTURES / "broken-site", tmp_path / "c")
    long_words = " ".join(["onbegrijpelijkerwijs"] * 85)  # under the word limit, far too wide to fit
    write_slide(tmp_path / "c", "020-lang.nl.md", 'title = "Lang"', long_words)
    with caplog.at_level(logging.WARNING):
        kiosk = make_kiosk(content=tmp_path / "c", size=QSize(1280, 800))
    assert [s.id for s in kiosk.slideshow.slides()] == ["010-good"]
    assert "skipping slide 020-lang: text does not fit" in caplog.text


def test_a_first_slide_too_long_gives_way_to_the_next_and_the_dots_count_what_is_shown(
    make_kiosk: MakeKiosk, tmp_path: Path, qtbot: QtBot
) -> None:
    """Only the slide on screen is fitted before the first paint; the others right after it. A slide that
    does not fit is skipped either way, and the position dots count the slides the loop really shows."""
    import shutil

    from tests.conftest import write_slide

    shutil.copytree(FIXTURES / "broken-site", tmp_path / "c")
    long_words = " ".join(["onbegrijpelijkerwijs"] * 85)
    write_slide(tmp_path / "c", "005-lang.nl.md", 'title = "Lang"', long_words)  # first in the loop
    write_slide(tmp_path / "c", "020-kort.nl.md", 'title = "Kort"', "Een korte tekst.")
    write_slide(tmp_path / "c", "030-lang.nl.md", 'title = "Ook lang"', long_words)
    kiosk = make_kiosk(content=tmp_path / "c", size=QSize(1280, 800))
    show = kiosk.slideshow
    first = show.current_slide()
    assert first is not None and first.id == "010-good"
    qtbot.waitUntil(lambda: kiosk.bottom_bar.dots.accessibleName() == "1 / 2")  # with nobody asking
    assert [s.id for s in show.slides()] == ["010-good", "020-kort"]


def test_the_log_file_records_the_content_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.logs import setup_logging
    from kiosk.services.content_store import load_logged

    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path))
    path = setup_logging()
    try:
        load_logged(FIXTURES / "bad-content")
    finally:
        setup_logging(to_file=False)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert "content loaded from" in text and "5 slides, 13 errors" in text
    assert "unknown slide kind 'video'" in text


def test_cross_fade_blends_the_two_slides(qtbot: QtBot, make_kiosk: MakeKiosk, fake_clock: FakeClock) -> None:
    kiosk = make_kiosk()
    show = kiosk.slideshow
    wait_rendered(qtbot, show, 0, 1)  # the next slide is rendered ahead, on the worker thread
    before = show.current_pixmap().toImage()  # type: ignore[union-attr]
    show.show_index(1)
    advance(fake_clock, kiosk.content.site.kiosk.transition_ms / 2000)  # half-way: look at one frame
    middle = show.grab().toImage()
    after = show.current_pixmap().toImage()  # type: ignore[union-attr]
    differs = [
        (x, y)
        for x in range(0, middle.width(), 24)
        for y in range(0, middle.height(), 24)
        if before.pixel(x, y) != after.pixel(x, y)
    ]
    assert differs
    blended = sum(middle.pixel(x, y) not in (before.pixel(x, y), after.pixel(x, y)) for x, y in differs)
    assert blended > len(differs) * 0.5


def test_a_picture_replaced_under_the_same_name_shows_after_a_reload(
    qtbot: QtBot, make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    kiosk = make_kiosk(content_copy)
    before = kiosk.slideshow.current_pixmap()
    assert before is not None
    first = kiosk.slideshow.current_slide()
    assert first is not None and first.illustration is not None
    other = next(p for p in first.illustration.parent.glob("*.svg") if p != first.illustration)
    first.illustration.write_bytes(other.read_bytes())  # staff copy a new drawing over the old file
    with qtbot.waitSignal(kiosk.store.content_changed, timeout=10_000):
        kiosk.store.reload()
    after = kiosk.slideshow.current_pixmap()
    assert after is not None and after.toImage() != before.toImage()
