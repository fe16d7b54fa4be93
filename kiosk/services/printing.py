"""Printing the handout on the site's printer: no dialog, never a hang, the truth, and only so many a day.

On Linux the worker thread paints the handout into a PDF in memory and hands it to CUPS with `lp`, then
follows the job over IPP until CUPS says it printed (or is printing without trouble), refused it, or
cannot print it now; every step runs under one hard time limit (TIME_LIMIT_S) in subprocesses and on
sockets with timeouts (kiosk/services/cups.py), so a CUPS server that never answers costs the worker the
time limit and the GUI thread nothing. Qt's print support is not used on Linux: QPrinterInfo talks to
CUPS while holding Python's lock, and a silent CUPS server froze the whole kiosk. On Windows the job goes
through QPrinter as before (print_with_qt). The GUI thread only keeps count and hears the outcome through
a queued signal; a watchdog on the kiosk's clock reports TIMED_OUT if even that goes wrong.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from kiosk.content import Content
from kiosk.content.model import PrinterSettings
from kiosk.services.clock import Clock

if TYPE_CHECKING:  # CUPS is imported where a handout is printed: the kiosk starts without it
    from kiosk.services.cups import Cups, Job, NotSubmitted, Printer

if TYPE_CHECKING:
    from kiosk.render.handout import PagePainter

# QtPrintSupport and the handout (with the QR encoder) are imported where a handout is printed, not here:
# on Linux a child process draws the handout, so the kiosk's own process never holds them (about 6 MB).

log = logging.getLogger(__name__)

DOC_NAME = "wachtkamer-handout"  # the job's title in the queue (cups-pdf names its file after it)
TEST_PAGE_NAME = "wachtkamer-testpagina"
TIME_LIMIT_S = 20.0  # submitting and following one job; longer and the visitor hears TIMED_OUT
SETTLE_S = 3.0  # a job printing this long with no trouble reported by the printer counts as printed
POLL_S = 0.2  # how often the job's state is asked while following it
CHILD_LIMIT_S = 8.0  # drawing the handout in a child process; then it is drawn on the worker after all
WATCHDOG_MARGIN_S = 10.0  # the last resort fires this long after the time limit
LIST_TIMEOUT_S = 2.0  # listing the queues for staff mode (on the GUI thread)
IS_WINDOWS = sys.platform == "win32"
# Printer states (besides any "...-error") under which a job that is processing is not yet printing.
TROUBLE = ("offline", "connecting-to-device", "paused", "media-jam", "door-open", "cover-open")


class PrintOutcome(Enum):
    PRINTED = "printed"
    NO_PRINTER = "no printer"
    FAILED = "failed"
    REFUSED = "the printer is not accepting jobs"
    STOPPED = "the printer is stopped"
    NO_PAPER = "the printer is out of paper"
    TIMED_OUT = "no answer from the printer in time"
    TOO_SOON = "too soon after the previous handout"
    DAILY_LIMIT = "daily limit reached"


class Spooler:
    """How handouts reach the printer: the system's CUPS (or `server`, as CUPS_SERVER takes it) within
    `time_limit_s`. Tests pass a short limit, or a server that never answers."""

    def __init__(
        self,
        time_limit_s: float = TIME_LIMIT_S,
        server: str | None = None,
        title: str = DOC_NAME,
        settle_s: float = SETTLE_S,
    ) -> None:
        self.time_limit_s = time_limit_s
        self.server = server
        self.title = title
        self.settle_s = settle_s
        self._cups: Cups | None = None

    @property
    def cups(self) -> Cups:
        if self._cups is None:
            from kiosk.services.cups import Cups

            self._cups = Cups(self.server)
        return self._cups


def available_printers(spooler: Spooler | None = None) -> list[str]:
    """The system's print queues, for a settings screen; empty (after at most LIST_TIMEOUT_S) when the
    print system is missing or does not answer."""
    if IS_WINDOWS:
        from PySide6.QtPrintSupport import QPrinterInfo

        return QPrinterInfo.availablePrinterNames()
    return (spooler or Spooler()).cups.destinations(LIST_TIMEOUT_S)


def print_handout(
    content: Content, lang: str, printer_name: str, spooler: Spooler | None = None
) -> PrintOutcome:
    """Print one handout on `printer_name` (empty: the default) and say what became of it.

    Blocking, so HandoutPrinter calls it from a worker thread; on Linux it returns within the spooler's
    time limit (plus painting the page), whatever CUPS does.
    """
    spooler = spooler or Spooler()
    if IS_WINDOWS:
        from kiosk.render.handout import paint_handout

        return print_with_qt(lambda painter, page: paint_handout(painter, page, content, lang), printer_name)
    pdf = handout_pdf_apart(content, lang)
    deadline = time.monotonic() + spooler.time_limit_s  # for CUPS: submitting and following the job
    return _print_on_cups(spooler, pdf, printer_name, deadline, spooler.title)


def handout_pdf_apart(content: Content, lang: str) -> bytes:
    """The handout's PDF, drawn by a child process (`kiosk handout`) from the same content folder.

    Drawn here, on the print worker, Qt's text layout would hold the interpreter's lock for 100–250 ms and
    stop the screen's frames (and it is the kind of Qt call that once deadlocked with the GUI thread); a
    child has its own. Should the child fail, the page is drawn here after all: a handout before a frame.
    """
    import subprocess  # here, not at the top: the kiosk starts without it

    from kiosk.render.handout import handout_pdf

    with tempfile.TemporaryDirectory(prefix="kiosk-handout-") as scratch:
        out = Path(scratch) / "handout.pdf"
        program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "kiosk"]
        command = [*program, "handout", "--out", str(out), "--content", str(content.folder), "--lang", lang]
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        try:
            done = subprocess.run(command, env=env, capture_output=True, timeout=CHILD_LIMIT_S)
            if done.returncode == 0 and out.is_file():
                return out.read_bytes()
            log.warning("handout: the drawing process failed (%d); drawn here instead", done.returncode)
        except (OSError, subprocess.TimeoutExpired) as err:
            log.warning("handout: the drawing process failed (%s); drawn here instead", err)
    return handout_pdf(content, lang)


def print_test_page(
    content: Content, printed_at: datetime.datetime, printer_name: str, spooler: Spooler | None = None
) -> PrintOutcome:
    """Print the printer's test page (kiosk.render.printer_check) the way a handout goes; say how it went."""
    spooler = spooler or Spooler()
    from kiosk.render.printer_check import paint_printer_check, printer_check_pdf

    if IS_WINDOWS:
        return print_with_qt(
            lambda painter, page: paint_printer_check(painter, page, content, printer_name, printed_at),
            printer_name,
        )
    deadline = time.monotonic() + spooler.time_limit_s
    pdf = printer_check_pdf(content, printer_name, printed_at)
    title = TEST_PAGE_NAME if spooler.title == DOC_NAME else f"{spooler.title}-testpagina"
    return _print_on_cups(spooler, pdf, printer_name, deadline, title)


