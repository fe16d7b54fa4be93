""" "Lees voor" (issue 15): every visitor screen read aloud in the visit's language, started by a tap, by two
fingers held or by a key; stop, repeat, volume; the loop waits while it reads and, in speech mode, moves on
when the reading ends; the idle reset forgets it all. The engine is Qt's silent mock (tests/conftest.py)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.content import pick
from kiosk.content.editing import ContentEditor
from kiosk.render import theme
from kiosk.render.words import words
from kiosk.services.pin import hash_pin
from kiosk.services.printing import PrintOutcome
from kiosk.services.speech import Speech
from kiosk.ui.gestures import HOLD_MS
from kiosk.ui.window import KioskWindow
from tests.conftest import edit_site
from tests.fake_clock import FakeClock
from tests.ui.conftest import SIZES, advance
from tests.ui.test_sizes_mm import gap_px, on_screen
from tests.ui.test_staff import PIN, open_staff

MakeKiosk = Callable[..., KioskWindow]
LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk")
CRISIS = ("1 1 3", "0 8 0 0, 0 1 1 3", "1 1 2")  # the crisis line's numbers, digit by digit in their groups


def heard(kiosk: KioskWindow) -> list[tuple[str, str]]:
    """What the engine is handed from now on: (text, language)."""
    said: list[tuple[str, str]] = []
    kiosk.read_aloud.speech.said.connect(lambda text, lang: said.append((text, lang)))
    return said


def screen_text(kiosk: KioskWindow) -> str:
    parts = kiosk.read_aloud.screen_parts()
    assert parts, "the screen says nothing"
    assert {lang for _text, lang in parts} == {kiosk.visit.language}  # in the visit's language only
    return " ".join(text for text, _lang in parts)


def said(lang: str, context: str, dutch: str) -> str:
    """The kiosk's own words in `lang`, as the screen shows them (without arrows and ticks)."""
    return words(lang).translate(context, dutch).strip("‹›✓ ")


def engine_finishes(qtbot: QtBot, speech: Speech) -> None:
    """The engine reports it is done, as at the end of a text (the mock takes a tenth of a second a word,
    in real time): told to stop behind the kiosk's back, it says "ready" for the text it was saying."""
    assert speech._process is not None and speech.speaking
    with qtbot.waitSignal(speech.finished, timeout=5000):
        speech._process.write(b'{"stop": 1}\n')


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_visitor_screen_is_read_in_the_visits_language(make_kiosk: MakeKiosk, lang: str) -> None:
    kiosk = make_kiosk()
    kiosk.take_over()
    kiosk.set_language(lang)
    site = kiosk.content.site
    # each slide: its title and its whole text as shown (its caveats with it); the contact slide's details
    for index, slide in enumerate(kiosk.slideshow.slides()):
        kiosk.slideshow.show_index(index, animate=False)
        text = screen_text(kiosk)
        assert pick(slide.title, lang).rstrip("?.!؟") in text, slide.id
        last_line = [line for line in pick(slide.body, lang).splitlines() if line.strip()][-1]
        assert last_line.strip("-* ").rstrip(".")[:30] in text, slide.id
        assert "*" not in text and "#" not in text, slide.id  # no Markdown read out
        if slide.kind == "contact":
            assert "0 2 0, 1 2 3, 4 5, 6 7" in text  # the clinic's phone, in its groups
    # a sign card and its two choices
    kiosk.show_signs()
    signs = kiosk.content.signs_slide
    assert signs is not None and signs.signs is not None
    text = screen_text(kiosk)
    assert pick(signs.signs.signs[0], lang).rstrip(".") in text
    assert pick(signs.signs.not_a_diagnosis, lang)[:30] in text
    assert said(lang, "SignsScreen", "Dit herken ik") in text
    assert said(lang, "SignsScreen", "Volgende ›") in text
    # the summary and the crisis line, its numbers in groups of digits
    for _ in signs.signs.signs:
        kiosk.signs.answer(True)
    text = screen_text(kiosk)
    assert said(lang, "SignsScreen", "Herken je iets hiervan? Je bent niet de enige.").rstrip(".") in text
    assert all(number in text for number in CRISIS)
    # the contact details (the phone in groups of digits), the crisis line, a print outcome
    kiosk.show_contact()
    kiosk._print_finished(PrintOutcome.NO_PAPER)
    text = screen_text(kiosk)
    assert f"{said(lang, 'ContactScreen', 'Telefoon')}: 0 2 0, 1 2 3, 4 5, 6 7" in text
    assert pick(site.clinic.hours, lang) in text
    assert all(number in text for number in CRISIS)
    outcome = "Het papier is op. Scan de QR-code met je telefoon, of vraag een folder aan de balie."
    assert said(lang, "ContactScreen", outcome).rstrip(".") in text
    # the reading-time question and its countdown
    kiosk._ask_if_reading()
    text = screen_text(kiosk)
    assert said(lang, "ReadingQuestion", "Ben je nog aan het lezen?").rstrip("?؟") in text
    assert kiosk.reading.countdown.text().rstrip(".") in text  # the seconds left
    assert said(lang, "ReadingQuestion", "Ja, verder lezen") in text


