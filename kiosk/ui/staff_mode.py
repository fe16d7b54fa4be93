"""Staff mode from door to desk: corner hold → PIN pad → staff screen, and what staff's actions do.

It knows the content store (saves go there, and "saved" is said only once the store shows the change),
the kiosk's clock and idle watch, and the window's stack of pages; it does not know the window.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedLayout, QWidget

from kiosk import __version__
from kiosk.content import Content
from kiosk.content.editing import Change, SaveResult
from kiosk.content.model import Problem
from kiosk.render import theme
from kiosk.render.slide import SlideRenderer
from kiosk.services.clock import Clock
from kiosk.services.content_store import ContentStore
from kiosk.services.pin import LOCKOUT_FILE, PinGuard, PinLockout
from kiosk.services.printing import HandoutPrinter, PrintOutcome, available_printers
from kiosk.services.staff_log import (
    QR_FILE,
    QrChangeRecord,
    changed_on,
    changed_text,
    describe_change,
    staff_log,
)
from kiosk.services.state_file import state_path
from kiosk.ui.idle import IdleWatch
from kiosk.ui.staff_login import CornerHold, PinPad
from kiosk.ui.staff_touch import DAYS, MONTHS

if TYPE_CHECKING:
    from kiosk.services.fleet_sync import FleetSync
    from kiosk.ui.staff_screen import StaffScreen

# What the test page's outcome says to staff: what happened and what to try (enum values are for the log).
_NOT_PRINTED = "Testpagina niet afgedrukt: "
_CHECK = " Kijk of de printer aan staat en probeer het opnieuw."
PRINT_OUTCOMES_NL = {
    PrintOutcome.PRINTED: "De testpagina is afgedrukt. Meet de lijn van 10 cm na en scan de QR-code.",
    PrintOutcome.NO_PRINTER: _NOT_PRINTED
    + "deze printer is niet gevonden. Kies een printer en probeer het opnieuw.",
    PrintOutcome.FAILED: _NOT_PRINTED + "het afdrukken mislukte." + _CHECK,
    PrintOutcome.REFUSED: _NOT_PRINTED + "de printer neemt geen opdrachten aan. Vraag de beheerder om hulp.",
    PrintOutcome.STOPPED: _NOT_PRINTED + "de printer staat stil of heeft een storing." + _CHECK,
    PrintOutcome.NO_PAPER: _NOT_PRINTED + "het papier is op. Vul papier bij en probeer het opnieuw.",
    PrintOutcome.TIMED_OUT: _NOT_PRINTED + "de printer antwoordde niet op tijd." + _CHECK,
    PrintOutcome.TOO_SOON: _NOT_PRINTED + "even wachten; probeer het zo opnieuw.",
    PrintOutcome.DAILY_LIMIT: _NOT_PRINTED + "het maximum aantal afdrukken voor vandaag is bereikt.",
}
WARNING_MS = 30_000  # staff are warned this long before their session closes by itself


def day_and_time(moment: dt.datetime) -> str:
    """ "zo 29 nov, 09:14": the way staff read a moment, whatever the computer's language."""
    return f"{DAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]}, {moment:%H:%M}"


