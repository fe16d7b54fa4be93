"""What "Lees voor" hands the voice: numbers a caller can dial, sentences without Markdown, and a slide not
translated yet read in its own Dutch (by the Dutch voice), not in the visit's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.content import Slide
from kiosk.services.spoken import merged, read_numbers, sentences, slide_parts


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Bel 113 of gratis 0800-0113, dag en nacht.", "Bel 1 1 3 of gratis 0 8 0 0, 0 1 1 3, dag en nacht."),
        ("Telefoon: 020 123 45 67", "Telefoon: 0 2 0, 1 2 3, 4 5, 6 7"),
        ("\u2066+31 20 123 4567\u2069", "\u2066+ 3 1, 2 0, 1 2 3, 4 5 6 7\u2069"),
        ("Open 9.00 – 17.00 uur, 12 weken", "Open 9.00 – 17.00 uur, 12 weken"),  # times and counts stay
        ("112’yi arayın", "1 1 2’yi arayın"),
    ],
)
def test_phone_numbers_are_read_digit_by_digit_in_their_groups(text: str, spoken: str) -> None:
    assert read_numbers(text) == spoken


def test_lines_and_list_items_become_sentences_without_direction_marks() -> None:
    text = sentences(
        "Wat is oxytocine?", "hechting\n- emotionele verbondenheid\n", "\u2068Telefoon: 020\u2069"
    )
    assert text == "Wat is oxytocine? hechting. emotionele verbondenheid. Telefoon: 020."


def test_a_slide_not_translated_yet_is_read_in_dutch_by_the_dutch_voice(qapp: QApplication) -> None:
    slide = Slide(
        id="x",
        kind="article",
        duration_s=10,
        title={"nl": "Praat erover", "pl": "Porozmawiaj o tym"},
        body={"nl": "Met **iemand** die je vertrouwt.\n\n- je partner\n- je huisarts"},
        illustration=None,
        source=Path("x.nl.md"),
    )
    assert slide_parts(slide, "pl", None) == [
        ("Porozmawiaj o tym.", "pl"),
        ("Met iemand die je vertrouwt. je partner. je huisarts.", "nl"),
    ]
    assert slide_parts(slide, "nl", None) == [
        ("Praat erover. Met iemand die je vertrouwt. je partner. je huisarts.", "nl")
    ]
    assert merged([("a.", "nl"), ("b.", "nl"), ("c.", "en")]) == [("a. b.", "nl"), ("c.", "en")]
