"""The content that ships: a Dutch article as 8–12 short, illustrated slides, and example contact details."""

from __future__ import annotations

import re

from kiosk.content import Severity, load_content
from kiosk.content.loader import WORDS_ADVISED
from tests.conftest import DEFAULT_CONTENT


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
