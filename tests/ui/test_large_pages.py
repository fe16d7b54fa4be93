"""Large text on the contact screen and the signs summary (issue 14): when the visitor's "A+" text (capitals
of 9 mm) does not fit one screen, the screen goes on in pages, as a long slide goes on in a second part:
"(1/2)" and "Volgende ›" in the header, "‹ Terug" one page back. The crisis line is on the first page;
every word is on some page, once; nothing is cut off; keys, Lees voor, Arabic and the idle reset still work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk import selftest
from kiosk.content.qr import qr_payload
from kiosk.render import theme
from kiosk.services.printing import PrintOutcome
from kiosk.ui.contact import ContactScreen
from kiosk.ui.signs import SignsScreen
from kiosk.ui.widgets import FittedScreen, needed_height
from kiosk.ui.window import KioskWindow
from tests.conftest import edit_site
from tests.fake_clock import FakeClock
from tests.ui.conftest import SIZES, advance
from tests.ui.test_keys import K, activate, press, ring_on, tab_to
from tests.ui.test_read_aloud import CRISIS, screen_text
from tests.ui.test_sizes_mm import cap_mm, on_screen

MakeKiosk = Callable[..., KioskWindow]
LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk")
SCREENS = ("contact", "summary", "summary-none")  # the summary when something was recognised, and not
SMALL_PRINT = ("muted", "hint", "invite")  # captions and "(1/2)": the normal floor, as on every screen
ids = lambda s: f"{s.width()}x{s.height()}"  # noqa: E731


def click(button: QWidget) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


Screen = ContactScreen | SignsScreen


def open_screen(kiosk: KioskWindow, screen: str, lang: str, large: bool = True) -> Screen:
    """A new visitor in `lang` (with large text) opens `screen` the way they would."""
    kiosk.reset_to_loop()
    kiosk.take_over()
    kiosk.set_language(lang)
    kiosk.set_large_text(large)
    if screen == "contact":
        kiosk.show_contact()
        QApplication.processEvents()
        return kiosk.contact
    kiosk.show_signs()
    while not kiosk.signs.on_summary():
        click(kiosk.signs.recognised if screen == "summary" else kiosk.signs.next)
    return kiosk.signs


def each_page(screen: FittedScreen) -> Iterator[int]:
    """The pages in turn, as the visitor goes on with "Volgende" (their number, 0 the first)."""
    yield screen.page
    while screen.more.isVisible():
        click(screen.more)
        yield screen.page


def shown(widget: QWidget) -> list[QWidget]:
    return [w for w in widget.findChildren(QWidget) if w.isVisible()]


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_large_text_goes_on_in_pages_at_9_mm_with_every_word_once_and_nothing_cut_off(
    make_kiosk: MakeKiosk, size: QSize, large: bool
) -> None:
    kiosk = make_kiosk(size=size)
    mm, window = kiosk.look().mm_per_px, kiosk.rect()
    site = kiosk.content.site
    paged = set()
    for lang, name in ((lang, name) for lang in LANGUAGES for name in SCREENS):
        screen = open_screen(kiosk, name, lang, large)
        where = (lang, name)
        assert screen.page == 0, where
        count = len(screen.parts)
        seen: list[QWidget] = []
        advice: list[str] = []
        for number in each_page(screen):
            at = (*where, number)
            assert needed_height(screen.outer, size.width()) <= size.height(), at
            assert screen.position.text() == (f"({number + 1}/{count})" if count > 1 else ""), at
            assert screen.more.isVisible() == (number < count - 1), at
            for widget in shown(screen):
                assert window.contains(on_screen(widget, kiosk)), (*at, widget.objectName())
            for label in (w for w in shown(screen) if isinstance(w, QLabel) and w.text()):
                assert label.height() >= label.heightForWidth(label.width()) - 1, (*at, label.text()[:30])
                floor = theme.LARGE_CAP_MM if large and label.property("role") not in SMALL_PRINT else 0
                assert cap_mm(label.font(), mm) >= max(floor, theme.BODY_CAP_MM) - 0.05, (*at, label.text())
            if number == 0:  # the crisis line, whole, on the first page the visitor sees
                assert screen.urgent.isVisible() and screen.urgent.text() == site.urgent.line(lang), at
            seen += shown(screen)
            advice += [kiosk.signs.advice.text()] if name != "contact" else []
        if count > 1:
            paged.add(where)
        if name == "contact":  # each of the screen's parts on one page, not two
            contact = kiosk.contact
            for part in (contact.details, contact.hours, contact.offer, contact.qr, contact.print):
                assert seen.count(part) == 1, (where, type(part).__name__, part.objectName())
        else:
            assert "\n".join(advice) == "\n".join(kiosk.signs.advice_lines), where
            assert seen.count(kiosk.signs.to_contact) == seen.count(kiosk.signs.done) == 1, where
            assert kiosk.signs.to_contact.isVisible()  # where to go next: on the last page
    if not large:
        assert paged == set()  # normal text: one page, as before
    else:  # what did not fit before (13-32 % too tall) now goes on in pages
        assert {("ar", "contact"), ("pl", "contact"), ("uk", "contact"), ("tr", "contact")} <= paged


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_the_crisis_line_stands_whole_on_the_first_page_of_every_paged_screen(
    make_kiosk: MakeKiosk, size: QSize
) -> None:
    kiosk = make_kiosk(size=size)
    for lang, name in ((lang, name) for lang in ("ar", "pl", "uk") for name in ("contact", "summary")):
        screen = open_screen(kiosk, name, lang)
        urgent = screen.urgent
        assert screen.page == 0 and urgent.isVisible(), (lang, name, len(screen.parts))
        assert kiosk.rect().contains(on_screen(urgent, kiosk)), (lang, name)
        assert urgent.height() >= urgent.heightForWidth(urgent.width()) - 1, (lang, name)
        assert urgent.text() == kiosk.content.site.urgent.line(lang)


def decoded(kiosk: KioskWindow) -> list[str]:
    image = kiosk.grab().toImage()
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


def test_volgende_and_terug_page_through_and_back_out_and_the_qr_still_reads(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(size=QSize(1280, 800))
    open_screen(kiosk, "contact", "pl")
    contact = kiosk.contact
    assert contact.parts == [range(0, 2), range(2, 4)]  # reach and hours; the offer and the way home
    assert contact.details.isVisible() and not contact.qr.isVisible() and decoded(kiosk) == []
    click(contact.more)
    assert contact.page == 1 and contact.position.text() == "(2/2)" and not contact.more.isVisible()
    assert contact.qr.isVisible() and contact.print.isVisible() and not contact.urgent.isVisible()
    assert decoded(kiosk) == [qr_payload(kiosk.content.site)]
    compact = theme.Metrics.for_size(kiosk.size(), kiosk.look()).px(300)
    assert contact.qr.width() > compact  # its page has room: larger than beside the text with large text
    click(contact.back)  # one page back
    assert contact.page == 0 and contact.urgent.isVisible() and kiosk.pages.currentWidget() is contact
    click(contact.back)  # then where it was opened from
    assert kiosk.pages.currentWidget() is kiosk.loop_page

    open_screen(kiosk, "summary", "ar")
    signs = kiosk.signs
    assert len(signs.parts) == 2 and not signs.to_contact.isVisible()
    click(signs.more)
    assert signs.to_contact.isVisible() and signs.done.isVisible() and not signs.urgent.isVisible()
    click(signs.back)
    assert signs.on_summary() and signs.page == 0 and signs.urgent.isVisible()
    click(signs.back)  # the last card, with its answer
    assert not signs.on_summary() and kiosk.visit.card == 3  # of four
    click(signs.recognised)
    assert signs.on_summary() and signs.page == 0  # the summary opens on its first page again


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_a_print_outcome_stays_in_view_even_when_it_takes_the_screen_into_pages(
    make_kiosk: MakeKiosk, size: QSize
) -> None:
    """The longest outcome, on the page with the print button the visitor just pressed; on a screen that
    fitted whole until then too (it goes on in pages, the visitor on the one with the outcome)."""
    kiosk = make_kiosk(size=size)
    for lang in ("nl", "pl", "ar"):
        open_screen(kiosk, "contact", lang)
        contact = kiosk.contact
        for _ in each_page(contact):
            pass
        kiosk._print_finished(PrintOutcome.NO_PAPER)
        QApplication.processEvents()
        status = contact.status
        assert status.isVisible() and contact.print.isVisible() and contact.qr.isVisible(), lang
        assert kiosk.rect().contains(on_screen(status, kiosk)), lang
        assert status.height() >= status.heightForWidth(status.width()) - 1, lang
        assert needed_height(contact.outer, size.width()) <= size.height(), lang
        assert contact.page == len(contact.parts) - 1, lang


def test_keys_page_on_and_back_mirrored_in_arabic(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(size=QSize(1280, 800))
    open_screen(kiosk, "contact", "pl")
    contact = kiosk.contact
    press(kiosk, K.Key_Tab)
    assert ring_on(kiosk) is contact.more  # the screen's main thing to do on this page
    press(kiosk, K.Key_Return)
    assert contact.page == 1
    assert ring_on(kiosk) is contact.print  # the focus on a control the visitor sees
    press(kiosk, K.Key_Escape)  # one step back: the first page
    assert contact.page == 0 and kiosk.pages.currentWidget() is contact
    press(kiosk, K.Key_Escape)
    assert kiosk.pages.currentWidget() is kiosk.loop_page

    open_screen(kiosk, "contact", "ar")
    assert on_screen(contact.more, kiosk).right() < on_screen(contact.back, kiosk).left()  # "next" lies left
    tab_to(kiosk, contact.back)
    press(kiosk, K.Key_Left)  # right to left: the next control in reading order lies to the left
    assert ring_on(kiosk) is contact.more
    press(kiosk, K.Key_Return)
    assert contact.page == 1
    activate(kiosk, contact.back)
    assert contact.page == 0


def test_a_new_visit_and_a_screen_opened_again_start_on_the_first_page(
    make_kiosk: MakeKiosk, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(size=QSize(1920, 1080))
    contact = open_screen(kiosk, "contact", "uk")
    click(contact.more)
    assert contact.page == 1
    kiosk.show_slides()
    kiosk.show_contact()  # opened again: the crisis line first
    assert contact.page == 0 and contact.urgent.isVisible()
    click(contact.more)
    advance(fake_clock, kiosk.content.site.kiosk.idle_timeout_s)  # nobody there: the idle reset
    assert kiosk.pages.currentWidget() is kiosk.loop_page and not kiosk.visit.large_text
    kiosk.take_over()
    kiosk.set_language("uk")
    kiosk.set_large_text(True)
    kiosk.show_contact()
    assert contact.page == 0 and contact.urgent.isVisible() and contact.position.text() == "(1/2)"


@pytest.mark.parametrize("name", ["contact", "summary"])
def test_lees_voor_reads_the_whole_screen_on_any_of_its_pages(make_kiosk: MakeKiosk, name: str) -> None:
    kiosk = make_kiosk(size=QSize(1920, 1080))
    screen = open_screen(kiosk, name, "pl")
    first = screen_text(kiosk)
    click(screen.more)
    assert screen.page == 1 and screen_text(kiosk) == first
    assert all(number in first for number in CRISIS)  # the crisis line, off this page, is still read
    if name == "contact":
        assert "0 2 0, 1 2 3, 4 5, 6 7" in first and kiosk.contact.hours.text() in first
    else:
        assert all(line.strip("• ") in first for line in kiosk.signs.advice_lines)


@pytest.mark.parametrize("times", [4, 40], ids=["long", "endless"])
def test_a_long_offer_takes_a_page_of_its_own_and_an_endless_one_is_shown_at_normal_size(
    make_kiosk: MakeKiosk, content_copy: Path, times: int
) -> None:
    """Staff may write more than fits: a page for it at 9 mm when it fits one, else normal text (in pages
    too); the crisis line first either way, nothing cut off, no crash."""
    offer = "Individueel of samen met je kind."
    edit_site(content_copy, offer, " ".join([offer] * times), 1)
    size = QSize(1280, 800)
    kiosk = make_kiosk(content=content_copy, size=size)
    open_screen(kiosk, "contact", "nl")
    contact = kiosk.contact
    assert contact.urgent.isVisible() and contact.page == 0
    pages = len(contact.parts)
    for _ in each_page(contact):
        for label in (w for w in shown(contact) if isinstance(w, QLabel) and w.text()):
            assert kiosk.rect().contains(on_screen(label, kiosk)), label.text()[:30]
            assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()[:30]
        assert needed_height(contact.outer, size.width()) <= size.height()
    large = theme.Metrics.for_size(size, kiosk.look()).min_body_px
    if times == 4:
        assert pages > 1 and contact.offer.font().pixelSize() >= large
    else:  # no page holds it at 9 mm: the large text given up for this screen, normal text in pages
        assert pages > 1 and contact.offer.font().pixelSize() < large


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_on_a_small_screen_the_first_page_may_hold_the_crisis_line_alone(
    make_kiosk: MakeKiosk, content_copy: Path, lang: str
) -> None:
    """A 15-inch screen: the crisis line leaves no room for the clinic's details beside it (in Arabic not
    even at normal size). It stands alone on the first page, the rest follows; nothing is cut off."""
    edit_site(content_copy, "screen_inches = 24", "screen_inches = 15")
    size = QSize(1280, 800)
    kiosk = make_kiosk(content=content_copy, size=size)
    open_screen(kiosk, "contact", lang)
    contact = kiosk.contact
    assert contact.urgent.isVisible() and not contact.details.isVisible() and contact.more.isVisible()
    seen: list[QWidget] = []
    for _ in each_page(contact):
        assert needed_height(contact.outer, size.width()) <= size.height()
        for label in (w for w in shown(contact) if isinstance(w, QLabel) and w.text()):
            assert kiosk.rect().contains(on_screen(label, kiosk)), label.text()[:30]
            assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()[:30]
        seen += shown(contact)
    assert seen.count(contact.details) == seen.count(contact.qr) == seen.count(contact.urgent) == 1


def test_the_selftest_pages_on_to_the_contact_qr_on_a_small_screen(
    make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    kiosk = make_kiosk(content=edit_site(content_copy, "screen_inches = 24", "screen_inches = 15"))
    assert selftest._contact_qr(kiosk) == []
    assert len(kiosk.contact.parts) > 1 and kiosk.contact.qr.isVisible()  # it was on a later page
