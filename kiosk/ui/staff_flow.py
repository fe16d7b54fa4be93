"""How staff get in and out: corner hold → PIN pad → staff screen; and what their actions do."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk import __version__
from kiosk.services.pin import PinGuard
from kiosk.services.printing import HandoutPrinter, available_printers
from kiosk.ui import theme
from kiosk.ui.staff import StaffScreen
from kiosk.ui.staff_entry import HOLD_MS, CornerHold, PinPad

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow


class StaffDoor(QObject):
    """Owns the PIN pad and the staff screen for a window; the window stays about visitors."""

    def __init__(self, window: KioskWindow, clock: Callable[[], dt.datetime], time_scale: float) -> None:
        super().__init__(window)
        self._window = window
        self._clock = clock
        self._started = time.monotonic()
        self.active = False
        self.guard = PinGuard(window.content.site.staff.pin_hash, clock)
        self.pad = PinPad()
        self._screen: StaffScreen | None = None
        self._metrics: theme.Metrics | None = None
        self._test_printer = HandoutPrinter(
            replace(window.content.site.printer, min_interval_s=0), clock=clock
        )
        self.corner = CornerHold(window, hold_ms=max(1, round(HOLD_MS * time_scale)))
        self.corner.held.connect(self.open_pad)
        self.pad.pin_entered.connect(self._check)
        self.pad.cancelled.connect(window.reset_to_loop)
        self._test_printer.print_finished.connect(
            lambda outcome: self.screen.say(self.tr("Testpagina: ") + outcome.value)
        )

    @property
    def screen(self) -> StaffScreen:
        """Built the first time staff come in: most days nobody does, and it costs a third of start-up."""
        if self._screen is None:
            window = self._window
            screen = StaffScreen(window.slideshow.renderer)
            screen.left.connect(window.reset_to_loop)
            screen.quit_requested.connect(lambda: window.quit_cleanly(for_maintenance=True))
            screen.content_saved.connect(self._saved)
            screen.test_print_requested.connect(self._test_print)
            if self._metrics is not None:
                screen.apply_metrics(self._metrics)
            window.pages.addWidget(screen)
            self._screen = screen
        return self._screen

    def apply_metrics(self, m: theme.Metrics) -> None:
        self._metrics = m
        self.pad.apply_metrics(m)
        if self._screen is not None:
            self._screen.apply_metrics(m)

    def open_pad(self) -> None:
        if self.active or self._window.pages.currentWidget() is self.pad:
            return
        self.guard.stored_hash = self._window.content.site.staff.pin_hash
        message = "" if self.guard.stored_hash else self.tr("Er is nog geen pincode ingesteld (set-pin).")
        self.pad.clear(message)
        self._window.take_over()
        self._window.pages.setCurrentWidget(self.pad)

    def _check(self, pin: str) -> None:
        if self.guard.check(pin):
            self.enter()
            return
        locked = self.guard.locked_for()
        if locked:
            minutes = max(1, round(locked.total_seconds() / 60))
            self.pad.clear(
                self.tr("Te vaak een verkeerde pincode. Probeer het over %n minuten opnieuw.").replace(
                    "%n", str(minutes)
                )
            )
        else:
            self.pad.clear(self.tr("Die pincode klopt niet."))

    def enter(self) -> None:
        self.active = True
        window = self._window
        window.idle.set_timeout_ms(
            max(1, round(window.content.site.staff.session_timeout_s * 1000 * window.time_scale))
        )
        window.idle.start()
        self.refresh()
        window.pages.setCurrentWidget(self.screen)

    def leave(self) -> None:
        """Called by the window's reset: staff mode closes with the visitor's session."""
        self.active = False
        self.pad.clear()

    def refresh(self) -> None:
        window = self._window
        self.screen.set_content(window.content, available_printers())
        uptime = dt.timedelta(seconds=round(time.monotonic() - self._started))
        self.screen.set_status(
            [
                (self.tr("Versie"), __version__),
                (self.tr("Content"), f"{window.content.folder} ({window.content_version})"),
                (self.tr("Laatst geladen"), window.loaded_at.strftime("%d-%m-%Y %H:%M")),
                (self.tr("Actief sinds"), str(uptime)),
                (
                    self.tr("Folders geprint vandaag"),
                    str(window.printer.prints_today() if window.printer else 0),
                ),
            ]
        )

    def _saved(self) -> None:
        self._window.reload_content()
        self.refresh()

    def _test_print(self, printer_name: str) -> None:
        self._test_printer.set_settings(
            replace(
                self._window.content.site.printer, name=printer_name, min_interval_s=0, max_per_day=10_000
            )
        )
        self.screen.say(self.tr("Testpagina wordt afgedrukt…"))
        self._test_printer.request_print(self._window.content, self._window.language)
