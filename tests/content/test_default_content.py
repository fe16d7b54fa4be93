"""The content that ships: a Dutch article as 8–12 short, illustrated slides, and example contact details."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from kiosk.content import Severity, Slide, load_content
from kiosk.content.loader import WORDS_ADVISED
from tests.conftest import DEFAULT_CONTENT, SITE_BREAKS, break_site

# What the article says the nasal spray did, and the cautions it gives in the next breath. Wherever a
# visitor reads the first, the second must stand on the same slide or page.
SPRAY_EFFECT = re.compile(
    r"ontspannen|alerter|oogcontact|positieve? effect|verbeter|versterk|soepeler|aanvulling|zetje", re.I
)
CAVEATS = (
    "geen wondermiddel",
    "niet bij iedereen",
    "medische begeleiding",
    "niet standaard",
    "onderzoek nodig",
)


def missing_caveats(text: str) -> list[str]:
    """The cautions a text leaves out while it states the spray's effect; [] when it states none."""
    if not SPRAY_EFFECT.search(text):
        return []
    flat = " ".join(text.split()).lower()
    return [caveat for caveat in CAVEATS if caveat not in flat]


def test_default_content_has_8_to_12_illustrated_slides_without_errors() -> None:
    content = load_content(DEFAULT_CONTENT)
    assert content.errors == []
    assert 8 <= len(content.slides) <= 12
    for slide in content.slides:
        if slide.kind != "contact":  # the contact slide shows the site's QR code in the picture's place
            assert slide.illustration is not None and slide.illustration.is_file(), slide.id
        assert slide.title["nl"], slide.id


def test_every_default_slide_reads_from_two_metres() -> None:
    for slide in load_content(DEFAULT_CONTENT).slides:
        words = len(re.findall(r"\w+", slide.body["nl"]))
        assert 0 < words <= WORDS_ADVISED, f"{slide.id} has {words} words"


def test_default_contact_details_are_flagged_as_the_example() -> None:
    content = load_content(DEFAULT_CONTENT)
    example = [p for p in content.problems if "example" in p.message]
    assert example and all(p.severity is Severity.WARNING for p in example)
    assert {p.field for p in example} >= {"clinic.email", "clinic.website"}
    assert all(p.line for p in example)


def test_default_content_carries_the_four_warning_signs_from_the_article() -> None:
    signs = load_content(DEFAULT_CONTENT).signs_slide
    assert signs is not None and signs.signs is not None
    texts = [s["nl"] for s in signs.signs.signs]
    assert len(texts) == 4
    assert any("band met je baby" in t for t in texts)
    assert any("huilt" in t for t in texts)


def test_the_loop_has_a_contact_slide_just_before_the_last() -> None:
    slides = load_content(DEFAULT_CONTENT).slides
    assert [s.kind for s in slides].count("contact") == 1
    assert slides[-2].kind == "contact"


def test_no_default_slide_sets_its_duration_so_each_follows_its_words() -> None:
    for path in sorted((DEFAULT_CONTENT / "slides").glob("*.md")):
        assert not re.search(r"(?m)^duration\s*=", path.read_text(encoding="utf-8")), path.name


def text_of(slide: Slide) -> str:
    return f"{slide.title['nl']}\n{slide.body['nl']}"


def test_every_slide_that_states_the_sprays_effect_carries_the_articles_cautions() -> None:
    slides = load_content(DEFAULT_CONTENT).slides
    stating = [s for s in slides if SPRAY_EFFECT.search(text_of(s))]
    assert stating, "the results slide states the effect: the check must look at it"
    for slide in stating:
        assert missing_caveats(text_of(slide)) == [], slide.id


def test_the_loop_ends_on_talking_about_it_not_on_the_spray() -> None:
    last = load_content(DEFAULT_CONTENT).loop_slides(dt.date(2030, 1, 1))[-1]
    text = text_of(last)
    assert "praat erover" in text.lower()
    assert not re.search(r"oxytocine|neusspray|zetje", text, re.I)


def test_the_default_wording_follows_the_article() -> None:
    content = load_content(DEFAULT_CONTENT)
    assert content.handout is not None
    signs = content.signs_slide
    assert signs is not None and signs.signs is not None
    texts = [text_of(s) for s in content.slides]
    texts += [content.handout.points["nl"], *(a["nl"] for a in signs.signs.advice)]
    for text in texts:
        assert "hulp werkt" not in text  # the article: "helpt"
        assert "GGZ" not in text or "geestelijke gezondheidszorg" in text  # spelled out where it is used
    assert "vragen" not in signs.signs.not_a_diagnosis["nl"]  # the cards are statements, not questions
    (results,) = [s for s in content.slides if "oogcontact" in s.body["nl"]]
    assert "gaven aan" in results.body["nl"]  # what the mothers reported stays a report


@pytest.mark.parametrize("how", [*SITE_BREAKS, "no [urgent] table"])
def test_the_crisis_line_survives_any_broken_site_file(content_copy: Path, how: str) -> None:
    if how in SITE_BREAKS:
        break_site(content_copy, how)
    else:
        site = content_copy / "site.toml"
        site.write_text(site.read_text(encoding="utf-8").replace("[urgent]", "[elsewhere]"), "utf-8")
    line = load_content(content_copy).site.urgent.line("nl")
    for part in ("113", "0800-0113", "huisarts", "huisartsenpost", "112"):
        assert part in line, (how, part)


def test_the_default_crisis_line_separates_suicidal_thoughts_acute_worries_and_danger() -> None:
    lines = load_content(DEFAULT_CONTENT).site.urgent.line("nl").splitlines()
    assert len(lines) == 3
    suicide, acute, danger = lines
    assert all(part in suicide for part in ("zelfdoding", "113", "0800-0113", "dag en nacht"))
    assert all(part in acute for part in ("baby", "huisarts", "huisartsenpost")) and "113" not in acute
    assert all(part in danger for part in ("levensgevaar", "112"))


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ('"Bel ons gerust."', "113 or 112"),
        ('"Denk je aan zelfdoding? Bel 113."', "112"),
        ('""', "is empty"),
        ('{ nl = "Bel 113 of 112.", en = "Call your doctor." }', "(en) does not mention 113 or 112"),
    ],
)
def test_validate_warns_when_a_sites_crisis_line_drops_113_or_112(
    content_copy: Path, text: str, warned: str
) -> None:
    site = content_copy / "site.toml"
    old = site.read_text(encoding="utf-8")
    start = old.index('text = """')
    end = old.index('"""', start + 10) + 3
    site.write_text(old[:start] + f"text = {text}" + old[end:], encoding="utf-8")
    problems = [p for p in load_content(content_copy).problems if p.field == "urgent.text"]
    assert [p.severity for p in problems] == [Severity.WARNING], problems
    assert warned in problems[0].message and problems[0].line


def test_the_default_crisis_line_draws_no_warning() -> None:
    assert not [p for p in load_content(DEFAULT_CONTENT).problems if p.field == "urgent.text"]
