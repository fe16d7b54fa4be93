"""Honest language handling: a translation that lags behind its Dutch source is named, a slide missing in a
language shows in Dutch (and says so), and a language with too little content is not offered to visitors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.__main__ import main
from kiosk.content import Content, Severity, load_content, pick
from kiosk.content.translations import (
    MISSING,
    STALE,
    StampError,
    stamp,
    translation_gaps,
    translation_status_nl,
)
from tests.conftest import DEFAULT_CONTENT

TRANSLATIONS = ("en", "tr", "ar", "pl", "uk")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path.name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def set_languages(folder: Path, languages: list[str]) -> None:
    """The site's languages, the first of them its default."""
    site = folder / "site.toml"
    text = re.sub(
        r"(?m)^languages = .*$", f"languages = {languages}".replace("'", '"'), site.read_text("utf-8")
    )
    text = re.sub(r"(?m)^default_language = .*$", f'default_language = "{languages[0]}"', text)
    site.write_text(text, encoding="utf-8")


def stale_warnings(content: Content) -> dict[str, int | None]:
    return {p.file: p.line for p in content.problems if p.field == "translated_from"}


def line_of_stamp(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if line.startswith("translated_from"))


def test_a_changed_dutch_text_marks_each_translation_stale_until_it_is_stamped(content_copy: Path) -> None:
    slides = content_copy / "slides"
    edit(
        slides / "050-resultaten.nl.md", "Er is meer onderzoek nodig.", "Er is nog veel meer onderzoek nodig."
    )
    content = load_content(content_copy)
    expected = {f"slides/050-resultaten.{lang}.md": line_of_stamp(slides / f"050-resultaten.{lang}.md")
                for lang in TRANSLATIONS}  # fmt: skip
    assert stale_warnings(content) == expected
    warned = [p for p in content.problems if p.field == "translated_from"]
    assert all(p.severity is Severity.WARNING and "Dutch text changed" in p.message for p in warned)
    assert content.errors == []  # the old translation stays on screen meanwhile
    assert {(g.file, g.state) for g in translation_gaps(content)} == {(f, STALE) for f in expected}

    stamp(slides / "050-resultaten.tr.md")  # the translator has brought the Turkish in line
    after = load_content(content_copy)
    assert set(stale_warnings(after)) == set(expected) - {"slides/050-resultaten.tr.md"}
    assert "tr" not in after.slides[4].stale and "en" in after.slides[4].stale


def test_a_review_or_a_reflowed_line_does_not_stale_the_translations(content_copy: Path) -> None:
    dutch = content_copy / "slides" / "040-onderzoek.nl.md"
    edit(dutch, 'reviewed_by = ""', 'reviewed_by = "A. Jansen, huisarts"\nreviewed_on = 2026-06-01')
    edit(dutch, "deden onderzoek bij", "deden onderzoek\nbij")
    edit(content_copy / "handout.nl.md", 'reviewed_by = ""', 'reviewed_by = "A. Jansen, huisarts"')
    assert stale_warnings(load_content(content_copy)) == {}


@pytest.mark.parametrize(
    ("where", "old", "new"),
    [
        ("slides/090-signalen.nl.md", "Je huilt veel", "Je huilt vaak"),  # a sign's text
        ("slides/090-signalen.nl.md", "Je staat er niet alleen voor.", "Je bent niet alleen."),  # advice
        ("slides/090-signalen.nl.md", 'button = "Bekijk de signalen"', 'button = "Bekijk ze"'),
        ("handout.nl.md", "Er is meer onderzoek nodig.", "Meer onderzoek is nodig."),
    ],
)
def test_every_translated_part_of_the_dutch_counts(
    content_copy: Path, where: str, old: str, new: str
) -> None:
    edit(content_copy / where, old, new)
    stem = where.removesuffix(".nl.md")
    assert set(stale_warnings(load_content(content_copy))) == {f"{stem}.{lang}.md" for lang in TRANSLATIONS}


def test_a_translation_that_records_no_source_is_warned(content_copy: Path) -> None:
    english = content_copy / "slides" / "020-wat-is-oxytocine.en.md"
    english.write_text(re.sub(r"(?m)^translated_from = .*\n", "", english.read_text("utf-8")), "utf-8")
    (problem,) = [p for p in load_content(content_copy).problems if p.field == "translated_from"]
    assert problem.file == "slides/020-wat-is-oxytocine.en.md" and "does not record" in problem.message
    assert problem.severity is Severity.WARNING
    stamp(english)
    assert stale_warnings(load_content(content_copy)) == {}
    assert english.read_text("utf-8").count("translated_from =") == 1


def test_stamp_refuses_what_is_not_a_translation(content_copy: Path) -> None:
    with pytest.raises(StampError, match="not a translated file"):
        stamp(content_copy / "slides" / "010-welkom.nl.md")
    (content_copy / "slides" / "010-welkom.nl.md").unlink()
    with pytest.raises(StampError, match="cannot be read"):
        stamp(content_copy / "slides" / "010-welkom.en.md")


