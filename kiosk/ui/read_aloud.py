""" "Lees voor" in the kiosk: the speaker buttons, speech mode, the volume, and what each screen says.

A visitor taps the speaker (beside the language button; in the header of the signs and contact screens)
and hears the screen in the visit's language; a second tap stops it. Speech mode, for a visitor who cannot
see the screen, starts without sight: two fingers held anywhere for 2 seconds, or F1 (the Help key of a
USB audio keypad). It first says how to use it, then reads every screen as it comes, advances through the
slides when a reading ends, and says the name of each control the keyboard moves to. + and − (and a
keyboard's volume keys) change the volume. Speech, speech mode and the volume belong to the `Visit`: the
idle reset forgets them.

While speaking, the idle watch waits (a reading is the visitor's time, not silence); it counts again from
the end of the reading.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.content.staff_messages import LANGUAGES_NL
from kiosk.services.speech import Speech
from kiosk.services.spoken import Part, merged, read_numbers, sentences, slide_parts
from kiosk.ui.controls import SpeechControls
from kiosk.ui.gestures import HOLD_SLOP_MM, TwoFingerHold

if TYPE_CHECKING:
    from kiosk.ui.kiosk_parts import Kiosk

log = logging.getLogger(__name__)
SPEECH_MODE_KEYS = {Qt.Key.Key_F1, Qt.Key.Key_Help}  # what USB audio keypads send for their Help key
LOUDER_KEYS = {Qt.Key.Key_Plus, Qt.Key.Key_VolumeUp}
SOFTER_KEYS = {Qt.Key.Key_Minus, Qt.Key.Key_VolumeDown}
PREPARE_AFTER_MS = 2000  # after the first slide: the engine's thread starts while nobody waits for it


class ReadAloud(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = kiosk = cast("Kiosk", window)  # the kiosk window, by the parts this works on
        self.speech = Speech(kiosk.clock, kiosk.content.site.speech, self)
        self.controls = [kiosk.bottom_bar.speech]  # and, once built, the signs' and contact's headers'
        self._connect(kiosk.bottom_bar.speech)
        self.speech.speaking_changed.connect(self._speaking_changed)
        self.speech.finished.connect(self._reading_ended)
        self.speech.voices_found.connect(self._voices_found)
        self.speech.volume_changed.connect(self._volume_changed)
        kiosk.visitor_took_over.connect(self.speech.prepare)
        kiosk.returned_to_loop.connect(self._new_visit)
        kiosk.store.content_changed.connect(self._content_changed)
        kiosk.staff.pad_opened.connect(self.speech.stop)
        kiosk.slideshow.slide_changed.connect(self._screen_changed)
        kiosk.pages.currentChanged.connect(self._screen_changed)
        if kiosk.screens_ready():
            self._attach()
        else:
            kiosk.screens_built.connect(self._attach)  # the signs, contact and language screens come later
        kiosk.idle.about_to_time_out.connect(self._question_shown)
        if kiosk.printer is not None:
            kiosk.printer.print_finished.connect(self._print_finished)
        kiosk.staff.speech_status = self.status_nl
        self.hold = TwoFingerHold(window, kiosk.clock, HOLD_SLOP_MM / kiosk.look().mm_per_px)
        self.hold.held.connect(self.toggle_speech_mode)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            app.installEventFilter(self)
        self._show_state()

    def _connect(self, controls: SpeechControls) -> None:
        controls.speak_requested.connect(self.toggle)
        controls.louder_requested.connect(self.speech.louder)
        controls.softer_requested.connect(self.speech.softer)

    def _attach(self) -> None:
        """The speaker in the header of the signs and contact screens, once the window has built them."""
        window = self.window
        for header in (window.signs.header, window.contact.header):
            controls = SpeechControls()
            self._connect(controls)
            header.addWidget(controls)
            self.controls.append(controls)
        window.language_menu.chosen.connect(self._language_chosen)
        signs = window.signs
        for button in (signs.recognised, signs.next, signs.back, signs.done):
            button.clicked.connect(self._screen_changed)
        self._show_state()

    # -- the visitor's taps and keys -----------------------------------------------------------
    def toggle(self) -> None:
        """The speaker button: read this screen aloud, or stop."""
        if self.speech.speaking:
            self.speech.stop()
        else:
            self.window.take_over()
            self.read_screen()

    def toggle_speech_mode(self) -> None:
        """Two fingers held, or F1: speech mode on (first how to use it, then this screen), or off."""
        if self.window.staff.active:
            return
        visit = self.window.visit
        self.window.take_over()
        self.speech.prepare()
        if visit.speech_mode:
            visit.speech_mode = False
            self.speech.say(self.tr("Voorlezen staat uit."), visit.language)
        elif self.speech.has_voice(visit.language):
            visit.speech_mode = True
            log.debug("speech mode on")  # no more: nothing about a visitor goes in the log
            self.speech.say_parts(merged([(self.how_to_use(), visit.language), *self.screen_parts()]))
        self._show_state()

    def how_to_use(self) -> str:
        """Speech mode's first words, in the visit's language: how to use it with keys and taps."""
        words = [
            self.tr("Voorlezen staat aan: ik lees elk scherm voor."),
            self.tr(
                "Met Tab of de pijltjestoetsen ga je naar een knop, en ik noem hem; Enter kiest hem. "
                "Op het scherm tik je zoals altijd."
            ),
            self.tr("Plus en min maken het voorlezen harder of zachter."),
            self.tr("F1, of twee vingers twee tellen op het scherm, zet het voorlezen uit."),
        ]
        if not self.window.content.site.speech.loudspeaker:
            words.insert(0, self.tr("Steek eerst je koptelefoon in de koptelefoonaansluiting van de kiosk."))
        return " ".join(words)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """F1/Help: speech mode; + and − (and volume keys): the volume, once a visitor is here. Not in staff
        mode (staff type "-" in a text). And the speaker buttons follow the language installed."""
        if event.type() == QEvent.Type.LanguageChange and watched is self.window:
            self._show_state()  # "Lees voor" only where this language has a voice
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or event.isAutoRepeat():
            return False
        if (
            self.window.staff.active
            or not isinstance(watched, QWidget)
            or watched.window() is not self.window
        ):
            return False
        key = event.key()
        if key in SPEECH_MODE_KEYS:
            self.toggle_speech_mode()
            return True
        if self.window.visit.taken_over and key in LOUDER_KEYS | SOFTER_KEYS:
            (self.speech.louder if key in LOUDER_KEYS else self.speech.softer)()
            return True
        return False

    # -- what each screen says -----------------------------------------------------------------
    def read_screen(self) -> bool:
        return self.speech.say_parts(merged(self.screen_parts()))

    def screen_parts(self) -> list[Part]:
        """What the screen in front of the visitor says, in the words it shows, in the visit's language."""
        window, lang = self.window, self.window.visit.language
        if window.reading.isVisible():
            question = window.reading
            return [
                (sentences(question.question.text(), question.countdown.text(), question.yes.text()), lang)
            ]
        page = window.pages.currentWidget()
        if page is window.loop_page:
            slide = window.slideshow.current_slide()
            return slide_parts(slide, lang, window.content.site) if slide is not None else []
        if page is window.signs:
            return [(self._signs_text(), lang)]
        if page is window.contact:
            return [(self._contact_text(), lang)]
        if page in (window.closed, window.out_of_service):
            notice = window.closed if page is window.closed else window.out_of_service
            return [(sentences(notice.title, notice.detail, read_numbers(notice.urgent)), lang)]
        return []

    def _signs_text(self) -> str:
        """A card and its two choices; or the summary, all its advice (on every page of it in large text), the
        crisis line and where to go next."""
        signs = self.window.signs
        if signs.on_summary():
            return sentences(
                signs.summary_title.text(),
                "\n".join(signs.advice_lines),
                read_numbers(signs.urgent.text()),
                signs.to_contact.accessibleName(),
                signs.done.accessibleName(),
            )
        return sentences(
            signs.progress.text(),
            _shown(signs.disclaimer),
            signs.sign_text.text(),
            signs.recognised.accessibleName(),
            signs.next.accessibleName(),
        )

    def _contact_text(self) -> str:
        """The clinic, how to reach it (numbers digit by digit), the crisis line and the print status: the
        whole screen, on whichever of its pages (large text) the visitor is; an empty text says nothing."""
        contact = self.window.contact
        return sentences(
            contact.name.text(),
            contact.offer.text(),
            read_numbers(contact.details.text()),
            contact.hours.text(),
            read_numbers(contact.urgent.text()),
            contact.status.text(),
        )

    # -- following the visit -------------------------------------------------------------------
    def _screen_changed(self) -> None:
        """Another slide, card or screen: speech mode reads it; a reading of the old one stops."""
        if self.window.visit.speech_mode:
            self.read_screen()
        elif self.speech.speaking:
            self.speech.stop()

    def _reading_ended(self) -> None:
        """Speech mode: on to the next slide (which is then read), up to the last."""
        window = self.window
        show = window.slideshow
        on_slides = window.pages.currentWidget() is window.loop_page and not window.reading.isVisible()
        if window.visit.speech_mode and on_slides and show.index() < len(show.slides()) - 1:
            show.next()

    def _question_shown(self) -> None:
        if self.window.visit.speech_mode and self.window.reading.isVisible():
            self.read_screen()

    def _print_finished(self) -> None:
        if self.window.visit.speech_mode and self.window.contact.status.text():
            self.speech.say(sentences(self.window.contact.status.text()), self.window.visit.language)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Speech mode: the control the keyboard moved to says its name."""
        if new is not None and self.window.visit.speech_mode and new.window() is self.window:
            name = new.accessibleName() or (new.text() if isinstance(new, QLabel) else "")
            if name:
                self.speech.say(name, self.window.visit.language)

    def _speaking_changed(self, speaking: bool) -> None:
        """The idle watch waits while a reading goes on, and counts again from its end; but not for the
        reading-time question: its countdown runs on while it is read out, or nobody would be reset."""
        window = self.window
        if not window.reading.isVisible():
            if speaking:
                window.idle.stop()
            elif window.visit.taken_over:
                window.idle.start()
        self._show_state()

    def _volume_changed(self, volume: float) -> None:
        self.window.visit.volume = volume

    def _new_visit(self) -> None:
        """The idle reset (or staff mode's end): silence, speech mode off, the site's volume."""
        self.speech.reset()
        self._show_state()

    def _language_chosen(self, _lang: str) -> None:
        self._screen_changed()  # speech mode: the screen again, in the language chosen

    def _content_changed(self) -> None:
        self.speech.set_settings(self.window.content.site.speech)
        self._show_state()

    def prepare_soon(self) -> None:
        """The first slide is on screen: the engine is asked for a moment later, before anyone taps."""
        self.window.clock.single_shot(PREPARE_AFTER_MS, self, self.speech.prepare)

    def _voices_found(self) -> None:
        offered = self.window.languages()
        log.info("%s", self.speech.voices_line(offered))
        self._show_state()

    def _show_state(self) -> None:
        """Every speaker button: offered in a language with a voice; speaking or not; the volume buttons
        while it speaks or in speech mode."""
        visit = self.window.visit
        offered = self.speech.has_voice(visit.language)
        self.window.bottom_bar.offer_speech(offered)
        for controls in self.controls[1:]:
            controls.setVisible(offered)
        for controls in self.controls:
            controls.show_state(self.speech.speaking, self.speech.speaking or visit.speech_mode)
        self.window.bottom_bar.arrange()

    def status_nl(self) -> str:
        """For staff status: which offered languages can be read aloud here."""
        return self.speech.status_nl(self.window.languages(), LANGUAGES_NL)


def _shown(label: QLabel) -> str:
    """A label's words when the screen shows it (an empty offer or print status is hidden)."""
    return "" if label.isHidden() else label.text()