class StaffMode(QObject):
    """Owns the PIN pad and the staff screen; the window stays about visitors."""

    pad_opened = Signal()  # the window stops the loop: someone is at the screen
    closed = Signal()  # staff left, cancelled the PIN, or the session timed out: back to the visitors' loop
    quit_requested = Signal()  # for maintenance: the service is told not to restart the kiosk
    restart_requested = Signal()  # the kiosk ends so that the service starts it afresh

    def __init__(
        self,
        store: ContentStore,
        clock: Clock,
        idle: IdleWatch,
        pages: QStackedLayout,
        renderer: SlideRenderer,
        printer: HandoutPrinter | None,
        host: QWidget,
    ) -> None:
        super().__init__(host)
        self._store = store
        self._printer = printer  # the visitors' printer, for today's count
        self._clock = clock
        self._idle = idle
        self._pages = pages
        self._renderer = renderer
        self._started = self._session_started = clock.monotonic()
        self._saving: list[Change] = []  # the rest of a save staff asked for, written one file at a time
        self._importing = False  # the store is copying a picture from a USB stick
        self.active = False
        self.speech_status: Callable[[], str] | None = None  # "Lees voor"'s voices (kiosk.ui.read_aloud)
        self.guard = PinGuard(store.content.site.staff.pin_hash, PinLockout(state_path(LOCKOUT_FILE), clock))
        self.qr_record = QrChangeRecord(state_path(QR_FILE), clock)
        self.qr_record.note(store.content)
        self._lock_tick = clock.timer(self)  # the pad's "try again in N minutes", minute by minute
        self._lock_tick.timeout.connect(self._show_lock)
        self._pad: PinPad | None = None
        self._screen: StaffScreen | None = None
        self._fleet: FleetSync | None = None
        self._metrics: theme.Metrics | None = None
        self.test_printer = HandoutPrinter(replace(store.content.site.printer, min_interval_s=0), clock, self)
        self.corner = CornerHold(host, clock)
        self.corner.held.connect(self.open_pad)
        self.test_printer.print_finished.connect(lambda outcome: self.screen.say(PRINT_OUTCOMES_NL[outcome]))
        store.content_changed.connect(self._content_changed)
        store.change_refused.connect(lambda _problems: self.refresh() if self.active else None)
        store.save_finished.connect(self._save_finished)
        idle.about_to_time_out.connect(self._warn_timeout)

    @property
    def pad(self) -> PinPad:
        """Built the first time someone holds the corner: not part of a visitor's start."""
        if self._pad is None:
            pad = PinPad()
            pad.pin_entered.connect(self._check)
            pad.cancelled.connect(self.closed)
            if self._metrics is not None:
                pad.apply_metrics(self._metrics)
            self._pages.addWidget(pad)
            self._pad = pad
        return self._pad

    @property
    def screen(self) -> StaffScreen:
        """Built the first time staff come in: most days nobody does, and it costs a third of start-up."""
        if self._screen is None:
            from kiosk.ui.staff_screen import StaffScreen  # imported here too: most days nobody comes in

            screen = StaffScreen(self._renderer)
            screen.left.connect(self.closed)
            screen.quit_requested.connect(self.quit_requested)
            screen.restart_requested.connect(self.restart_requested)
            screen.save_requested.connect(self._save)
            screen.undo_requested.connect(self._undo)
            screen.test_print_requested.connect(self._test_print)
            screen.picture_import_requested.connect(self._import_picture)
            if self._metrics is not None:
                screen.apply_metrics(self._metrics)
            self._pages.addWidget(screen)
            self._screen = screen
        return self._screen

    def apply_metrics(self, m: theme.Metrics) -> None:
        self._metrics = m
        if self._pad is not None:
            self._pad.apply_metrics(m)
        if self._screen is not None:
            self._screen.apply_metrics(m)

    # -- the way in ----------------------------------------------------------------------------
    def open_pad(self) -> None:
        if self.active or (self._pad is not None and self._pages.currentWidget() is self._pad):
            return
        self.guard.stored_hash = self._store.content.site.staff.pin_hash
        message = (
            ""
            if self.guard.stored_hash
            else self.tr("Er is nog geen pincode ingesteld. Vraag de installateur.")
        )
        self.pad.clear(message)
        if self.guard.locked_for():
            self._show_lock()
        self.pad_opened.emit()
        self._pages.setCurrentWidget(self.pad)

    def _check(self, pin: str) -> None:
        if self.guard.check(pin):
            self.enter()
        elif self.guard.locked_for():
            self._show_lock()
        else:
            self.pad.clear(self.tr("Die pincode klopt niet."))

    def _show_lock(self) -> None:
        """Say how long the pad stays locked, again each time the minutes change, and when it opens."""
        left = self.guard.locked_for()
        self.pad.show_locked(left)
        seconds = left.total_seconds()
        if seconds > 0:
            self._lock_tick.start(math.ceil((seconds - (math.ceil(seconds / 60) - 1) * 60) * 1000))

    def enter(self) -> None:
        if not self.active:
            self._session_started = self._clock.monotonic()
        self.active = True
        timeout_ms = round(self._store.content.site.staff.session_timeout_s * 1000)
        self._idle.set_warning_ms(min(WARNING_MS, timeout_ms // 2))
        self._idle.set_timeout_ms(timeout_ms)
        self._idle.start()
        self.refresh()
        screen = self.screen
        screen.show_work()
        unsaved = self.tr("Wat u de vorige keer nog niet had opgeslagen, staat er nog.")
        notes = [unsaved] if screen.dirty() else []
        changed = self.qr_record.announce()  # said once, at the first login after the change
        if changed is not None:
            notes.append(changed_text(changed))
        screen.say(" ".join(notes))
        self._pages.setCurrentWidget(screen)

    def leave(self) -> None:
        """Called by the window's reset: staff mode closes with the visitor's session. Unsaved edits stay
        in the (hidden) staff screen for the next time staff come in."""
        if self.active:
            minutes = (self._clock.monotonic() - self._session_started) / 60
            staff_log.info("staff: session ended after %.0f minutes", minutes)
        self.active = False
        self._idle.set_warning_ms(0)
        self._lock_tick.stop()
        if self._pad is not None:
            self._pad.clear()

    def _warn_timeout(self) -> None:
        if self.active and self._screen is not None:
            self._screen.warn_timeout(round(self._idle.warning_ms() / 1000))

    def show_fleet(self, fleet: FleetSync | None) -> None:
        """Content from the publisher: its state on the status page, kept up to date while staff look."""
        self._fleet = fleet
        if fleet is not None:
            fleet.status_changed.connect(lambda: self.refresh() if self.active else None)

    # -- at the desk ---------------------------------------------------------------------------
    def refresh(self) -> None:
        store = self._store
        content = store.content
        self.screen.set_content(content, available_printers(), self._clock.now().date())
        now = self._clock.now()
        started = now - dt.timedelta(seconds=self._clock.monotonic() - self._started)
        facts = [
            (self.tr("Versie"), __version__),
            (self.tr("Inhoud geladen"), day_and_time(store.loaded_at)),
            (self.tr("Actief sinds"), day_and_time(started)),
            (self.tr("Folders geprint vandaag"), str(self._printer.prints_today() if self._printer else 0)),
        ]
        qr_changed = self.qr_record.changed_at()
        if qr_changed is not None:
            facts.append((self.tr("QR-code"), changed_on(qr_changed)))
        from kiosk.content.staff_messages import staff_message  # here: not needed before staff look
        from kiosk.content.translations import translation_status_nl
        from kiosk.ui.staff_care import show_care_status

        facts.append((self.tr("Vertalingen"), translation_status_nl(content)))
        if self.speech_status is not None:
            facts.append((self.tr("Voorlezen"), self.speech_status()))
        titles = {s.id: s.title.get("nl", "") for s in content.slides}
        refused = [
            self.tr("Niet overgenomen (de kiosk toont de vorige inhoud): ") + staff_message(p, titles).text
            for p in store.refusal
        ]
        if self._fleet is not None:
            facts += self._fleet.facts(day_and_time)
            refused += self._fleet.messages()
        messages = refused + [staff_message(p, titles).text for p in content.problems]
        details = [
            self.tr("Map met de inhoud: ") + str(content.folder),
            self.tr("Versie van de inhoud: ") + store.version,
            *(str(p) for p in (*store.refusal, *content.problems)),
        ]
        self.screen.set_status(facts, messages, details, store.can_undo())
        show_care_status(self.screen.status, content, self._clock.now().date())

    def _content_changed(self, content: Content) -> None:
        self.qr_record.note(content)
        if self.active:
            self.refresh()

    def _save(self, changes: list[Change]) -> None:
        self.screen.say(self.tr("Bezig met opslaan…"))
        for change in changes:
            staff_log.info("staff: saving %s", describe_change(change))
        self._saving = list(changes)
        self._store.save(self._saving.pop(0))

    def _import_picture(self, source: Path) -> None:
        self.screen.say(self.tr("Het plaatje wordt gecontroleerd…"))
        staff_log.info("staff: adding a picture from a USB stick")
        self._importing = True
        self._store.add_picture(source)

    def _undo(self) -> None:
        self._saving = []
        self.screen.say(self.tr("Bezig met terugzetten…"))
        staff_log.info("staff: undoing the last save")
        self._store.undo()

    def _save_finished(self, result: SaveResult) -> None:
        """ "Opgeslagen" only once every file of the save is written and the kiosk shows it."""
        if result.saved:
            staff_log.info("staff: saved %s", result.file)
        else:
            staff_log.info(
                "staff: not saved (%d problems; see the content store's line)", len(result.problems)
            )
        if self._screen is None:
            return
        if self._importing:
            self._importing = False
            if result.saved:
                self.screen.picture_added(result.file.removeprefix("images/"))
                self.screen.say(
                    self.tr("Het plaatje is toegevoegd. Tik op 'Opslaan' om het bij deze dia te zetten.")
                )
            else:  # the editor says why in plain Dutch already
                self.screen.say(" ".join(p.message for p in result.problems))
            return
        if result.saved and self._saving:
            self._store.save(self._saving.pop(0))
            return
        if result.saved:
            self.screen.say(self.tr("Opgeslagen. De kiosk toont de wijziging nu."))
        else:
            self._saving = []
            self.screen.say(self.tr("Niet opgeslagen. ") + self._refusal(result.problems))
        self.screen.save_finished(result.saved)

    def _refusal(self, problems: tuple[Problem, ...]) -> str:
        from kiosk.content.staff_messages import staff_message

        titles = {s.id: s.title.get("nl", "") for s in self._store.content.slides}
        return " ".join(staff_message(p, titles).text for p in problems)

    def _test_print(self, printer_name: str) -> None:
        content = self._store.content
        self.test_printer.set_settings(
            replace(content.site.printer, name=printer_name, min_interval_s=0, max_per_day=10_000)
        )
        self.screen.say(self.tr("Testpagina wordt afgedrukt…"))
        staff_log.info("staff: printing a test page")
        self.test_printer.request_test_page(content)
