"""Printing the handout: what the visitor hears back (PrintOutcome), and what comes out of a real queue.

Rate limits and the watchdog run on the fake clock with a stand-in for the blocking print job, so nothing
sleeps for the kiosk. The printer-marked tests print for real through CUPS (.ci/setup-printer.sh makes the
queues): from the contact screen of a kiosk, on a queue that prints, rejects jobs, is stopped, whose printer
cannot be reached or is out of paper, and on a CUPS server that accepts a connection and never answers.
Each checks what the visitor reads, that it comes within the time limit, and that the screen kept painting.
"""

from __future__ import annotations

import datetime
import os
import shutil
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app import create_application
from kiosk.content import Content, load_content
from kiosk.content.editing import ContentEditor
from kiosk.content.model import PrinterSettings
from kiosk.services import printing
from kiosk.services.content_store import ContentStore
from kiosk.services.pin import hash_pin
from kiosk.services.printing import HandoutPrinter, PrintOutcome, Spooler, available_printers
from kiosk.ui.window import KioskWindow
from tests.conftest import DEFAULT_CONTENT
from tests.fake_clock import FakeClock
from tests.ui.test_handout import assert_is_the_handout
from tests.ui.test_staff import PIN, open_staff
from tests.ui.test_test_page import check_test_page

QUEUE = "kiosk-pdf"  # prints to PDF (cups-pdf); never changes state in these tests
STATES = "kiosk-states"  # prints to PDF too; rejected and stopped by the tests, then restored
FAILS = "kiosk-fail"  # the test backend: the printer cannot be reached (or, set here, is slow)
NO_PAPER = "kiosk-nopaper"  # the test backend: out of paper
TIME_LIMIT_S = 4.0  # the tests' limit for submitting and following one job (the kiosk's is 20 s)
# The GUI thread may miss only a few frames while a handout prints: typically 20-40 ms here (a child process
# draws the page). A CUPS server that never answered used to stop it for good, a page drawn in the print
# worker's thread (Qt's text layout runs with Python's lock held) for ~120 ms. Measured until the outcome
# arrives: the screen's answer to it (a new status line, measured again to fit) is the window's, not the
# print's, and its 50-100 ms on a busy machine made this test fail by chance.
LONGEST_GAP_MS = 150


@pytest.fixture
def content() -> Content:
    create_application()  # the bundled fonts
    return load_content(DEFAULT_CONTENT)


