"""A visitor picks a language with one tap and the whole kiosk speaks it: the slides, the signs, the contact
screen, the corner code's caption and the interface's own words; the idle reset brings back the site's
default. The picker is low on the screen, finger-sized, each language in its own name. A translation that
cannot be loaded leaves the words Dutch, never blank, and the log says why."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.app import create_application
from kiosk.content import load_content
from kiosk.render import theme, words
from kiosk.render.handout import write_handout_pdf
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.ui.conftest import SIZES, advance
from tests.ui.test_handout import words as pdf_words

MakeKiosk = Callable[..., KioskWindow]
SIX = ("nl", "en", "tr", "ar", "pl", "uk")
OWN_NAMES = {
    "nl": "Nederlands",
    "en": "English",
    "tr": "Türkçe",
    "ar": "العربية",
    "pl": "Polski",
    "uk": "Українська",
}


@pytest.fixture
def six_languages(content_copy: Path) -> Path:
    """The default content offering six languages, its first slide also in English."""
    site = content_copy / "site.toml"
    text = site.read_text(encoding="utf-8").replace('languages = ["nl"]', f"languages = {list(SIX)}")
    site.write_text(text.replace("'", '"'), encoding="utf-8")
    dutch = content_copy / "slides" / "010-welkom.nl.md"
    english = dutch.read_text(encoding="utf-8").replace(
        'title = "Oxytocine en het contact met je baby"', 'title = "Oxytocin and the bond with your baby"'
    )
    (content_copy / "slides" / "010-welkom.en.md").write_text(english, encoding="utf-8")
    return content_copy


def tap(button: QPushButton) -> None:
    assert button.isVisible(), button.objectName()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(kiosk: KioskWindow, lang: str) -> None:
    """What a visitor does: the language button, then the language's name."""
    tap(kiosk.bottom_bar.language)
    tap(kiosk.language_menu.buttons[lang])


def slide_title(kiosk: KioskWindow) -> str:
    show = kiosk.slideshow
    slide = show.current_slide()
    assert slide is not None
    return show.renderer.layout(slide, kiosk.visit.language, show.size()).title_doc.toPlainText()


def corner_caption(kiosk: KioskWindow) -> str:
    show = kiosk.slideshow
    slide = show.current_slide()
    assert slide is not None
    corner = show.renderer.layout(slide, kiosk.visit.language, show.size()).corner
    assert corner is not None
    return corner.caption_doc.toPlainText()