def _print_on_cups(
    spooler: Spooler, pdf: bytes, printer_name: str, deadline: float, title: str
) -> PrintOutcome:
    from kiosk.services.cups import CupsError, JobState, NotSubmitted

    cups = spooler.cups
    sent = cups.submit(pdf, printer_name, title, deadline - time.monotonic())
    if isinstance(sent, NotSubmitted):
        log.warning("handout: lp did not take the job: %s", sent.message)
        return _refusal_outcome(sent)
    job_id, queue = sent.job_id, sent.queue
    printing_since: float | None = None
    job: Job | None = None
    printer: Printer | None = None
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        try:
            job = cups.job(job_id, min(left, 5.0))
            printer = cups.printer(queue, min(deadline - time.monotonic(), 5.0))
        except CupsError as e:  # CUPS went quiet after taking the job: keep asking until the deadline
            log.info("handout job %s-%d: %s", queue, job_id, e)
            job = printer = None
        if job is not None and printer is not None:
            verdict, clean = _judge(job, printer)
            if verdict is not None:
                if verdict is not PrintOutcome.PRINTED and job.state < JobState.CANCELED:
                    _cancel(spooler, job_id, queue, why=verdict.value)
                _log_job(queue, job_id, verdict, job, printer)
                return verdict
            now = time.monotonic()
            printing_since = (printing_since or now) if clean else None
            if printing_since is not None and now - printing_since >= spooler.settle_s:
                log.info("handout job %s-%d: printing without trouble", queue, job_id)
                return PrintOutcome.PRINTED
        time.sleep(min(POLL_S, max(deadline - time.monotonic(), 0)))
    # Out of time: the visitor hears so now, so a handout that comes out later would be for nobody.
    _cancel(spooler, job_id, queue, why="timed out")
    outcome = PrintOutcome.TIMED_OUT
    if job is not None and printer is not None and printer.message:
        log.warning("handout job %s-%d: the printer says '%s'", queue, job_id, printer.message)
    return outcome


def _judge(job: Job, printer: Printer) -> tuple[PrintOutcome | None, bool]:
    """What the job's and its queue's state mean for the visitor now (None: not known yet), and whether
    it is printing without any trouble reported."""
    from kiosk.services.cups import JobState, PrinterState

    if job.state is JobState.COMPLETED:
        return PrintOutcome.PRINTED, True
    if job.state in (JobState.CANCELED, JobState.ABORTED):  # abort-job policy, or someone cancelled it
        return PrintOutcome.FAILED, False
    if any(
        r.startswith(("media-empty", "media-needed")) and not r.endswith(("-report", "-warning"))
        for r in printer.reasons
    ):
        return PrintOutcome.NO_PAPER, False
    if printer.state is PrinterState.STOPPED or job.state is JobState.PROCESSING_STOPPED:
        return PrintOutcome.STOPPED, False  # cupsdisable, or a backend failed under stop-printer
    if job.state in (JobState.PENDING, JobState.HELD) and job.tried:
        return PrintOutcome.FAILED, False  # the backend failed; CUPS would retry it later (retry-job)
    if job.state is JobState.HELD:
        return PrintOutcome.STOPPED, False  # held for authentication or until later: not for this visitor
    troubled = any(r.endswith("-error") or r.startswith(TROUBLE) for r in printer.reasons)
    return None, job.state is JobState.PROCESSING and not troubled