def test_the_command_lists_what_to_do_and_stamps_it(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translations", str(content_copy)]) == 0
    edit(content_copy / "slides" / "080-praat-erover.nl.md", "belangrijk", "goed")
    (content_copy / "slides" / "030-aanmaak.pl.md").unlink()
    capsys.readouterr()
    assert main(["translations", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert "slides/080-praat-erover.ar.md: stale" in out and "slides/030-aanmaak.pl.md: missing" in out
    for lang in TRANSLATIONS:
        assert main(["translations", str(content_copy), "--stamp", f"slides/080-praat-erover.{lang}.md"]) == 0
    capsys.readouterr()
    assert main(["translations", str(content_copy)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == "slides/030-aanmaak.pl.md: missing"


def test_a_slide_missing_in_a_language_shows_in_dutch_with_a_warning(content_copy: Path) -> None:
    (content_copy / "slides" / "040-onderzoek.tr.md").unlink()
    (content_copy / "handout.uk.md").unlink()
    content = load_content(content_copy)
    slide = next(s for s in content.slides if s.id == "040-onderzoek")
    assert pick(slide.title, "tr") == "Het onderzoek" and "Radboud" in pick(slide.body, "tr")
    assert content.handout is not None and pick(content.handout.title, "uk").startswith("Postnatale")
    missing = {p.file: p for p in content.problems if p.message.startswith("missing: visitors")}
    assert set(missing) == {"slides/040-onderzoek.tr.md", "handout.uk.md"}
    assert all(p.severity is Severity.WARNING for p in missing.values())
    assert "tr" in content.visitor_languages() and "uk" in content.visitor_languages()
    assert {(g.file, g.state) for g in translation_gaps(content)} == {
        ("slides/040-onderzoek.tr.md", MISSING),
        ("handout.uk.md", MISSING),
    }


def remove_language(folder: Path, lang: str, keep: int = 0) -> None:
    """Leave only the first `keep` slides of the loop translated into `lang`, and no handout."""
    for path in sorted((folder / "slides").glob(f"*.{lang}.md"))[keep:]:
        path.unlink()
    (folder / f"handout.{lang}.md").unlink()


def test_a_language_is_offered_when_at_least_half_the_loop_is_in_it(content_copy: Path) -> None:
    remove_language(content_copy, "tr", keep=6)  # 6 of 12
    remove_language(content_copy, "pl", keep=5)  # 5 of 12
    content = load_content(content_copy)
    assert content.visitor_languages() == ("nl", "en", "tr", "ar", "uk")
    (problem,) = [p for p in content.problems if p.field == "kiosk.languages"]
    assert problem.message.startswith("'pl' is not offered to visitors: 5 of 12 slides")
    assert problem.severity is Severity.WARNING and problem.file == "site.toml" and problem.line
    # Not offered, so its missing slides are not listed one by one; Turkish's six are.
    missing = [p.file for p in content.problems if p.message.startswith("missing: visitors")]
    assert not [f for f in missing if ".pl.md" in f] and len([f for f in missing if ".tr.md" in f]) == 7


def test_hidden_slides_do_not_count_towards_a_language(content_copy: Path) -> None:
    remove_language(content_copy, "tr", keep=5)
    assert "tr" not in load_content(content_copy).visitor_languages()
    site = content_copy / "site.toml"
    hidden = '["080-praat-erover", "090-signalen", "100-hulp"]'
    site.write_text(site.read_text("utf-8") + f"\n[slides]\nhidden = {hidden}\n", "utf-8")
    assert "tr" in load_content(content_copy).visitor_languages()  # 5 of the 9 shown


def test_a_site_without_dutch_still_plays_every_slide(content_copy: Path) -> None:
    set_languages(content_copy, ["en"])
    content = load_content(content_copy)
    assert content.errors == [] and len(content.slides) == 12
    assert content.visitor_languages() == ("en",)
    assert content.problems == load_content(DEFAULT_CONTENT).problems  # nothing about untranslated Dutch


def test_languages_that_leave_no_slide_are_an_error_that_says_so(content_copy: Path) -> None:
    set_languages(content_copy, ["de"])
    content = load_content(content_copy)
    (error,) = content.errors
    assert error.field == "kiosk.languages" and error.line == line_of_languages(content_copy)
    assert "none of the languages ['de'] has slides" in error.message and '"nl"' in error.message
    assert not [p for p in content.problems if "no usable slides" in p.message]
    assert content.visitor_languages() == ("nl",) and len(content.slides) == 12  # Dutch stands in


def line_of_languages(folder: Path) -> int:
    lines = (folder / "site.toml").read_text("utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if line.startswith("languages ="))


def test_staff_read_one_line_about_the_translations(content_copy: Path) -> None:
    assert load_content(content_copy).visitor_languages()[0] == "nl"
    assert translation_status_nl(load_content(content_copy)) == (
        "bijgewerkt (Engels, Turks, Arabisch, Pools, Oekraïens)"
    )
    edit(content_copy / "slides" / "010-welkom.nl.md", "duizenden", "heel veel")
    (content_copy / "slides" / "020-wat-is-oxytocine.ar.md").unlink()
    assert translation_status_nl(load_content(content_copy)) == (
        "5 verouderd en 1 ontbreekt (Engels, Turks, Arabisch, Pools, Oekraïens); zie de meldingen"
    )
    set_languages(content_copy, ["nl"])
    assert translation_status_nl(load_content(content_copy)) == "alleen Nederlands"


def test_languages_staff_turned_off_are_left_out_quietly(content_copy: Path) -> None:
    set_languages(content_copy, ["nl", "en"])
    (content_copy / "slides" / "010-welkom.de.md").write_text(
        '+++\ntitle = "Willkommen"\n+++\nText\n', "utf-8"
    )
    content = load_content(content_copy)
    assert content.visitor_languages() == ("nl", "en")
    assert [p.file for p in content.problems if "not among the site's languages" in p.message] == [
        "slides/010-welkom.de.md"  # a language no one can tick on the staff screen: a typo, or forgotten
    ]
