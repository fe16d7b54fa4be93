"""Bad content is reported with file, line and field, and never stops the rest from loading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.__main__ import main
from kiosk.content import Problem, Severity, load_content
from tests.conftest import FIXTURES, write_slide

BAD = FIXTURES / "bad-content"


def problems_for(content_problems: tuple[Problem, ...], file: str) -> list[Problem]:
    return [p for p in content_problems if p.file == file]


@pytest.mark.parametrize(
    ("file", "line", "field", "words"),
    [
        ("slides/020-broken-toml.nl.md", 3, None, "not valid TOML"),
        ("slides/030-unknown-kind.nl.md", 2, "kind", "unknown slide kind 'video'"),
        ("slides/040-missing-image.nl.md", 3, "illustration", "does not exist"),
        ("slides/050-corrupt-image.nl.md", 3, "illustration", "damaged"),
        ("slides/060-huge-image.nl.md", 3, "illustration", "20000×20000"),
        ("slides/070-empty.nl.md", 3, "title", "is empty"),
        ("slides/080-too-long.nl.md", 5, "body", "too long"),
        ("slides/090-latin1.nl.md", 3, None, "not UTF-8"),
        ("slides/100-no-front-matter.nl.md", 1, None, "must start with a +++ line"),
        ("slides/110-broken-svg.nl.md", 3, "illustration", "not valid SVG"),
        ("slides/120-short-duration.nl.md", 3, "duration", "between 3 and 600"),
        ("site.toml", 14, "kiosk.idle_timeout", "between 10 and 3600"),
    ],
)
def test_each_problem_names_file_line_and_field(file: str, line: int, field: str | None, words: str) -> None:
    found = problems_for(load_content(BAD).problems, file)
    assert any(p.line == line and p.field == field and words in p.message for p in found), found


def test_broken_slides_are_left_out_and_broken_pictures_get_a_placeholder() -> None:
    content = load_content(BAD)
    shown = {s.id: s for s in content.slides}
    assert set(shown) == {
        "010-good",
        "040-missing-image",
        "050-corrupt-image",
        "060-huge-image",
        "110-broken-svg",
    }
    assert shown["010-good"].illustration is not None
    assert all(shown[i].illustration is None for i in shown if i != "010-good")


def test_unknown_setting_and_stray_file_are_warnings() -> None:
    problems = load_content(BAD).problems
    assert any(p.field == "clinic.colour" and p.severity is Severity.WARNING for p in problems)
    assert any(p.file == "slides/notes.txt" and p.severity is Severity.WARNING for p in problems)


def test_broken_site_file_falls_back_to_safe_settings_and_keeps_the_slides() -> None:
    content = load_content(FIXTURES / "broken-site")
    assert [p.line for p in content.problems if p.file == "site.toml"] == [1]
    assert len(content.slides) == 1
    assert content.site.kiosk.idle_timeout_s >= 10


@pytest.mark.parametrize("folder", ["empty-content", "does-not-exist"])
def test_empty_or_missing_folder_has_no_slides_and_says_so(folder: str) -> None:
    content = load_content(FIXTURES / folder)
    assert content.slides == ()
    assert content.errors


def test_translation_without_dutch_source_is_an_error(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "broken-site", tmp_path / "c")
    write_slide(tmp_path / "c", "020-only-english.en.md", 'title = "Only English"')
    problems = load_content(tmp_path / "c").problems
    assert any(p.file == "slides/020-only-english.nl.md" and "Dutch" in p.message for p in problems)


def test_dates_are_read_and_checked(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "broken-site", tmp_path / "c")
    write_slide(
        tmp_path / "c",
        "020-campagne.nl.md",
        'title = "Campagne"\nshown_from = 2026-03-01\nshown_until = 2026-03-30',
    )
    write_slide(
        tmp_path / "c",
        "030-omgekeerd.nl.md",
        'title = "Omgekeerd"\nshown_from = 2026-03-30\nshown_until = 2026-03-01',
    )
    content = load_content(tmp_path / "c")
    campaign = next(s for s in content.slides if s.id == "020-campagne")
    import datetime as dt

    assert campaign.is_shown_on(dt.date(2026, 3, 15))
    assert not campaign.is_shown_on(dt.date(2026, 4, 1))
    assert any(p.field == "shown_until" and p.line == 4 for p in content.problems)


def test_validate_lists_every_problem_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(BAD)]) == 1
    out = capsys.readouterr().out
    assert "slides/030-unknown-kind.nl.md:2: [kind] error: unknown slide kind 'video'" in out
    assert "site.toml:14: [kiosk.idle_timeout] error" in out
    assert "5 slides usable, 13 errors, 12 warnings" in out


def test_validate_passes_the_default_content_with_example_warnings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.conftest import DEFAULT_CONTENT

    assert main(["validate", str(DEFAULT_CONTENT)]) == 0
    assert "is still the example" in capsys.readouterr().out


def test_files_saved_as_utf8_with_a_byte_order_mark_load_as_usual(content_copy: Path) -> None:
    """Windows Notepad's "UTF-8 with BOM": staff see an ordinary file, so the kiosk must read it as one."""
    for name in ("site.toml", "slides/010-welkom.nl.md"):
        path = content_copy / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    content = load_content(content_copy)
    assert not content.errors
    assert content.site.clinic.name == "MindFitPro"
    assert content.slides[0].title["nl"] == "Oxytocine en het contact met je baby"


@pytest.mark.parametrize(
    ("value", "chosen", "words"),
    [
        ('"HDMI-1"', "HDMI-1", None),
        ("2", 2, None),
        ("0", None, "between 1 and 16"),
        ("1.5", None, "whole number"),
        ('"HDMI 1; rm"', None, "not a screen name"),
        ("true", None, "should be a number"),
        ("[1]", None, "should be a number"),
    ],
)
def test_the_screen_setting_names_a_screen_or_its_number(
    content_copy: Path, value: str, chosen: str | int | None, words: str | None
) -> None:
    site = content_copy / "site.toml"
    text = site.read_text(encoding="utf-8").replace(
        "transition_ms = 450\n", f"transition_ms = 450\nscreen = {value}\n"
    )
    site.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"screen = {value}") + 1
    content = load_content(content_copy)
    assert content.site.kiosk.screen == chosen
    found = [p for p in problems_for(content.problems, "site.toml") if p.field == "kiosk.screen"]
    if words is None:
        assert found == []
    else:
        assert len(found) == 1 and words in found[0].message and found[0].line == line, found