def test_one_tap_switches_the_slides_and_the_interface_words_and_the_idle_reset_brings_dutch_back(
    make_kiosk: MakeKiosk, six_languages: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(six_languages)
    bar = kiosk.bottom_bar
    assert slide_title(kiosk) == "Oxytocine en het contact met je baby"
    assert bar.hint.text() == "Tik op het scherm om zelf te bladeren"

    choose(kiosk, "en")  # straight from the loop: the picker is there before anyone took over

    assert kiosk.visit.language == "en" and not kiosk.language_menu.isVisible()
    assert slide_title(kiosk) == "Oxytocin and the bond with your baby"
    assert corner_caption(kiosk) == "Scan for contact"
    assert bar.next.text() == "Next ›" and bar.previous.text() == "‹ Previous"
    assert bar.language.text().strip() == "English"
    assert kiosk.top_bar.signs.text() == "Do you recognise the signs?"
    kiosk.show_signs()
    assert kiosk.signs.next.text() == "Next ›" and kiosk.signs.progress.text() == "Sign 1 of 4"
    kiosk.show_contact()
    assert kiosk.contact.print.text() == "Print a leaflet"
    assert kiosk.contact.qr_caption.text() == "Scan with your phone's camera"

    advance(fake_clock, kiosk.content.site.kiosk.idle_timeout_s)

    assert kiosk.visit.language == "nl"
    assert slide_title(kiosk) == "Oxytocine en het contact met je baby"
    assert corner_caption(kiosk) == "Scan voor contact"
    assert bar.hint.text() == "Tik op het scherm om zelf te bladeren"
    assert bar.next.text() == "Volgende ›" and bar.language.text().strip() == "Nederlands"
    assert kiosk.contact.print.text() == "Print een folder"


@pytest.mark.parametrize("lang", SIX[1:])
def test_every_shipped_language_translates_the_interface(
    make_kiosk: MakeKiosk, six_languages: Path, lang: str
) -> None:
    kiosk = make_kiosk(six_languages)
    kiosk.take_over()
    choose(kiosk, lang)
    dutch = {"Volgende ›", "‹ Vorige", "Herken je de signalen?", "Contact en QR-code", "Print een folder"}
    shown = {
        kiosk.bottom_bar.next.text(),
        kiosk.bottom_bar.previous.text(),
        kiosk.top_bar.signs.text(),
        kiosk.signs.to_contact.text(),
        kiosk.contact.print.text(),
    }
    assert not shown & dutch and all(text.strip() for text in shown)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_picker_is_low_on_the_screen_finger_sized_and_names_each_language_in_its_own_words(
    make_kiosk: MakeKiosk, six_languages: Path, size: QSize
) -> None:
    kiosk = make_kiosk(six_languages, size=size)
    m = theme.Metrics.for_size(size)
    button = kiosk.bottom_bar.language

    def low_and_big(widget: QWidget) -> None:
        top_left = widget.mapTo(kiosk, widget.rect().topLeft())
        assert top_left.y() >= size.height() * 0.6, (widget.objectName(), top_left.y())  # the lower part
        assert widget.height() >= m.touch_target and widget.width() >= m.touch_target, widget.objectName()
        assert top_left.x() >= 0 and top_left.x() + widget.width() <= size.width()

    assert button.isVisible()  # in the loop
    low_and_big(button)
    kiosk.take_over()
    assert button.isVisible()  # and with the controls
    low_and_big(button)
    assert button.text().strip() == "Nederlands"

    tap(button)

    menu = kiosk.language_menu
    assert menu.isVisible() and list(menu.buttons) == list(SIX)
    for lang, choice in menu.buttons.items():
        assert choice.text().removeprefix("✓ ") == OWN_NAMES[lang]
        low_and_big(choice)
    assert menu.buttons["nl"].text().startswith("✓")  # the language spoken now, not by colour alone


def test_a_site_with_one_language_shows_no_picker(make_kiosk: MakeKiosk, content_copy: Path) -> None:
    site = content_copy / "site.toml"
    text = re.sub(r"(?m)^languages = .*$", 'languages = ["nl"]', site.read_text(encoding="utf-8"))
    site.write_text(text, encoding="utf-8")
    kiosk = make_kiosk(content_copy)
    kiosk.take_over()
    assert not kiosk.bottom_bar.language.isVisible()


def test_a_tap_beside_the_panel_closes_it_and_changes_nothing(
    make_kiosk: MakeKiosk, six_languages: Path
) -> None:
    kiosk = make_kiosk(six_languages)
    tap(kiosk.bottom_bar.language)
    QTest.mouseClick(
        kiosk.language_menu, Qt.MouseButton.LeftButton, pos=kiosk.rect().topLeft() + kiosk.rect().center() / 4
    )
    assert not kiosk.language_menu.isVisible() and kiosk.visit.language == "nl"


def test_the_idle_reset_closes_an_open_panel(
    make_kiosk: MakeKiosk, six_languages: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(six_languages)
    tap(kiosk.bottom_bar.language)
    advance(fake_clock, kiosk.content.site.kiosk.idle_timeout_s)
    assert not kiosk.language_menu.isVisible() and kiosk.slideshow.is_playing()


def test_a_missing_translation_leaves_the_words_dutch_and_says_so(
    make_kiosk: MakeKiosk,
    six_languages: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A build without kiosk_en.qm (and no .ts to compile): English visitors read Dutch, nothing blank."""
    monkeypatch.setattr(words, "resource", lambda *parts: tmp_path.joinpath(*parts))
    monkeypatch.setattr(words, "_loaded", {})
    kiosk = make_kiosk(six_languages)
    kiosk.take_over()
    with caplog.at_level(logging.WARNING, logger="kiosk.render.words"):
        choose(kiosk, "en")
    assert kiosk.visit.language == "en"
    assert kiosk.bottom_bar.next.text() == "Volgende ›"  # Dutch, not empty
    assert corner_caption(kiosk) == "Scan voor contact"
    assert slide_title(kiosk) == "Oxytocin and the bond with your baby"  # the content's own English stays
    assert "no translation of the kiosk's words into 'en' (kiosk_en.qm is missing): they stay Dutch" in (
        caplog.text
    )


def test_staff_read_dutch_whatever_the_visitor_chose(make_kiosk: MakeKiosk, six_languages: Path) -> None:
    kiosk = make_kiosk(six_languages)
    choose(kiosk, "en")
    assert kiosk.bottom_bar.next.text() == "Next ›"
    kiosk.staff.open_pad()
    assert kiosk.bottom_bar.next.text() == "Volgende ›"  # the application speaks Dutch again
    assert words.words("nl").translate("BottomBar", "Volgende ›") == "Volgende ›"


def test_the_handout_prints_its_own_words_in_the_visitors_language(
    six_languages: Path, tmp_path: Path
) -> None:
    """Drawn for its language (maybe on the print worker), whatever language the application has."""
    create_application()
    content = load_content(six_languages)
    for lang, heading, dutch in (
        ("en", "Important to know", "Belangrijk"),
        ("nl", "Belangrijk om te weten", ""),
    ):
        pdf = tmp_path / f"handout-{lang}.pdf"
        write_handout_pdf(pdf, content, lang)
        text = pdf_words(pdf)
        assert heading in text and (not dutch or dutch not in text), text
