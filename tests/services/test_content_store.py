"""The content store: one rule for every change, "saved" only about what the kiosk shows, never a frozen
screen, and a save that cannot be written changes nothing and says why in plain words."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.content import load_content
from kiosk.content.editing import Change, SaveResult, SiteChange, SlideChange
from kiosk.services import content_store
from kiosk.services.content_store import ContentStore
from kiosk.ui.window import KioskWindow
from tests.conftest import write_slide
from tests.fake_clock import FakeClock
from tests.ui.conftest import advance, watching

MakeKiosk = Callable[..., KioskWindow]


def save(qtbot: QtBot, store: ContentStore, change: Change) -> SaveResult:
    with qtbot.waitSignal(store.save_finished, timeout=20_000) as finished:
        store.save(change)
    assert finished.args is not None
    result: SaveResult = finished.args[0]
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_staff_save_shows_on_screen_even_when_the_folder_has_a_tolerated_error(
    qtbot: QtBot, make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    slide = content_copy / "slides" / "030-aanmaak.nl.md"
    slide.write_text(
        slide.read_text(encoding="utf-8").replace('illustration = "', 'illustration = "weg-'),
        encoding="utf-8",
    )
    kiosk = make_kiosk(content_copy)
    assert kiosk.content.errors, "the folder should have one error the kiosk lives with (a missing picture)"
    assert "030-aanmaak" in [s.id for s in kiosk.slideshow.slides()]  # shown with a placeholder
    result = save(qtbot, kiosk.store, SiteChange({"clinic.name": "Praktijk De Linde"}))
    assert result.saved, result.message()
    assert kiosk.top_bar.name.text() == "Praktijk De Linde"  # what staff were told is what they see
    assert load_content(content_copy).site.clinic.name == "Praktijk De Linde"


def test_a_change_that_adds_an_error_is_refused_and_the_screen_keeps_its_content(
    qtbot: QtBot, make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    kiosk = make_kiosk(content_copy)
    before = snapshot(content_copy)
    result = save(qtbot, kiosk.store, SlideChange("040-onderzoek", "nl", {"duration": 1}))
    assert not result.saved
    assert "duration" in result.message()
    assert snapshot(content_copy) == before
    assert kiosk.top_bar.name.text() == "MindFitPro"


def test_a_save_loads_the_folder_once_copies_nothing_and_the_watcher_does_not_load_it_again(
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    content_copy: Path,
    fake_clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    (content_copy / "slides" / "again").symlink_to("..")  # a loop: once, every save copied 40 levels deep
    kiosk = make_kiosk(content_copy, watch=True)
    watch = watching(qtbot, kiosk)
    loads: list[Path] = []
    real_load = content_store.load_content

    def counted(folder: Path, overlay: object = None) -> object:
        loads.append(folder)
        return real_load(folder, overlay)  # type: ignore[arg-type]

    monkeypatch.setattr("kiosk.content.editing.load_content", counted)
    monkeypatch.setattr(content_store, "load_content", counted)
    monkeypatch.setattr(shutil, "copytree", lambda *a, **k: pytest.fail("a save copied a folder"))
    monkeypatch.setattr(shutil, "copy2", lambda *a, **k: pytest.fail("a save copied a file"))
    result = save(qtbot, kiosk.store, SiteChange({"clinic.phone": "030 765 43 21"}))
    assert result.saved, result.message()
    assert len(loads) == 1
    qtbot.waitUntil(watch.noticed_a_change, timeout=5000)  # inotify saw the save
    with caplog.at_level(logging.DEBUG, logger="kiosk.services.content_store"):
        advance(fake_clock, 1)
        qtbot.waitUntil(lambda: "has not changed since it was loaded" in caplog.text, timeout=10_000)
    assert len(loads) == 1
    assert not list(content_copy.parent.glob(".staging-*"))


def test_the_screen_keeps_painting_while_a_large_folder_is_saved(
    qtbot: QtBot, make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    for number in range(2000):
        write_slide(content_copy, f"5{number:04d}-extra.nl.md", f'title = "Extra {number}"')
    kiosk = make_kiosk(content_copy)
    turns = 0

    def count() -> None:
        nonlocal turns
        turns += 1

    from PySide6.QtCore import QTimer

    ticker = QTimer()
    ticker.timeout.connect(count)
    ticker.start(0)  # runs whenever the GUI thread's event loop gets a turn
    try:
        result = save(qtbot, kiosk.store, SiteChange({"clinic.name": "Groot"}))
    finally:
        ticker.stop()
    assert result.saved, result.message()
    assert turns > 10, "the GUI thread did not get a turn while the folder was checked"
    assert kiosk.top_bar.name.text() == "Groot"


@contextlib.contextmanager
def mounted_tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], check=False)
    if made.returncode != 0:
        if os.geteuid() == 0:
            pytest.fail("cannot mount a tmpfs as root: the read-only and full-disk cases cannot be tested")
        pytest.skip("mounting a small file system needs root (CI runs as root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.fixture
def unwritable(request: pytest.FixtureRequest, tmp_path: Path, content_copy: Path) -> Iterator[Path]:
    """A content folder that cannot take a save, in one of the ways a kiosk PC really fails."""
    kind = request.param
    if kind == "site.toml became a folder":
        (content_copy / "site.toml").unlink()
        (content_copy / "site.toml").mkdir()
        yield content_copy
        return
    with mounted_tmpfs(tmp_path / "disk", "8m") as disk:
        folder = disk / "content"
        shutil.copytree(content_copy, folder)
        if kind == "read-only":
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        else:  # full: fill what is left
            with contextlib.suppress(OSError), (disk / "filler").open("wb") as filler:
                while True:
                    filler.write(b"\0" * 65536)
        yield folder


@pytest.mark.parametrize("unwritable", ["read-only", "full", "site.toml became a folder"], indirect=True)
def test_a_save_that_cannot_be_written_says_so_in_plain_dutch_and_changes_nothing(
    qtbot: QtBot, make_kiosk: MakeKiosk, unwritable: Path
) -> None:
    kiosk = make_kiosk(unwritable)
    name = kiosk.top_bar.name.text()
    before = snapshot(unwritable)
    result = save(qtbot, kiosk.store, SiteChange({"clinic.name": "Elders"}))
    assert not result.saved
    message = result.message()
    assert "niets veranderd" in message, message
    assert "Errno" not in message and "Traceback" not in message
    assert snapshot(unwritable) == before
    assert kiosk.top_bar.name.text() == name


def test_leftovers_of_a_killed_save_are_cleaned_at_start(
    qtbot: QtBot, make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    leftovers = [
        content_copy / ".site.toml.x1y2.tmp",
        content_copy / "slides" / ".010-welkom.nl.md.a1b2.tmp",
        content_copy / ".history" / ".last-save.json.c3d4.tmp",
    ]
    for path in leftovers:
        path.parent.mkdir(exist_ok=True)
        path.write_text("half", encoding="utf-8")
    staging = content_copy.parent / ".staging-abc123"
    (staging / "content").mkdir(parents=True)
    kiosk = make_kiosk(content_copy)
    assert kiosk.content.errors == []
    assert [p for p in leftovers if p.exists()] == []
    assert not staging.exists()
    assert (content_copy / "site.toml").exists()


def test_an_edit_made_while_the_kiosk_started_shows_once_it_follows_the_folder(
    qtbot: QtBot, content_copy: Path, fake_clock: FakeClock
) -> None:
    """The folder is followed from the first screen on, not from the load: an edit in between still counts."""
    store = ContentStore(content_copy, fake_clock, watch=True)
    assert store.folder_watch is None  # not before the kiosk's first screen
    write_slide(content_copy, "999-nieuw.nl.md", 'title = "Net toegevoegd"')
    with qtbot.waitSignal(store.content_changed, timeout=10_000):
        store.start_watching()
    assert "999-nieuw" in [slide.id for slide in store.content.slides]


def test_a_kiosk_that_starts_with_nothing_to_show_still_follows_its_folder(
    qtbot: QtBot, make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    for slide in (content_copy / "slides").glob("*.md"):
        slide.unlink()
    kiosk = make_kiosk(content_copy, watch=True)
    assert kiosk.pages.currentWidget() is kiosk.out_of_service
    watching(qtbot, kiosk)  # staff mode's way in is built at the same moment (tests/ui/test_staff.py)