def _refusal_outcome(sent: NotSubmitted) -> PrintOutcome:
    message = sent.message.lower()
    if sent.timed_out:
        return PrintOutcome.TIMED_OUT
    if "not accepting" in message:
        return PrintOutcome.REFUSED
    if any(
        words in message
        for words in ("does not exist", "no default destination", "not found", "unable to connect", "no such")
    ):
        return PrintOutcome.NO_PRINTER
    return PrintOutcome.FAILED


def _cancel(spooler: Spooler, job_id: int, queue: str, why: str) -> None:
    """A job the visitor was told did not print must not come out later for nobody."""
    cancelled = spooler.cups.cancel(job_id, 3.0)
    done = "cancelled" if cancelled else "could NOT be cancelled"
    log.warning("handout job %s-%d %s (%s)", queue, job_id, done, why)


def _log_job(queue: str, job_id: int, outcome: PrintOutcome, job: Job, printer: Printer) -> None:
    if outcome is PrintOutcome.PRINTED:
        return
    log.warning(
        "handout job %s-%d: %s (job %s %s; printer %s %s '%s')",
        queue,
        job_id,
        outcome.value,
        job.state.name.lower(),
        ",".join(sorted(job.reasons)),
        printer.state.name.lower(),
        ",".join(sorted(printer.reasons)),
        printer.message or job.message,
    )


def print_with_qt(paint: PagePainter, printer_name: str) -> PrintOutcome:
    """Windows: the queue through QPrinter (no CUPS there). Qt never says "no such printer": for a queue
    it cannot find, QPrinter quietly takes the default one, or a PDF printer writing nowhere. So the queue
    is looked up by name first, the QPrinter must really be that queue, and a printer in an error state or
    QPainter.begin() failing counts as STOPPED or FAILED. Not tested here (no Windows CI)."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    from kiosk.render.handout import A4, paint_page_on

    names = QPrinterInfo.availablePrinterNames()
    name = printer_name or QPrinterInfo.defaultPrinterName()
    info = QPrinterInfo.printerInfo(name)
    if name not in names or info.isNull():
        log.warning("handout: no printer '%s' among the system's printers %s", name, names)
        return PrintOutcome.NO_PRINTER
    if info.state() is QPrinter.PrinterState.Error:
        log.warning("handout: printer '%s' is stopped or reports an error", name)
        return PrintOutcome.STOPPED
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    if printer.printerName() != name or printer.outputFormat() is not QPrinter.OutputFormat.NativeFormat:
        log.warning("handout: printer '%s' went away; Qt offered '%s' instead", name, printer.printerName())
        return PrintOutcome.NO_PRINTER
    printer.setDocName(DOC_NAME)
    printer.setPageSize(A4)
    printer.setFullPage(True)  # the handout keeps its own margins, wider than any unprintable edge
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    if not paint_page_on(printer, paint):
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
        spooler: Spooler | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.spooler = spooler or Spooler()
        self._clock = clock
        self._day: datetime.date | None = None
        self._count = 0
        self._last: float | None = None  # monotonic seconds of the last printed handout
        self._jobs = 0
        self._running: int | None = None  # the job a worker thread is still busy with
        self._waiting: int | None = None  # the job whose outcome has not been reported yet
        self.watchdog_s = self.spooler.time_limit_s + WATCHDOG_MARGIN_S  # the worker's own limit failed
        self._watchdog = clock.timer(self, round(self.watchdog_s * 1000))
        self._watchdog.timeout.connect(self._on_timeout)
        self._job_done.connect(self._on_job_done, Qt.ConnectionType.QueuedConnection)

    def set_settings(self, settings: PrinterSettings) -> None:
        """New printer or limits (staff changed site.toml); today's count is kept."""
        self._settings = settings

    def prints_today(self) -> int:
        return self._count if self._day == self._clock.now().date() else 0

    def request_print(self, content: Content, lang: str) -> None:
        self._start(lambda printer_name, spooler: print_handout(content, lang, printer_name, spooler))

    def request_test_page(self, content: Content) -> None:
        """The printer's test page instead of a handout, on the same way to the printer and under the same
        limits; dated now on the kiosk's clock."""
        printed_at = self._clock.now()
        self._start(lambda printer_name, spooler: print_test_page(content, printed_at, printer_name, spooler))

    def _start(self, print_job: Callable[[str, Spooler], PrintOutcome]) -> None:
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
            args=(job, print_job, self._settings.name, self.spooler),
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

    def _work(
        self, job: int, print_job: Callable[[str, Spooler], PrintOutcome], printer_name: str, spooler: Spooler
    ) -> None:
        started = time.monotonic()
        try:
            outcome = print_job(printer_name, spooler)
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
        log.error("handout job %d: no answer from the printer in %.0f s", self._waiting, self.watchdog_s)
        self._waiting = None
        self.print_finished.emit(PrintOutcome.TIMED_OUT)