@pytest.fixture
def printed_to(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The printer each job went to; the job itself is replaced by one that always prints."""
    names: list[str] = []

    def prints(content: Content, lang: str, printer_name: str, spooler: Spooler | None) -> PrintOutcome:
        names.append(printer_name)
        return PrintOutcome.PRINTED

    monkeypatch.setattr(printing, "print_handout", prints)
    return names


def lpstat(*args: str) -> str:
    return subprocess.run(["lpstat", *args], capture_output=True, text=True, timeout=10).stdout


def cups(*command: str) -> None:
    subprocess.run(list(command), check=True, capture_output=True, timeout=10)


@pytest.fixture
def pdf_out() -> Path:
    """Where cups-pdf writes what the queues print. CI (KIOSK_TEST_PDF_DIR set) requires the queues."""
    required = os.environ.get("KIOSK_TEST_PDF_DIR")
    missing = {QUEUE, STATES, FAILS, NO_PAPER} - set(available_printers())
    if missing:
        if required:
            pytest.fail(
                f"KIOSK_TEST_PDF_DIR is set but CUPS lacks {sorted(missing)}: run .ci/setup-printer.sh"
            )
        pytest.skip(f"no CUPS queues {sorted(missing)} here (bash .ci/setup-printer.sh makes them, as root)")
    return Path(required or "/var/spool/cups-pdf/out")


@pytest.fixture
def restore_queues(pdf_out: Path) -> Iterator[None]:
    """Whatever a test does to the queues, they end as they began: accepting, enabled, empty."""
    yield
    for queue in (STATES, FAILS, NO_PAPER):
        subprocess.run(["cancel", "-a", queue], capture_output=True, timeout=10)
        cups("lpadmin", "-p", queue, "-o", "printer-error-policy=retry-job")
        cups("cupsaccept", queue)
        cups("cupsenable", queue)
    cups("lpadmin", "-p", FAILS, "-v", "kiosktest:/fail")


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A "CUPS server" on 127.0.0.1 that accepts every connection and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def settings(name: str = "", min_interval_s: int = 60, max_per_day: int = 40) -> PrinterSettings:
    return PrinterSettings(name=name, min_interval_s=min_interval_s, max_per_day=max_per_day)


def outcome(qtbot: QtBot, printer: HandoutPrinter, content: Content) -> PrintOutcome:
    with qtbot.waitSignal(printer.print_finished, timeout=30_000) as blocker:
        printer.request_print(content, "nl")
    assert blocker.args is not None
    result: PrintOutcome = blocker.args[0]
    return result


class FrameMeter:
    """Ticks every 16 ms on the GUI thread, as a screen refresh would, and keeps the longest gap until
    `stop_at` (the moment the printer's outcome arrived, when it did)."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self.ticks = 0
        self.worst_at = 0.0
        self.stop_at: float | None = None
        self._last = time.monotonic()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(16)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.monotonic() if self.stop_at is None else min(time.monotonic(), self.stop_at)
        if (now - self._last) * 1000 > self.longest_ms:
            self.worst_at = now - self._started
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now
        self.ticks += 1

    def start(self) -> None:
        self._last = self._started = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._tick()


@dataclass
class Attempt:
    outcome: PrintOutcome
    message: str  # what the visitor reads under the print button
    seconds: float
    longest_gap_ms: float
    longest_gap_at_s: float  # after the tap, for a failure's message
    prints_today: int


@pytest.fixture
def print_from_kiosk(
    qtbot: QtBot, fake_clock: FakeClock, tmp_path: Path
) -> Iterator[Callable[[str, Spooler], Attempt]]:
    """A visitor on the contact screen taps "Print een folder" on a kiosk whose site prints on `queue`."""
    made: list[KioskWindow] = []

    def attempt(queue: str, spooler: Spooler) -> Attempt:
        create_application()
        folder = tmp_path / f"content-{len(made)}"
        shutil.copytree(DEFAULT_CONTENT, folder)
        site = folder / "site.toml"
        text = site.read_text(encoding="utf-8")
        site.write_text(
            text.replace(
                '[printer]\n# Empty name: the system\'s default printer.\nname = ""',
                f'[printer]\nname = "{queue}"',
            ),
            encoding="utf-8",
        )
        store = ContentStore(folder, fake_clock)
        assert store.content.site.printer.name == queue
        printer = HandoutPrinter(store.content.site.printer, fake_clock, spooler=spooler)
        meter = FrameMeter()
        # Connected before the window's slot, so it is stamped before the window answers the outcome.
        printer.print_finished.connect(lambda _outcome: setattr(meter, "stop_at", time.monotonic()))
        kiosk = KioskWindow(store, fake_clock, printer, kiosk_mode=False)
        store.setParent(kiosk)
        printer.setParent(kiosk)
        made.append(kiosk)
        kiosk.resize(QSize(1920, 1080))
        kiosk.show()
        assert QTest.qWaitForWindowExposed(kiosk)
        kiosk.show_contact()
        kiosk.repaint()  # the contact screen's first paint is the test's doing, not the print's
        QCoreApplication.processEvents()
        started = time.monotonic()
        meter.start()
        with qtbot.waitSignal(printer.print_finished, timeout=round((printer.watchdog_s + 5) * 1000)):
            QTest.mouseClick(kiosk.contact.print, Qt.MouseButton.LeftButton)
            assert kiosk.contact.status.text() == "Wordt afgedrukt…"
        meter.stop()
        seconds = time.monotonic() - started
        QCoreApplication.processEvents()
        assert kiosk.visit.print_outcome is not None
        return Attempt(
            kiosk.visit.print_outcome,
            kiosk.contact.status.text(),
            seconds,
            meter.longest_ms,
            meter.worst_at,
            printer.prints_today(),
        )

    yield attempt
    for kiosk in made:
        kiosk.quit_cleanly()
        kiosk.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def spooler(**kwargs: object) -> Spooler:
    """The print path with the tests' time limit and a job title no other test uses."""
    return Spooler(time_limit_s=TIME_LIMIT_S, title=f"kiosktest_{uuid.uuid4().hex}", **kwargs)  # type: ignore[arg-type]


def test_without_a_print_system_the_visitor_hears_no_printer_at_once(
    qtbot: QtBot, content: Content, fake_clock: FakeClock
) -> None:
    """No CUPS server where the kiosk looks for one (nothing listens on port 1)."""
    started = time.monotonic()
    printer = HandoutPrinter(settings(), fake_clock, spooler=Spooler(server="127.0.0.1:1"))
    assert outcome(qtbot, printer, content) is PrintOutcome.NO_PRINTER
    assert available_printers(Spooler(server="127.0.0.1:1")) == []
    assert time.monotonic() - started < 5


def test_a_configured_printer_that_does_not_exist_is_no_printer(
    qtbot: QtBot, content: Content, fake_clock: FakeClock
) -> None:
    assert (
        outcome(qtbot, HandoutPrinter(settings("Balie-printer"), fake_clock), content)
        is PrintOutcome.NO_PRINTER
    )


def test_a_handout_that_cannot_be_painted_is_failed(
    qtbot: QtBot, content: Content, monkeypatch: pytest.MonkeyPatch, fake_clock: FakeClock
) -> None:
    def no_child(*args: object, **kwargs: object) -> None:
        raise OSError("no process can be started")  # so the page is drawn here, and that fails too

    monkeypatch.setattr(subprocess, "run", no_child)  # the one module printing imports when it prints
    monkeypatch.setattr(QPainter, "begin", lambda painter, device: False)
    printer = HandoutPrinter(settings(QUEUE), fake_clock, spooler=Spooler(server="127.0.0.1:1"))
    assert outcome(qtbot, printer, content) is PrintOutcome.FAILED


def test_the_handout_is_drawn_by_a_child_process_and_here_when_that_fails(
    content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The print worker must not hold the interpreter for Qt's text layout: a child draws the page."""
    from kiosk.render.handout import handout_pdf

    drawn_here: list[str] = []

    def here(c: Content, lang: str) -> bytes:
        drawn_here.append(lang)
        return handout_pdf(c, lang)

    monkeypatch.setattr("kiosk.render.handout.handout_pdf", here)
    pdf = printing.handout_pdf_apart(content, "en")
    assert pdf.startswith(b"%PDF") and drawn_here == []
    monkeypatch.setattr(printing, "CHILD_LIMIT_S", 0.001)  # the child cannot make it in time
    assert printing.handout_pdf_apart(content, "en").startswith(b"%PDF") and drawn_here == ["en"]


def test_a_refusal_is_reported_once_and_only_after_request_print_returns(
    qtbot: QtBot, content: Content, printed_to: list[str], fake_clock: FakeClock
) -> None:
    printer = HandoutPrinter(settings(max_per_day=0), fake_clock)
    heard: list[PrintOutcome] = []
    printer.print_finished.connect(heard.append)
    printer.request_print(content, "nl")
    assert heard == []
    qtbot.waitUntil(lambda: heard == [PrintOutcome.DAILY_LIMIT])
    QCoreApplication.processEvents()
    assert heard == [PrintOutcome.DAILY_LIMIT]
    assert printed_to == []


def test_a_second_print_within_the_interval_is_too_soon_and_allowed_after_it(
    qtbot: QtBot, content: Content, printed_to: list[str], fake_clock: FakeClock
) -> None:
    printer = HandoutPrinter(settings(min_interval_s=60), fake_clock)
    assert outcome(qtbot, printer, content) is PrintOutcome.PRINTED
    fake_clock.advance(59)
    assert outcome(qtbot, printer, content) is PrintOutcome.TOO_SOON
    fake_clock.set_wall_time(fake_clock.now() - datetime.timedelta(hours=1))  # daylight saving time ends
    fake_clock.advance(1)
    assert outcome(qtbot, printer, content) is PrintOutcome.PRINTED
    assert printer.prints_today() == 2


def test_the_daily_limit_has_its_own_outcome_and_a_new_day_starts_afresh(
    qtbot: QtBot, content: Content, printed_to: list[str], fake_clock: FakeClock
) -> None:
    printer = HandoutPrinter(settings(min_interval_s=0, max_per_day=2), fake_clock)
    assert [outcome(qtbot, printer, content) for _ in range(3)] == [
        PrintOutcome.PRINTED,
        PrintOutcome.PRINTED,
        PrintOutcome.DAILY_LIMIT,
    ]
    fake_clock.set_wall_time(fake_clock.now().replace(hour=23, minute=59))
    assert printer.prints_today() == 2
    fake_clock.advance(60)  # 00:00 the next day
    assert printer.prints_today() == 0
    assert outcome(qtbot, printer, content) is PrintOutcome.PRINTED
    assert printer.prints_today() == 1


def test_new_settings_take_the_next_print_to_the_new_printer(
    qtbot: QtBot, content: Content, printed_to: list[str], fake_clock: FakeClock
) -> None:
    printer = HandoutPrinter(settings("Balie", min_interval_s=0), fake_clock)
    outcome(qtbot, printer, content)
    printer.set_settings(settings("Spreekkamer", min_interval_s=0))
    outcome(qtbot, printer, content)
    assert printed_to == ["Balie", "Spreekkamer"]
    assert printer.prints_today() == 2


def test_a_print_job_that_never_returns_is_reported_timed_out_once_and_counted_if_it_prints_later(
    qtbot: QtBot, content: Content, monkeypatch: pytest.MonkeyPatch, fake_clock: FakeClock
) -> None:
    release = threading.Event()

    def stuck(content: Content, lang: str, printer_name: str, spooler: Spooler | None) -> PrintOutcome:
        release.wait(10)
        return PrintOutcome.PRINTED

    monkeypatch.setattr(printing, "print_handout", stuck)
    printer = HandoutPrinter(settings(min_interval_s=0), fake_clock)
    heard: list[PrintOutcome] = []
    printer.print_finished.connect(heard.append)
    try:
        printer.request_print(content, "nl")
        fake_clock.advance(printer.watchdog_s - 1)
        QCoreApplication.processEvents()
        assert heard == []  # still waiting for the printer
        fake_clock.advance(1)
        assert heard == [PrintOutcome.TIMED_OUT]
        assert outcome(qtbot, printer, content) is PrintOutcome.FAILED  # still stuck: no second job
    finally:
        release.set()
    qtbot.waitUntil(lambda: printer.prints_today() == 1)
    assert heard == [PrintOutcome.TIMED_OUT, PrintOutcome.FAILED]


def assert_told_kindly(attempt: Attempt, message: str) -> None:
    """Not printed: the visitor reads why and is pointed at the QR code; it does not count."""
    assert attempt.message.startswith(message)
    assert "QR-code" in attempt.message
    assert attempt.prints_today == 0
    assert attempt.seconds < TIME_LIMIT_S + 2
    assert attempt.longest_gap_ms < LONGEST_GAP_MS


def assert_nothing_left_to_print(queue: str) -> None:
    """A job the visitor heard failed was cancelled: it will not come out later for nobody."""
    assert lpstat("-o", queue).strip() == ""


@pytest.mark.printer
def test_a_real_print_comes_out_as_the_one_page_handout_and_the_visitor_is_thanked(
    qtbot: QtBot,
    print_from_kiosk: Callable[[str, Spooler], Attempt],
    content: Content,
    pdf_out: Path,
    tmp_path: Path,
) -> None:
    job = spooler()
    attempt = print_from_kiosk(QUEUE, job)
    assert attempt.outcome is PrintOutcome.PRINTED
    assert attempt.message == "Dank je wel! Je folder komt uit de printer."
    assert attempt.prints_today == 1
    assert attempt.seconds < TIME_LIMIT_S
    assert attempt.longest_gap_ms < LONGEST_GAP_MS

    def printed() -> None:  # cups-pdf creates the file empty, then fills it
        assert lpstat("-o", QUEUE).strip() == ""
        assert len(list(pdf_out.glob(f"{job.title}-job_*.pdf"))) == 1

    qtbot.waitUntil(printed, timeout=30_000)
    pdf = next(pdf_out.glob(f"{job.title}-job_*.pdf"))
    try:
        assert_is_the_handout(pdf, content, tmp_path)
    finally:
        pdf.unlink()


@pytest.mark.printer
def test_a_queue_that_rejects_jobs_is_refused_not_thanked(
    print_from_kiosk: Callable[[str, Spooler], Attempt], restore_queues: None
) -> None:
    cups("cupsreject", STATES)
    attempt = print_from_kiosk(STATES, spooler())
    assert attempt.outcome is PrintOutcome.REFUSED
    assert_told_kindly(attempt, "De printer neemt nu even geen folders aan.")
    assert_nothing_left_to_print(STATES)


@pytest.mark.printer
def test_a_stopped_queue_is_stopped_and_its_job_cancelled(
    print_from_kiosk: Callable[[str, Spooler], Attempt], restore_queues: None
) -> None:
    cups("cupsdisable", STATES)
    attempt = print_from_kiosk(STATES, spooler())
    assert attempt.outcome is PrintOutcome.STOPPED
    assert_told_kindly(attempt, "De printer staat even stil.")
    assert_nothing_left_to_print(STATES)


@pytest.mark.printer
@pytest.mark.parametrize(
    ("policy", "expected", "message"),
    [
        ("retry-job", PrintOutcome.FAILED, "Het printen is niet gelukt."),  # Debian's default
        ("abort-job", PrintOutcome.FAILED, "Het printen is niet gelukt."),
        ("stop-printer", PrintOutcome.STOPPED, "De printer staat even stil."),  # CUPS's own default
    ],
)
def test_a_printer_that_cannot_be_reached_is_not_thanked(
    print_from_kiosk: Callable[[str, Spooler], Attempt],
    restore_queues: None,
    policy: str,
    expected: PrintOutcome,
    message: str,
) -> None:
    """The queue's backend fails (kiosktest:/fail); what CUPS does then is the queue's error policy."""
    cups("lpadmin", "-p", FAILS, "-o", f"printer-error-policy={policy}")
    attempt = print_from_kiosk(FAILS, spooler())
    assert attempt.outcome is expected
    assert_told_kindly(attempt, message)
    assert_nothing_left_to_print(FAILS)


@pytest.mark.printer
def test_a_printer_out_of_paper_says_so_and_its_job_is_cancelled(
    print_from_kiosk: Callable[[str, Spooler], Attempt], restore_queues: None
) -> None:
    attempt = print_from_kiosk(NO_PAPER, spooler())
    assert attempt.outcome is PrintOutcome.NO_PAPER
    assert_told_kindly(attempt, "Het papier is op.")
    assert_nothing_left_to_print(NO_PAPER)


@pytest.mark.printer
def test_a_job_still_not_printed_at_the_time_limit_is_timed_out_and_cancelled(
    print_from_kiosk: Callable[[str, Spooler], Attempt], restore_queues: None
) -> None:
    """A printer busy with the job for minutes (kiosktest:/slow), with a settling time past the limit."""
    cups("lpadmin", "-p", FAILS, "-v", "kiosktest:/slow")
    attempt = print_from_kiosk(FAILS, spooler(settle_s=TIME_LIMIT_S * 2))
    assert attempt.outcome is PrintOutcome.TIMED_OUT
    assert_told_kindly(attempt, "De printer reageert niet.")
    assert attempt.seconds >= TIME_LIMIT_S
    assert_nothing_left_to_print(FAILS)


@pytest.mark.printer
def test_a_printer_busy_without_trouble_counts_as_printed_once_it_settles(
    print_from_kiosk: Callable[[str, Spooler], Attempt], restore_queues: None
) -> None:
    cups("lpadmin", "-p", FAILS, "-v", "kiosktest:/slow")
    attempt = print_from_kiosk(FAILS, spooler(settle_s=1.0))
    assert attempt.outcome is PrintOutcome.PRINTED
    assert attempt.prints_today == 1
    assert attempt.longest_gap_ms < LONGEST_GAP_MS


@pytest.mark.printer
def test_a_cups_server_that_never_answers_times_out_and_the_screen_keeps_painting(
    print_from_kiosk: Callable[[str, Spooler], Attempt], silent_server: str, pdf_out: Path
) -> None:
    attempt = print_from_kiosk(QUEUE, spooler(server=silent_server))
    assert attempt.outcome is PrintOutcome.TIMED_OUT
    assert_told_kindly(attempt, "De printer reageert niet.")
    started = time.monotonic()
    assert available_printers(Spooler(server=silent_server)) == []  # the staff screen's list
    assert time.monotonic() - started < printing.LIST_TIMEOUT_S + 1


def pinned(folder: Path) -> Path:
    assert ContentEditor(folder).save_site({"staff.pin_hash": hash_pin(PIN)}).saved
    return folder


@pytest.mark.printer
def test_the_testpagina_button_prints_the_test_page_through_cups_and_says_so_in_dutch(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskWindow],
    content_copy: Path,
    fake_clock: FakeClock,
    pdf_out: Path,
    tmp_path: Path,
) -> None:
    kiosk: KioskWindow = make_kiosk(content=pinned(content_copy))
    open_staff(kiosk, fake_clock)
    title = f"kiosktest_{uuid.uuid4().hex}"
    kiosk.staff.test_printer.spooler = Spooler(time_limit_s=TIME_LIMIT_S, title=title)
    tab = kiosk.staff.screen.kiosk
    kiosk.staff.screen.tabs.setCurrentWidget(tab)
    tab.printer.setCurrentIndex(tab.printer.findData(QUEUE))
    assert tab.printer.currentData() == QUEUE
    with qtbot.waitSignal(kiosk.staff.test_printer.print_finished, timeout=30_000) as finished:
        QTest.mouseClick(tab.test_print, Qt.MouseButton.LeftButton)
        assert kiosk.staff.screen.message.text() == "Testpagina wordt afgedrukt…"
    assert finished.args == [PrintOutcome.PRINTED]
    assert kiosk.staff.screen.message.text().startswith("De testpagina is afgedrukt.")

    def printed() -> None:  # cups-pdf creates the file empty, then fills it
        assert lpstat("-o", QUEUE).strip() == ""
        assert len(list(pdf_out.glob(f"{title}-testpagina-job_*.pdf"))) == 1

    qtbot.waitUntil(printed, timeout=30_000)
    pdf = next(pdf_out.glob(f"{title}-testpagina-job_*.pdf"))
    try:
        check_test_page(pdf, kiosk.content, QUEUE, fake_clock.now(), tmp_path)
    finally:
        pdf.unlink()


def test_a_test_page_that_does_not_print_is_said_in_dutch(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow], content_copy: Path, fake_clock: FakeClock
) -> None:
    kiosk: KioskWindow = make_kiosk(content=pinned(content_copy))
    open_staff(kiosk, fake_clock)
    kiosk.staff.test_printer.spooler = Spooler(time_limit_s=TIME_LIMIT_S, server="127.0.0.1:1")
    with qtbot.waitSignal(kiosk.staff.test_printer.print_finished, timeout=30_000):
        QTest.mouseClick(kiosk.staff.screen.kiosk.test_print, Qt.MouseButton.LeftButton)
    assert kiosk.staff.screen.message.text().startswith(
        "Testpagina niet afgedrukt: deze printer is niet gevonden."
    )
