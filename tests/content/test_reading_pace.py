"""Reading pace: a slide stands as long as its words take a tired or non-native reader (about half a second
a word, at least 8 s), unless it sets its own `duration`; one set too short for its words is warned about.
A contact slide and the corner code are settings of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.__main__ import main
from kiosk.content import Severity, load_content
from kiosk.content.loader import (
    CONTACT_MIN_DURATION_S,
    MIN_DURATION_S,
    MIN_SECONDS_PER_WORD,
    SECONDS_PER_WORD,
)
from tests.conftest import write_slide

FORTY_WORDS = " ".join(["woord"] * 36)  # with the four-word title below: 40 words to read


def slide(folder: Path, slide_id: str) -> object:
    content = load_content(folder)
    return next(s for s in content.slides if s.id == slide_id)


def test_a_slide_without_duration_stands_half_a_second_a_word(content_copy: Path) -> None:
    write_slide(content_copy, "015-lang.nl.md", 'title = "Een titel van vier"', FORTY_WORDS)
    write_slide(content_copy, "016-kort.nl.md", 'title = "Kort"', "Drie korte woorden.")
    content = load_content(content_copy)
    durations = {s.id: s.duration_s for s in content.slides}
    assert durations["015-lang"] == 40 * SECONDS_PER_WORD == 20
    assert durations["016-kort"] == MIN_DURATION_S == 8  # four words, but never under eight seconds
    # The built-in slides follow their words too: none is read at 200 words a minute any more.
    welcome = durations["010-welkom"]
    assert welcome >= 40 * SECONDS_PER_WORD


def test_a_set_duration_wins(content_copy: Path) -> None:
    write_slide(content_copy, "015-lang.nl.md", 'title = "Een titel van vier"\nduration = 30', FORTY_WORDS)
    assert load_content(content_copy).slides[1].duration_s == 30


def test_a_translation_with_more_words_gets_the_time_it_needs(content_copy: Path) -> None:
    site = content_copy / "site.toml"
    site.write_text(
        site.read_text(encoding="utf-8").replace('languages = ["nl"]', 'languages = ["nl", "en"]')
    )
    write_slide(content_copy, "015-lang.nl.md", 'title = "Kort"', "Drie korte woorden.")
    write_slide(content_copy, "015-lang.en.md", 'title = "Short"', " ".join(["word"] * 29))
    assert next(s for s in load_content(content_copy).slides if s.id == "015-lang").duration_s == 15


def test_a_contact_slide_stands_long_enough_to_take_a_phone_out(content_copy: Path) -> None:
    contact = next(s for s in load_content(content_copy).slides if s.kind == "contact")
    assert contact.duration_s == CONTACT_MIN_DURATION_S


def test_validate_warns_about_a_duration_too_short_for_the_words(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    front = 'kind = "article"\ntitle = "Een titel van vier"\nduration = 12'
    write_slide(content_copy, "015-snel.nl.md", front, FORTY_WORDS)  # 0.3 s a word
    write_slide(content_copy, "016-rustig.nl.md", front.replace("12", "14"), FORTY_WORDS)  # 0.35 s a word
    problems = load_content(content_copy).problems
    pace = [p for p in problems if p.field == "duration"]  # (their missing source is another warning)
    fast = [p for p in pace if p.file == "slides/015-snel.nl.md"]
    assert [(p.line, p.field, p.severity) for p in fast] == [(4, "duration", Severity.WARNING)]
    assert "40 words" in fast[0].message and f"{MIN_SECONDS_PER_WORD:g} s a word" in fast[0].message
    assert not [p for p in pace if p.file == "slides/016-rustig.nl.md"]
    assert main(["validate", str(content_copy)]) == 0  # a warning: the slide still plays, at its own pace
    assert (
        "slides/015-snel.nl.md:4: [duration] warning: 12 seconds is short for 40 words"
        in capsys.readouterr().out
    )


def test_validate_accepts_a_contact_slide_without_picture_or_text(content_copy: Path) -> None:
    write_slide(content_copy, "105-contact.nl.md", 'kind = "contact"\ntitle = "Contact"', "")
    content = load_content(content_copy)
    # Its translations are now stale (their Dutch changed), and say so; the Dutch file itself is fine.
    assert not [p for p in content.problems if "105-contact" in p.file and p.field != "translated_from"]
    assert any(s.kind == "contact" for s in content.slides)


def test_corner_qr_is_on_unless_the_site_turns_it_off(content_copy: Path) -> None:
    assert load_content(content_copy).site.kiosk.corner_qr
    site = content_copy / "site.toml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text.replace("corner_qr = true", "corner_qr = false"), encoding="utf-8")
    assert not load_content(content_copy).site.kiosk.corner_qr
    site.write_text(text.replace("corner_qr = true", 'corner_qr = "nee"'), encoding="utf-8")
    content = load_content(content_copy)
    assert content.site.kiosk.corner_qr  # a bad value keeps the safe default, and says so
    assert any(p.field == "kiosk.corner_qr" and p.line for p in content.problems)
