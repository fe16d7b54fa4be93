"""Saving from staff mode: validated first, atomic, comments kept, undoable."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

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


def test_a_leftover_temporary_file_from_a_crash_is_ignored(content_copy: Path) -> None:
    (content_copy / "slides" / ".010-welkom.nl.md.abc.tmp").write_text("+++\nhalf", encoding="utf-8")
    content = load_content(content_copy)
    assert content.errors == []
    assert not [p for p in content.problems if ".tmp" in p.file]


def test_a_saved_file_keeps_its_permissions_and_a_new_one_is_readable_by_all(content_copy: Path) -> None:
    (content_copy / "site.toml").chmod(0o640)  # e.g. readable by the kiosk's group only
    editor = ContentEditor(content_copy)
    assert editor.save_site({"clinic.phone": "030 765 43 21"}).saved
    assert stat.S_IMODE((content_copy / "site.toml").stat().st_mode) == 0o640
    assert editor.save_slide("040-onderzoek", "en", {"title": "The study"}, "A short text.").saved
    assert stat.S_IMODE((content_copy / "slides" / "040-onderzoek.en.md").stat().st_mode) == 0o644


def test_undo_never_acts_on_a_save_that_a_crash_cut_short(content_copy: Path) -> None:
    """Killed after the undo record was written but before the file was renamed into place: the file is
    still the old one, and undo must not pretend to put back what never changed."""
    editor = ContentEditor(content_copy)
    assert editor.save_site({"clinic.name": "Eerste"}).saved
    record = content_copy / ".history" / "last-save.json"
    fields = json.loads(record.read_text(encoding="utf-8"))
    fields["before"], fields["after"] = (
        fields["after"],
        hashlib.sha256(b"the file it never became").hexdigest(),
    )
    record.write_text(json.dumps(fields), encoding="utf-8")
    before = (content_copy / "site.toml").read_bytes()
    assert not editor.can_undo()
    result = editor.undo_last_save()
    assert not result.saved and "no save to undo" in result.message()
    assert (content_copy / "site.toml").read_bytes() == before
