"""Staff mode from door to desk: corner hold → PIN pad → staff screen, and what staff's actions do.

It knows the content store (saves go there, and "saved" is said only once the store shows the change),
the kiosk's clock and idle watch, and the window's stack of pages; it does not know the window.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedLayout, QWidget

from kiosk import __version__
from kiosk.content import Content
from kiosk.content.editing import Change, SaveResult
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

if TYPE_CHECKING:
    from kiosk.ui.staff_screen import StaffScreen


class StaffMode(QObject):
    """Owns the PIN pad and the staff screen; the window stays about visitors."""

    pad_opened = Signal()  # the window stops the loop: someone is at the screen
    closed = Signal()  # staff left, cancelled the PIN, or the session timed out: back to the visitors' loop
    quit_requested = Signal()  # for maintenance: the service is told not to restart the kiosk

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
        self.active = False
        self.guard = PinGuard(store.content.site.staff.pin_hash, PinLockout(state_path(LOCKOUT_FILE), clock))
        self.qr_record = QrChangeRecord(state_path(QR_FILE), clock)
        self.qr_record.note(store.content)
        self._lock_tick = clock.timer(self)  # the pad's "try again in N minutes", minute by minute
        self._lock_tick.timeout.connect(self._show_lock)
        self.pad = PinPad()
        pages.addWidget(self.pad)
        self._screen: StaffScreen | None = None
        self._metrics: theme.Metrics | None = None
        self.test_printer = HandoutPrinter(replace(store.content.site.printer, min_interval_s=0), clock, self)
        self.corner = CornerHold(host, clock)
        self.corner.held.connect(self.open_pad)
        self.pad.pin_entered.connect(self._check)
        self.pad.cancelled.connect(self.closed)
        self.test_printer.print_finished.connect(
            lambda outcome: self.screen.say(self._test_page_said(outcome))
        )
        store.content_changed.connect(self._content_changed)
        store.change_refused.connect(lambda _problems: self.refresh() if self.active else None)
        store.save_finished.connect(self._save_finished)

    @property
    def screen(self) -> StaffScreen:
        """Built the first time staff come in: most days nobody does, and it costs a third of start-up."""
        if self._screen is None:
            from kiosk.ui.staff_screen import StaffScreen  # imported here too: most days nobody comes in

            screen = StaffScreen(self._renderer)
            screen.left.connect(self.closed)
            screen.quit_requested.connect(self.quit_requested)
            screen.save_requested.connect(self._save)
            screen.undo_requested.connect(self._undo)
            screen.test_print_requested.connect(self._test_print)
            if self._metrics is not None:
                screen.apply_metrics(self._metrics)
            self._pages.addWidget(screen)
            self._screen = screen
        return self._screen

    def apply_metrics(self, m: theme.Metrics) -> None:
        self._metrics = m
        self.pad.apply_metrics(m)
        if self._screen is not None:
            self._screen.apply_metrics(m)

    # -- the way in ----------------------------------------------------------------------------
    def open_pad(self) -> None:
        if self.active or self._pages.currentWidget() is self.pad:
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
        self._idle.set_timeout_ms(round(self._store.content.site.staff.session_timeout_s * 1000))
        self._idle.start()
        self.refresh()
        self._pages.setCurrentWidget(self.screen)
        changed = self.qr_record.announce()  # said once, at the first login after the change
        self.screen.say("" if changed is None else changed_text(changed))

    def leave(self) -> None:
        """Called by the window's reset: staff mode closes with the visitor's session."""
        if self.active:
            minutes = (self._clock.monotonic() - self._session_started) / 60
            staff_log.info("staff: session ended after %.0f minutes", minutes)
        self.active = False
        self._lock_tick.stop()
        self.pad.clear()

    # -- at the desk ---------------------------------------------------------------------------
    def refresh(self) -> None:
        store = self._store
        content = store.content
        self.screen.set_content(content, available_printers(), self._clock.now().date())
        uptime = dt.timedelta(seconds=round(self._clock.monotonic() - self._started))
        facts = [
            (self.tr("Versie"), __version__),
            (self.tr("Content"), f"{content.folder} ({store.version})"),
            (self.tr("Laatst geladen"), store.loaded_at.strftime("%d-%m-%Y %H:%M")),
            (self.tr("Actief sinds"), str(uptime)),
            (self.tr("Folders geprint vandaag"), str(self._printer.prints_today() if self._printer else 0)),
        ]
        qr_changed = self.qr_record.changed_at()
        if qr_changed is not None:
            facts.append((self.tr("QR-code"), changed_on(qr_changed)))
        refused = [self.tr("Niet overgenomen (de vorige inhoud blijft): ") + str(p) for p in store.refusal]
        self.screen.set_status(facts, refused + [str(p) for p in content.problems], store.can_undo())

    def _content_changed(self, content: Content) -> None:
        self.qr_record.note(content)
        if self.active:
            self.refresh()

    def _save(self, change: Change) -> None:
        self.screen.say(self.tr("Bezig met opslaan…"))
        staff_log.info("staff: saving %s", describe_change(change))
        self._store.save(change)

    def _undo(self) -> None:
        self.screen.say(self.tr("Bezig met terugzetten…"))
        staff_log.info("staff: undoing the last save")
        self._store.undo()

    def _save_finished(self, result: SaveResult) -> None:
        if result.saved:
            staff_log.info("staff: saved %s", result.file)
        else:
            staff_log.info(
                "staff: not saved (%d problems; see the content store's line)", len(result.problems)
            )
        if self._screen is None:
            return
        if result.saved:
            self.screen.say(self.tr("Opgeslagen. De kiosk toont de wijziging nu."))
        else:
            self.screen.say(self.tr("Niet opgeslagen: ") + result.message())

    def _test_print(self, printer_name: str) -> None:
        content = self._store.content
        self.test_printer.set_settings(
            replace(content.site.printer, name=printer_name, min_interval_s=0, max_per_day=10_000)
        )
        self.screen.say(self.tr("Testpagina wordt afgedrukt…"))
        staff_log.info("staff: printing a test page")
        self.test_printer.request_test_page(content)

    def _test_page_said(self, outcome: PrintOutcome) -> str:
        """The test page's outcome for staff: what happened and what to try."""
        return {
            PrintOutcome.PRINTED: self.tr(
                "De testpagina is afgedrukt. Meet de lijn van 10 cm na en scan de QR-code."
            ),
            PrintOutcome.NO_PRINTER: self.tr("Testpagina niet afgedrukt: deze printer is niet gevonden."),
            PrintOutcome.REFUSED: self.tr("Testpagina niet afgedrukt: de printer neemt geen opdrachten aan."),
            PrintOutcome.STOPPED: self.tr(
                "Testpagina niet afgedrukt: de printer staat stil of heeft een storing."
            ),
            PrintOutcome.NO_PAPER: self.tr("Testpagina niet afgedrukt: het papier is op."),
            PrintOutcome.TIMED_OUT: self.tr("Testpagina niet afgedrukt: de printer antwoordde niet op tijd."),
        }.get(outcome, self.tr("Testpagina niet afgedrukt: het afdrukken mislukte."))
