"""Printing the handout on the site's printer: no dialog, never a hang, and only so many a day.

The work (asking CUPS for its printers, painting at 1200 dpi, handing the job to the spooler) runs in
a worker thread: Qt's "Thread-Support in Qt Modules" allows QPainter on a QPrinter outside the GUI
thread, and QTextDocument is reentrant (each job makes its own). The GUI thread only keeps count and
hears the outcome through a queued signal; a watchdog reports FAILED if the printer system hangs.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import threading
import time
from enum import Enum

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from kiosk.content import Content
from kiosk.content.model import PrinterSettings
from kiosk.services.clock import Clock

# QtPrintSupport and the handout (with the QR encoder) are imported where a handout is printed, not here:
# the kiosk starts without them, and loads them once its first slide is on screen (KioskWindow).

log = logging.getLogger(__name__)

DOC_NAME = "wachtkamer-handout"  # the job's title in the queue (cups-pdf names its file after it)
JOB_TIMEOUT_S = 30.0  # longer than this and the visitor hears FAILED; a late job is only logged


class PrintOutcome(Enum):
    PRINTED = "printed"
    NO_PRINTER = "no printer"
    FAILED = "failed"
    TOO_SOON = "too soon after the previous handout"
    DAILY_LIMIT = "daily limit reached"


def load_printing_support() -> None:
    """Import what printing needs and starting does not: QtPrintSupport, the handout and the QR encoder
    (also the contact screen's). Imported where used; the kiosk calls this once its first slide is on
    screen, so neither the start nor the first visitor's handout or QR code waits for them."""
    import segno  # noqa: F401
    from PySide6 import QtPrintSupport  # noqa: F401

    from kiosk.render import handout  # noqa: F401


def available_printers() -> list[str]:
    """The system's print queues, for a settings screen. It asks CUPS: not something to do per tap."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return QPrinterInfo.availablePrinterNames()


def print_handout(content: Content, lang: str, printer_name: str) -> PrintOutcome:
    """Print one handout on `printer_name` (empty: the default) and return once the spooler has it.

    Blocking, so HandoutPrinter calls it from a worker thread. Qt never says "no such printer": for a
    queue it cannot find, QPrinter quietly takes the default one, or a PDF printer writing nowhere when
    there is none (and `isValid()` stays true). So the queue is looked up by name first, the QPrinter
    must really be that queue, and a stopped queue or QPainter.begin() failing counts as FAILED.
    A queue that rejects jobs (`cupsreject`) cannot be told apart through Qt: its job is lost silently.
    """
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    from kiosk.render.handout import A4, paint_on_device

    names = QPrinterInfo.availablePrinterNames()
    name = printer_name or QPrinterInfo.defaultPrinterName()
    info = QPrinterInfo.printerInfo(name)
    if name not in names or info.isNull():
        wanted = f"printer '{printer_name}'" if printer_name else "a default printer"
        log.warning("handout: no %s among the system's printers %s", wanted, names)
        return PrintOutcome.NO_PRINTER
    if info.state() is QPrinter.PrinterState.Error:  # a stopped queue would hold the job, maybe for days
        log.warning("handout: printer '%s' is stopped or reports an error", name)
        return PrintOutcome.FAILED
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    if printer.printerName() != name or printer.outputFormat() is not QPrinter.OutputFormat.NativeFormat:
        log.warning("handout: printer '%s' went away; Qt offered '%s' instead", name, printer.printerName())
        return PrintOutcome.NO_PRINTER
    printer.setDocName(DOC_NAME)
    printer.setPageSize(A4)
    printer.setFullPage(True)  # the handout keeps its own margins, wider than any unprintable edge
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    if not paint_on_device(printer, content, lang):
        log.warning("handout: printer '%s' did not accept the job", name)
        return PrintOutcome.FAILED
    return PrintOutcome.PRINTED


class HandoutPrinter(QObject):
    """Prints handouts one at a time, within the site's limits, and always answers exactly once.

    Only printed handouts count (in memory, per day; nothing about the visitor): a failed attempt
    does not make the next visitor wait. `print_finished` carries a PrintOutcome and is always
    emitted from the event loop, after request_print has returned, even for an immediate refusal.
    """

    print_finished = Signal(object)
    _job_done = Signal(int, object)  # from the worker thread: job number, PrintOutcome

    def __init__(
        self,
        settings: PrinterSettings,
        clock: Clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._clock = clock
        self._day: datetime.date | None = None
        self._count = 0
        self._last: float | None = None  # monotonic seconds of the last printed handout
        self._jobs = 0
        self._running: int | None = None  # the job a worker thread is still busy with
        self._waiting: int | None = None  # the job whose outcome has not been reported yet
        self._watchdog = clock.timer(self, round(JOB_TIMEOUT_S * 1000))
        self._watchdog.timeout.connect(self._on_timeout)
        self._job_done.connect(self._on_job_done, Qt.ConnectionType.QueuedConnection)

    def set_settings(self, settings: PrinterSettings) -> None:
        """New printer or limits (staff changed site.toml); today's count is kept."""
        self._settings = settings

    def prints_today(self) -> int:
        return self._count if self._day == self._clock.now().date() else 0

    def request_print(self, content: Content, lang: str) -> None:
        refusal = self._refusal()
        if refusal is not None:
            outcome, why = refusal
            log.info("handout not printed: %s", why)
            QTimer.singleShot(0, self, lambda: self.print_finished.emit(outcome))
            return
        self._jobs += 1
        job = self._running = self._waiting = self._jobs
        self._watchdog.start()
        worker = threading.Thread(
            target=self._work,
            args=(job, content, lang, self._settings.name),
            name=f"handout-{job}",
            daemon=True,  # a printer system that never answers must not keep the kiosk from quitting
        )
        worker.start()

    def _refusal(self) -> tuple[PrintOutcome, str] | None:
        if self._waiting is not None:
            return PrintOutcome.TOO_SOON, "the previous handout is still printing"
        if self._running is not None:
            return PrintOutcome.FAILED, "the printer has not finished a handout that timed out"
        limits = self._settings
        if self.prints_today() >= limits.max_per_day:
            return PrintOutcome.DAILY_LIMIT, f"{self.prints_today()} printed today, the limit"
        # Monotonic: a clock set back (daylight saving time ending) must not block printing for an hour.
        elapsed = self._clock.monotonic() - self._last if self._last is not None else None
        if elapsed is not None and elapsed < limits.min_interval_s:
            return PrintOutcome.TOO_SOON, f"{elapsed:.0f} s after the previous one"
        return None

    def _work(self, job: int, content: Content, lang: str, printer_name: str) -> None:
        started = time.monotonic()
        try:
            outcome = print_handout(content, lang, printer_name)
        except Exception:
            log.exception("handout: printing failed")
            outcome = PrintOutcome.FAILED
        log.info("handout job %d: %s after %.2f s", job, outcome.value, time.monotonic() - started)
        with contextlib.suppress(RuntimeError):  # the kiosk was closed meanwhile
            self._job_done.emit(job, outcome)

    def _on_job_done(self, job: int, outcome: PrintOutcome) -> None:
        self._running = None
        if outcome is PrintOutcome.PRINTED:
            self._count = self.prints_today() + 1
            self._day, self._last = self._clock.now().date(), self._clock.monotonic()
        if job != self._waiting:
            log.warning("handout job %d finished after it was reported failed: %s", job, outcome.value)
            return
        self._watchdog.stop()
        self._waiting = None
        self.print_finished.emit(outcome)

    def _on_timeout(self) -> None:
        log.error("handout job %d: no answer from the printer in %.0f s", self._waiting, JOB_TIMEOUT_S)
        self._waiting = None
        self.print_finished.emit(PrintOutcome.FAILED)