def test_the_speaker_reads_a_second_tap_stops_and_a_third_reads_again(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    kiosk = make_kiosk()
    kiosk.take_over()
    speech, speaker = kiosk.read_aloud.speech, kiosk.bottom_bar.speech.speak
    finished: list[bool] = []
    speech.finished.connect(lambda: finished.append(True))
    said_now = heard(kiosk)
    assert speaker.isVisible() and speaker.accessibleName() == "Lees voor"
    QTest.mouseClick(speaker, Qt.MouseButton.LeftButton)
    title = pick(kiosk.slideshow.current_slide().title, "nl")  # type: ignore[union-attr]
    assert speech.speaking and said_now[-1][0].startswith(title) and said_now[-1][1] == "nl"
    # the button shows it: on, its name says what a tap does now, and the volume buttons are there
    assert speaker.isChecked() and speaker.accessibleName() == "Stop met voorlezen"
    assert kiosk.bottom_bar.speech.louder.isVisible() and kiosk.bottom_bar.speech.softer.isVisible()
    QTest.mouseClick(speaker, Qt.MouseButton.LeftButton)
    assert not speech.speaking and not speaker.isChecked() and speaker.accessibleName() == "Lees voor"
    assert not kiosk.bottom_bar.speech.louder.isVisible()
    QTest.mouseClick(speaker, Qt.MouseButton.LeftButton)  # repeat: the same words again
    assert speech.speaking and said_now[-1] == said_now[0]
    engine_finishes(qtbot, speech)
    assert finished == [True]  # the stop by a tap is not an end of the reading
    assert not speaker.isChecked()


def test_the_speaker_stands_on_the_signs_and_contact_screens_too(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    said_now = heard(kiosk)
    for go, controls in ((kiosk.show_signs, 1), (kiosk.show_contact, 2)):
        go()
        speaker = kiosk.read_aloud.controls[controls].speak
        assert speaker.isVisible()
        QTest.mouseClick(speaker, Qt.MouseButton.LeftButton)
        assert kiosk.read_aloud.speech.speaking
        QTest.mouseClick(speaker, Qt.MouseButton.LeftButton)
    assert "Signaal 1 van 4" in said_now[0][0] and "0 2 0, 1 2 3" in said_now[1][0]


def test_paging_stops_a_reading_of_the_old_slide(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.take_over()
    kiosk.read_aloud.toggle()
    assert kiosk.read_aloud.speech.speaking
    QTest.mouseClick(kiosk.bottom_bar.next, Qt.MouseButton.LeftButton)
    assert not kiosk.read_aloud.speech.speaking


def test_no_speaker_in_a_language_without_a_voice(make_kiosk: MakeKiosk, qtbot: QtBot) -> None:
    kiosk = make_kiosk()
    kiosk.take_over()
    speech = kiosk.read_aloud.speech
    speech._locales = {"nl": "nl_NL", "en": "en_GB"}  # a machine with two voices
    kiosk.set_language("ar")
    assert not kiosk.bottom_bar.speech.isVisible()
    assert not speech.say("مرحبا", "ar") and not speech.speaking
    kiosk.show_contact()
    assert not kiosk.read_aloud.controls[2].isVisible()
    kiosk.set_language("en")
    assert kiosk.read_aloud.controls[2].isVisible()
    assert kiosk.read_aloud.status_nl() == (
        "in het Nederlands en Engels; geen stem voor het Turks, Arabisch, Pools en Oekraïens, "
        "dus daar geen knop Lees voor"
    )


def test_volume_by_buttons_and_keys_within_bounds(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.take_over()
    speech, controls = kiosk.read_aloud.speech, kiosk.bottom_bar.speech
    assert speech.volume == pytest.approx(0.7)  # the site's default
    kiosk.read_aloud.toggle()
    QTest.mouseClick(controls.louder, Qt.MouseButton.LeftButton)
    assert speech.volume == pytest.approx(0.8) and kiosk.visit.volume == pytest.approx(0.8)
    QTest.keyClick(kiosk, Qt.Key.Key_Minus)
    QTest.keyClick(kiosk, Qt.Key.Key_VolumeDown)
    assert speech.volume == pytest.approx(0.6)
    for _ in range(12):
        QTest.keyClick(kiosk, Qt.Key.Key_VolumeUp)
    assert speech.volume == 1.0
    for _ in range(12):
        QTest.mouseClick(controls.softer, Qt.MouseButton.LeftButton)
    assert speech.volume == pytest.approx(0.1)  # never silent by accident


def test_the_idle_reset_ends_speech_mode_and_the_volume(make_kiosk: MakeKiosk, fake_clock: FakeClock) -> None:
    kiosk = make_kiosk()
    speech = kiosk.read_aloud.speech
    QTest.keyClick(kiosk, Qt.Key.Key_F1)
    QTest.keyClick(kiosk, Qt.Key.Key_Plus)
    assert kiosk.visit.speech_mode and speech.speaking and speech.volume == pytest.approx(0.8)
    kiosk.reset_to_loop()  # "Klaar", or the idle reset: speech stops at once
    assert not speech.speaking and not kiosk.visit.speech_mode and speech.volume == pytest.approx(0.7)
    assert kiosk.slideshow.is_playing()
    # a visitor who walks away while it reads: the reading ends (here the engine never says so: its
    # guard ends it), the idle watch counts from there, and the reset forgets the visit
    QTest.keyClick(kiosk, Qt.Key.Key_F1)
    QTest.keyClick(kiosk, Qt.Key.Key_Plus)
    advance(fake_clock, 400)
    assert not speech.speaking and not kiosk.visit.taken_over and not kiosk.visit.speech_mode
    assert speech.volume == pytest.approx(0.7) and kiosk.slideshow.is_playing()


def test_the_loop_waits_while_it_reads_and_speech_mode_moves_on_when_it_ends(
    make_kiosk: MakeKiosk, fake_clock: FakeClock, qtbot: QtBot
) -> None:
    kiosk = make_kiosk()
    speech, show = kiosk.read_aloud.speech, kiosk.slideshow
    said_now = heard(kiosk)
    QTest.keyClick(kiosk, Qt.Key.Key_F1)
    assert said_now[0][0].startswith("Voorlezen staat aan")  # first how to use it ...
    assert pick(show.slides()[0].title, "nl") in said_now[0][0]  # ... then the slide
    advance(fake_clock, kiosk.content.site.kiosk.idle_timeout_s + 10)  # past the slide's time and the idle
    # timeout: the loop and the idle watch wait for the reading
    assert show.index() == 0 and kiosk.visit.taken_over and not kiosk.reading.isVisible()
    engine_finishes(qtbot, speech)
    assert show.index() == 1 and speech.speaking
    assert said_now[-1][0].startswith(pick(show.slides()[1].title, "nl"))
    # without speech mode, the end of a reading does not page
    QTest.keyClick(kiosk, Qt.Key.Key_F1)
    engine_finishes(qtbot, speech)  # "Voorlezen staat uit."
    assert said_now[-1][0] == "Voorlezen staat uit." and show.index() == 1
    kiosk.read_aloud.toggle()
    engine_finishes(qtbot, speech)
    assert show.index() == 1


def test_two_fingers_held_two_seconds_start_speech_mode(make_kiosk: MakeKiosk, fake_clock: FakeClock) -> None:
    kiosk = make_kiosk()
    said_now = heard(kiosk)
    device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    one, two = QPoint(600, 500), QPoint(900, 520)
    QTest.touchEvent(kiosk, device).press(0, one, kiosk).press(1, two, kiosk).commit()
    advance(fake_clock, HOLD_MS / 1000 - 0.5)
    QTest.touchEvent(kiosk, device).release(0, one, kiosk).release(1, two, kiosk).commit()
    advance(fake_clock, 2)
    assert not kiosk.visit.speech_mode  # let go too soon
    QTest.touchEvent(kiosk, device).press(0, one, kiosk).press(1, two, kiosk).commit()
    advance(fake_clock, HOLD_MS / 1000)
    assert kiosk.visit.speech_mode and said_now[0][0].startswith("Voorlezen staat aan")
    assert "F1" in said_now[0][0] and "twee vingers" in said_now[0][0]  # how to use it: keys and taps
    QTest.touchEvent(kiosk, device).release(0, one, kiosk).release(1, two, kiosk).commit()


def test_speech_mode_starts_in_the_current_language_and_says_the_focused_control(
    make_kiosk: MakeKiosk,
) -> None:
    kiosk = make_kiosk()
    kiosk.take_over()
    kiosk.set_language("pl")
    said_now = heard(kiosk)
    QTest.keyClick(kiosk, Qt.Key.Key_Help)
    assert said_now[0] == (said_now[0][0], "pl")
    assert said_now[0][0].startswith(said("pl", "ReadAloud", "Voorlezen staat aan: ik lees elk scherm voor."))
    kiosk.activateWindow()
    QApplication.processEvents()  # the window is active: focus changes are the application's now
    for _ in range(2):  # the keypad moves the focus on: each control it lands on says its name
        before = kiosk.focusWidget()
        QTest.keyClick(before or kiosk, Qt.Key.Key_Tab)
        focused = kiosk.focusWidget()
        assert focused is not None and focused is not before
        assert said_now[-1] == (focused.accessibleName(), "pl") and focused.accessibleName()


def test_with_headphones_only_speech_mode_first_asks_for_them_and_starts_quieter(
    make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    kiosk = make_kiosk(content=edit_site(content_copy, "loudspeaker = true", "loudspeaker = false"))
    said_now = heard(kiosk)
    assert kiosk.read_aloud.speech.volume == pytest.approx(0.4)
    QTest.keyClick(kiosk, Qt.Key.Key_F1)
    assert said_now[0][0].startswith("Steek eerst je koptelefoon in de koptelefoonaansluiting")


def test_speech_turned_off_offers_no_speaker_and_no_speech_mode(
    make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    # only the first "enabled": [speech], not [stats]
    kiosk = make_kiosk(content=edit_site(content_copy, "enabled = true", "enabled = false", 1))
    kiosk.take_over()
    QTest.keyClick(kiosk, Qt.Key.Key_F1)
    assert not kiosk.bottom_bar.speech.isVisible() and not kiosk.visit.speech_mode
    assert kiosk.read_aloud.status_nl() == "staat uit"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_while_it_reads_every_bar_button_is_15_mm_with_2_mm_between(
    make_kiosk: MakeKiosk, size: QSize
) -> None:
    kiosk = make_kiosk(size=size)
    kiosk.take_over()
    mm = kiosk.look().mm_per_px
    for lang, large in itertools.product(("nl", "uk"), (False, True)):
        kiosk.set_language(lang)
        kiosk.set_large_text(large)
        for page in (kiosk.show_slides, kiosk.show_signs, kiosk.show_contact):
            page()
            kiosk.read_aloud.toggle()
            QApplication.processEvents()  # the bar makes room for the volume buttons
            buttons = [b for b in kiosk.findChildren(QPushButton) if b.isVisible()]
            assert any(b.objectName() == "louder" for b in buttons), (lang, large)
            rects = [on_screen(b, kiosk) for b in buttons]
            for button, rect in zip(buttons, rects, strict=True):
                assert kiosk.rect().contains(rect), (lang, button.objectName())
                assert rect.width() * mm >= theme.TARGET_MM and rect.height() * mm >= theme.TARGET_MM
                assert button.sizeHint().width() <= rect.width() + 1, (
                    lang,
                    button.objectName(),
                )  # not squeezed
            for (a, ra), (b, rb) in itertools.combinations(zip(buttons, rects, strict=True), 2):
                assert gap_px(ra, rb) * mm >= theme.TARGET_GAP_MM, (lang, a.objectName(), b.objectName())
            kiosk.read_aloud.speech.stop()


def test_staff_status_says_which_languages_can_be_read_aloud(
    make_kiosk: MakeKiosk, content_copy: Path, fake_clock: FakeClock
) -> None:
    assert ContentEditor(content_copy).save_site({"staff.pin_hash": hash_pin(PIN)}).saved
    kiosk = make_kiosk(content=content_copy)
    open_staff(kiosk, fake_clock)
    facts = kiosk.staff.screen.status.facts.text()
    assert "Voorlezen: in het Nederlands, Engels, Turks, Arabisch, Pools en Oekraïens" in facts
