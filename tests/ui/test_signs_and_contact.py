"""The reason the kiosk exists: a visitor recognises signs, then leaves with a way to get help."""

from __future__ import annotations

import itertools
import logging
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from kiosk.content.qr import qr_payload
from kiosk.render import theme
from kiosk.ui.contact import ContactScreen
from kiosk.ui.signs import SignsScreen
from kiosk.ui.widgets import FIT_SCALES, needed_height
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.ui.conftest import SIZES, advance

MakeKiosk = Callable[..., KioskWindow]


def click(button: object) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[call-overload]


def test_the_signs_slides_button_in_the_loop_opens_the_first_card(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    signs_index = next(i for i, s in enumerate(kiosk.slideshow.slides()) if s.kind == "signs")
    kiosk.slideshow.show_index(signs_index, animate=False)
    kiosk.slideshow.current_pixmap()
    click(kiosk.slideshow.signs_button)
    assert kiosk.pages.currentWidget() is kiosk.signs
    assert kiosk.signs.progress.text() == "Signaal 1 van 4"
    assert "band met je baby" in kiosk.signs.sign_text.text()


def test_a_visitor_taps_through_the_signs_and_sees_a_summary_that_does_not_judge(
    make_kiosk: MakeKiosk,
) -> None:
    kiosk = make_kiosk()
    kiosk.take_over()
    click(kiosk.top_bar.signs)
    signs = kiosk.signs
    click(signs.recognised)
    click(signs.next)
    click(signs.recognised)
    click(signs.next)
    assert signs.on_summary()
    assert signs.summary_title.text() == "Herken je iets hiervan? Je bent niet de enige."
    assert "Bespreek je klachten met je huisarts, verloskundige of een psycholoog" in signs.advice.text()
    assert "113" in signs.urgent.text() and signs.urgent.isVisible()


def test_recognising_none_gives_a_kind_line_and_still_where_to_go(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.show_signs()
    for _ in range(4):
        click(kiosk.signs.next)
    signs = kiosk.signs
    assert signs.summary_title.text() == "Fijn dat je even hebt gekeken."
    assert "Bespreek je klachten" not in signs.advice.text()
    assert "huisarts, verloskundige of een psycholoog" in signs.advice.text()
    assert "113" in signs.urgent.text() and signs.urgent.isVisible()


def summary_words(signs: SignsScreen) -> list[str]:
    """Every text on the summary page a bystander could read, except the crisis line (its numbers are
    phone numbers, not a score)."""
    return [
        label.text()
        for label in signs.summary_page.findChildren(QLabel)
        if label.isVisible() and label is not signs.urgent
    ]


def test_no_outcome_shows_a_count_and_every_recognised_outcome_reads_the_same(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    signs = kiosk.signs
    seen: dict[bool, set[tuple[str, ...]]] = {True: set(), False: set()}
    for answers in itertools.product([True, False], repeat=4):  # every combination, 0 to 4 recognised
        kiosk.show_signs()
        for recognised in answers:
            click(signs.recognised if recognised else signs.next)
        assert signs.on_summary(), answers
        words = summary_words(signs)
        assert words and not any(re.search(r"\d", text) for text in words), (answers, words)
        assert not re.search(r"\bvan de\b|\bsignalen\b", " ".join(words)), words  # no "2 van de 4 signalen"
        seen[any(answers)].add(tuple(words))
        click(signs.done)
    assert len(seen[True]) == 1 and len(seen[False]) == 1  # one summary whatever was recognised
    assert seen[True] != seen[False]


def test_not_a_diagnosis_stands_on_the_first_card_before_any_answer_at_body_size(
    make_kiosk: MakeKiosk,
) -> None:
    kiosk = make_kiosk()
    kiosk.show_signs()
    signs = kiosk.signs
    assert kiosk.visit.answers == {} and not signs.on_summary()
    slide = kiosk.content.signs_slide
    assert slide is not None and slide.signs is not None
    assert signs.disclaimer.isVisible()
    assert signs.disclaimer.text() == slide.signs.not_a_diagnosis["nl"]
    assert "geen test en geen diagnose" in signs.disclaimer.text()
    body = signs.advice.font().pixelSize()  # the summary's body text, styled with the same sheet
    assert body > 0 and signs.disclaimer.font().pixelSize() >= body
    assert signs.disclaimer.palette().color(signs.disclaimer.foregroundRole()) != theme.MUTED
    above = signs.disclaimer.mapTo(kiosk, signs.disclaimer.rect().bottomLeft()).y()
    assert above <= signs.sign_text.mapTo(kiosk, signs.sign_text.rect().topLeft()).y()
    assert above <= signs.recognised.mapTo(kiosk, signs.recognised.rect().topLeft()).y()


def test_back_shows_the_previous_card_with_its_answer_and_then_the_slides(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.show_signs()
    signs = kiosk.signs
    click(signs.recognised)
    click(signs.back)
    assert signs.progress.text() == "Signaal 1 van 4"
    assert signs.recognised.text().startswith("✓")
    click(signs.back)
    assert kiosk.pages.currentWidget() is kiosk.loop_page


def test_klaar_wipes_the_answers(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.show_signs()
    for _ in range(4):
        click(kiosk.signs.recognised)
    click(kiosk.signs.done)
    assert kiosk.visit.answers == {} and kiosk.visit.card == 0
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    kiosk.show_signs()
    assert kiosk.signs.progress.text() == "Signaal 1 van 4"
    assert not kiosk.signs.recognised.text().startswith("✓")


def test_idle_reset_forgets_the_answers_and_leaves_the_signs(
    make_kiosk: MakeKiosk, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk()
    kiosk.show_signs()
    click(kiosk.signs.recognised)
    click(kiosk.signs.recognised)
    advance(fake_clock, kiosk.content.site.kiosk.idle_timeout_s)
    assert kiosk.visit.answers == {} and kiosk.visit.card == 0
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    kiosk.show_signs()
    assert kiosk.signs.progress.text() == "Signaal 1 van 4"


def test_answers_are_never_logged(make_kiosk: MakeKiosk, caplog: pytest.LogCaptureFixture) -> None:
    kiosk = make_kiosk()
    caplog.clear()  # what loading the content said (file names like 090-signalen) is not the visitor's
    with caplog.at_level(logging.DEBUG):
        kiosk.show_signs()
        for _ in range(4):
            click(kiosk.signs.recognised)
        click(kiosk.signs.to_contact)
    assert not re.search(r"herken|signa|recogni|answer", caplog.text, re.IGNORECASE)


def test_the_summary_leads_to_contact_and_back(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.show_signs()
    for _ in range(4):
        click(kiosk.signs.next)
    click(kiosk.signs.to_contact)
    assert kiosk.pages.currentWidget() is kiosk.contact
    click(kiosk.contact.back)
    assert kiosk.pages.currentWidget() is kiosk.signs and kiosk.signs.on_summary()


def decoded(kiosk: KioskWindow) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(kiosk.grab().toImage())]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_contact_qr_decodes_to_the_site_address_at_every_size(make_kiosk: MakeKiosk, size: QSize) -> None:
    kiosk = make_kiosk(size=size)
    kiosk.show_contact()
    assert decoded(kiosk) == ["https://example.org/moeders?utm_source=wachtkamer"]
    assert decoded(kiosk) == [qr_payload(kiosk.content.site)]
    # big enough for a phone at arm's length: 8 cm on a 24-inch 1080p screen is 290 px
    assert kiosk.contact.qr.width() >= 290 * min(size.width(), size.height()) / 1080


def test_a_contact_card_qr_carries_name_phone_email_and_web(
    make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    site = content_copy / "site.toml"
    site.write_text(
        site.read_text(encoding="utf-8").replace('kind = "url"', 'kind = "vcard"'), encoding="utf-8"
    )
    kiosk = make_kiosk(content=content_copy)
    kiosk.show_contact()
    (card,) = decoded(kiosk)
    assert card.startswith("BEGIN:VCARD")
    for part in (
        "FN:MindFitPro",
        "TEL;TYPE=WORK,VOICE:020 123 45 67",
        "EMAIL:info@example.org",
        "URL:https://example.org/moeders",
    ):
        assert part in card


@pytest.mark.parametrize("screen", ["signs", "summary", "summary-none", "contact"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_signs_and_contact_screens_fit_without_cutting_text(
    make_kiosk: MakeKiosk, size: QSize, screen: str
) -> None:
    kiosk = make_kiosk(size=size)
    page: ContactScreen | SignsScreen = kiosk.contact if screen == "contact" else kiosk.signs
    if screen == "contact":
        kiosk.show_contact()
    else:
        kiosk.show_signs()
        if screen.startswith("summary"):
            for _ in range(4):
                click(kiosk.signs.next if screen == "summary-none" else kiosk.signs.recognised)
    assert kiosk.size() == size
    assert needed_height(page.outer, size.width()) <= size.height()
    window = kiosk.rect()
    smallest = theme.Metrics.for_size(size).button_px * FIT_SCALES[-1]  # readable from two metres
    for label in page.findChildren(QLabel):
        if label.isVisible() and label.text():
            assert QFontInfo(label.font()).pixelSize() >= smallest - 1, label.text()[:30]
            placed = label.rect().translated(label.mapTo(kiosk, label.rect().topLeft()))
            assert window.contains(placed), (label.text()[:30], placed)
            assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()[:30]


def test_no_contact_qr_when_the_site_sets_no_address(make_kiosk: MakeKiosk, tmp_path: Path) -> None:
    from tests.conftest import FIXTURES

    shutil.copytree(FIXTURES / "broken-site", tmp_path / "c")  # broken settings: no address at all
    kiosk = make_kiosk(content=tmp_path / "c")
    kiosk.show_contact()
    assert not kiosk.contact.qr.isVisible()
    assert decoded(kiosk) == []
