"""Printing the handout: what the visitor hears back (PrintOutcome), and what comes out of a real queue.

Rate limits and timeouts run on the fake clock with a stand-in for the blocking print job, so nothing
sleeps; the printer-marked tests print for real on the `kiosk-pdf` CUPS queue (.ci/setup-printer.sh).
"""

from __future__ import annotations

import datetime
import os
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from pytestqt.qtbot import QtBot

from kiosk.app import create_application
from kiosk.content import Content, load_content
from kiosk.content.model import PrinterSettings
from kiosk.services import printing
from kiosk.services.printing import HandoutPrinter, PrintOutcome, available_printers
from tests.conftest import DEFAULT_CONTENT
from tests.fake_clock import FakeClock
from tests.ui.test_handout import assert_is_the_handout

QUEUE = "kiosk-pdf"


@pytest.fixture
def content() -> Content:
    create_application()  # the bundled fonts
    return load_content(DEFAULT_CONTENT)


@pytest.fixture
def printed_to(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The printer each job went to; the job itself is replaced by one that always prints."""
    names: list[str] = []

    def prints(content: Content, lang: str, printer_name: str) -> PrintOutcome:
        names.append(printer_name)
        return PrintOutcome.PRINTED

    monkeypatch.setattr(printing, "print_handout", prints)
    return names


@pytest.fixture
def pdf_out() -> Path:
    """Where cups-pdf writes what `kiosk-pdf` prints. CI (KIOSK_TEST_PDF_DIR set) requires the queue."""
    required = os.environ.get("KIOSK_TEST_PDF_DIR")
    if QUEUE not in available_printers():
        if required:
            pytest.fail(
                f"KIOSK_TEST_PDF_DIR is set but CUPS has no '{QUEUE}' queue: run .ci/setup-printer.sh"
            )
        pytest.skip(f"no CUPS queue '{QUEUE}' here (bash .ci/setup-printer.sh makes one, as root)")
    return Path(required or "/var/spool/cups-pdf/out")


def settings(name: str = "", min_interval_s: int = 60, max_per_day: int = 40) -> PrinterSettings:
    return PrinterSettings(name=name, min_interval_s=min_interval_s, max_per_day=max_per_day)


def outcome(qtbot: QtBot, printer: HandoutPrinter, content: Content) -> PrintOutcome:
    with qtbot.waitSignal(printer.print_finished, timeout=30_000) as blocker:
        printer.request_print(content, "nl")
    assert blocker.args is not None
    result: PrintOutcome = blocker.args[0]
    return result


def test_without_any_printer_the_visitor_hears_no_printer_at_once(
    qtbot: QtBot, content: Content, monkeypatch: pytest.MonkeyPatch, fake_clock: FakeClock
) -> None:
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: []))
    started = time.monotonic()
    assert outcome(qtbot, HandoutPrinter(settings(), fake_clock), content) is PrintOutcome.NO_PRINTER
    assert time.monotonic() - started < 2


def test_a_configured_printer_that_does_not_exist_is_no_printer(
    qtbot: QtBot, content: Content, fake_clock: FakeClock
) -> None:
    assert (
        outcome(qtbot, HandoutPrinter(settings("Balie-printer"), fake_clock), content)
        is PrintOutcome.NO_PRINTER
    )


def test_a_printer_that_vanished_is_no_printer_not_qts_silent_substitute(
    qtbot: QtBot, content: Content, monkeypatch: pytest.MonkeyPatch, fake_clock: FakeClock
) -> None:
    """Listed but gone: QPrinter would quietly use the default queue, or a PDF printer writing nowhere."""
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Weg"]))
    assert outcome(qtbot, HandoutPrinter(settings("Weg"), fake_clock), content) is PrintOutcome.NO_PRINTER


def test_a_stopped_printer_is_failed_rather_than_holding_the_job(
    qtbot: QtBot, content: Content, monkeypatch: pytest.MonkeyPatch, fake_clock: FakeClock
) -> None:
    """CUPS stops a queue whose printer is unplugged; its jobs would wait there, unseen."""
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Balie"]))
    monkeypatch.setattr(QPrinterInfo, "isNull", lambda info: False)
    monkeypatch.setattr(QPrinterInfo, "state", lambda info: QPrinter.PrinterState.Error)
    assert outcome(qtbot, HandoutPrinter(settings("Balie"), fake_clock), content) is PrintOutcome.FAILED


@pytest.mark.printer
def test_a_printer_that_refuses_to_start_the_job_is_failed(
    qtbot: QtBot, content: Content, monkeypatch: pytest.MonkeyPatch, pdf_out: Path, fake_clock: FakeClock
) -> None:
    monkeypatch.setattr(QPainter, "begin", lambda painter, device: False)
    assert outcome(qtbot, HandoutPrinter(settings(QUEUE), fake_clock), content) is PrintOutcome.FAILED


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


def test_a_printer_that_never_answers_is_reported_failed_once_and_counted_if_it_prints_later(
    qtbot: QtBot, content: Content, monkeypatch: pytest.MonkeyPatch, fake_clock: FakeClock
) -> None:
    release = threading.Event()

    def stuck(content: Content, lang: str, printer_name: str) -> PrintOutcome:
        release.wait(10)
        return PrintOutcome.PRINTED

    monkeypatch.setattr(printing, "print_handout", stuck)
    printer = HandoutPrinter(settings(min_interval_s=0), fake_clock)
    heard: list[PrintOutcome] = []
    printer.print_finished.connect(heard.append)
    try:
        printer.request_print(content, "nl")
        fake_clock.advance(printing.JOB_TIMEOUT_S - 1)
        QCoreApplication.processEvents()
        assert heard == []  # still waiting for the printer
        fake_clock.advance(1)
        assert heard == [PrintOutcome.FAILED]
        assert outcome(qtbot, printer, content) is PrintOutcome.FAILED  # still stuck: no second job
    finally:
        release.set()
    qtbot.waitUntil(lambda: printer.prints_today() == 1)
    assert heard == [PrintOutcome.FAILED, PrintOutcome.FAILED]


@pytest.mark.printer
def test_a_real_print_on_the_kiosk_pdf_queue_comes_out_as_the_one_page_handout(
    qtbot: QtBot,
    content: Content,
    monkeypatch: pytest.MonkeyPatch,
    pdf_out: Path,
    tmp_path: Path,
    fake_clock: FakeClock,
) -> None:
    doc = f"kiosktest_{uuid.uuid4().hex}"
    monkeypatch.setattr(printing, "DOC_NAME", doc)
    printer = HandoutPrinter(settings(QUEUE), fake_clock)
    assert outcome(qtbot, printer, content) is PrintOutcome.PRINTED
    assert printer.prints_today() == 1

    def printed() -> None:  # cups-pdf creates the file empty, then Ghostscript fills it
        queued = subprocess.run(["lpstat", "-o", QUEUE], capture_output=True, text=True).stdout
        assert queued.strip() == ""
        assert len(list(pdf_out.glob(f"{doc}-job_*.pdf"))) == 1

    qtbot.waitUntil(printed, timeout=30_000)
    pdf = next(pdf_out.glob(f"{doc}-job_*.pdf"))
    try:
        assert_is_the_handout(pdf, content, tmp_path)
    finally:
        pdf.unlink()
