"""Saving from staff mode: validated first, atomic, comments kept, undoable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content import load_content
from kiosk.content.editing import ContentEditor


def test_a_valid_change_is_saved_and_comments_survive(content_copy: Path) -> None:
    result = ContentEditor(content_copy).save_site(
        {"clinic.phone": "030 765 43 21", "kiosk.idle_timeout": 90}
    )
    assert result.saved, result.message()
    text = (content_copy / "site.toml").read_text(encoding="utf-8")
    assert "# EXAMPLE contact details" in text  # the technical staff's comment is still there
    site = load_content(content_copy).site
    assert site.clinic.phone == "030 765 43 21"
    assert site.kiosk.idle_timeout_s == 90


def test_an_invalid_change_is_refused_in_plain_words_and_nothing_is_written(content_copy: Path) -> None:
    before = (content_copy / "site.toml").read_bytes()
    result = ContentEditor(content_copy).save_site({"kiosk.idle_timeout": 2})
    assert not result.saved
    assert "kiosk.idle_timeout: is 2; it must be between 10 and 3600" in result.message()
    assert (content_copy / "site.toml").read_bytes() == before


def test_slide_text_and_settings_are_edited_in_place(content_copy: Path) -> None:
    editor = ContentEditor(content_copy)
    result = editor.save_slide(
        "040-onderzoek", "nl", {"title": "Nieuw onderzoek", "duration": 20}, "Een nieuwe, korte tekst."
    )
    assert result.saved, result.message()
    slide = next(s for s in load_content(content_copy).slides if s.id == "040-onderzoek")
    assert slide.title["nl"] == "Nieuw onderzoek"
    assert slide.duration_s == 20
    assert slide.body["nl"] == "Een nieuwe, korte tekst."
    assert slide.illustration is not None and slide.illustration.name == "research.svg"


def test_an_empty_slide_text_is_refused(content_copy: Path) -> None:
    result = ContentEditor(content_copy).save_slide("040-onderzoek", "nl", {}, "")
    assert not result.saved
    assert "no text" in result.message()


def test_order_and_hidden_slides_are_saved_and_loaded(content_copy: Path) -> None:
    content = load_content(content_copy)
    ids = [s.id for s in content.slides]
    order = [ids[2], ids[0], ids[1]]
    assert ContentEditor(content_copy).save_selection(order, [ids[3]]).saved
    reloaded = load_content(content_copy)
    assert [s.id for s in reloaded.slides][:3] == order
    assert [s.id for s in reloaded.slides if s.hidden] == [ids[3]]
    import datetime as dt

    assert ids[3] not in [s.id for s in reloaded.loop_slides(dt.date.today())]


def test_undo_puts_back_the_previous_version(content_copy: Path) -> None:
    editor = ContentEditor(content_copy)
    original = (content_copy / "site.toml").read_text(encoding="utf-8")
    assert editor.save_site({"clinic.name": "Andere praktijk"}).saved
    assert editor.can_undo()
    assert editor.undo_last_save().saved
    assert (content_copy / "site.toml").read_text(encoding="utf-8") == original
    assert not editor.can_undo()


def test_a_save_interrupted_half_way_leaves_the_old_valid_content(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (content_copy / "site.toml").read_bytes()

    def power_cut(src: object, dst: object) -> None:
        raise OSError("power cut")  # the new file was written in full, the rename never happened

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        ContentEditor(content_copy).save_site({"clinic.name": "Half opgeslagen"})
    monkeypatch.undo()
    assert (content_copy / "site.toml").read_bytes() == before
    content = load_content(content_copy)
    assert content.errors == []
    assert content.site.clinic.name == "MindFitPro"


def test_a_leftover_temporary_file_from_a_crash_is_ignored(content_copy: Path) -> None:
    (content_copy / "slides" / ".010-welkom.nl.md.abc.tmp").write_text("+++\nhalf", encoding="utf-8")
    content = load_content(content_copy)
    assert content.errors == []
    assert not [p for p in content.problems if ".tmp" in p.file]


def test_a_read_only_content_folder_is_refused_with_a_reason(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    result = ContentEditor(content_copy).save_site({"clinic.name": "Elders"})
    assert not result.saved
    assert "read-only" in result.message()
