"""A week in the waiting room, simulated in a few minutes: memory, Qt objects and open files stay flat.

Each simulated day the kiosk wakes at opening time, loops through every slide many times, serves
visitors (taps, swipes, the signs cards, the contact screen, a printed handout), is edited from
outside (the folder watcher reloads it), forgets each visitor on the idle timeout, and sleeps at
closing time. Time is the fake clock: the loop runs on its own timers and fades, the idle timeout
forgets each visitor, and nothing sleeps; prints go to PDF files through the real worker thread and
painter.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import gc
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.content import Content
from kiosk.render.handout import write_handout_pdf
from kiosk.services import printing
from kiosk.services.printing import PrintOutcome
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.ui.conftest import advance
from tests.ui.test_loop_and_touch import touch_swipe
from tests.ui.test_staff import settle_outside_edit

MakeKiosk = Callable[..., KioskWindow]
DAYS = max(6, int(os.environ.get("SOAK_DAYS", 7)))  # SOAK_DAYS=60 for two months, locally
LOOP_TRANSITIONS_PER_DAY = 1500  # a real day is ~2700 slides of 12 s; a week here is over 10,000
VISITORS_PER_DAY = 24
MAX_GROWTH_MB = 6.0
WARM_UP_DAYS = 2  # measured from the end of the third day (see the test)


MONDAY = dt.datetime(2026, 11, 30)


def at(clock: FakeClock, day: int, hour: int, minute: int = 0) -> None:
    """Jump the wall clock to a time of day; then let the schedule's next look (30 s) pass."""
    clock.set_wall_time(MONDAY + dt.timedelta(days=day, hours=hour, minutes=minute))
    advance(clock, 30)


@dataclass
class Sample:
    rss_mb: float
    qobjects: int
    open_files: int


def sample() -> Sample:
    """Resident memory, every QObject reachable from the application and its windows, open descriptors."""
    for _ in range(3):  # deleteLater() and queued signals of the last visitor are done
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    gc.collect()
    with contextlib.suppress(
        OSError, AttributeError
    ):  # glibc: hand freed memory back, so RSS shows what lives
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    app = QApplication.instance()
    assert app is not None
    roots: list[QObject] = [app, *QApplication.topLevelWidgets()]
    with open("/proc/self/statm") as statm:
        rss = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    return Sample(
        rss_mb=rss,
        qobjects=sum(1 + len(root.findChildren(QObject)) for root in roots),
        open_files=len(os.listdir("/proc/self/fd")),
    )


@pytest.fixture
def prints_to_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The print job paints the real handout into a PDF file instead of a print queue."""
    done: list[Path] = []

    def to_pdf(content: Content, lang: str, printer_name: str, spooler: object) -> PrintOutcome:
        path = tmp_path / "handout.pdf"
        write_handout_pdf(path, content, lang)
        done.append(path)
        return PrintOutcome.PRINTED

    monkeypatch.setattr(printing, "print_handout", to_pdf)
    return done


def click(button: QPushButton) -> None:
    assert button.isVisible(), f"{button.objectName()} is not on screen"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def a_visitor(qtbot: QtBot, kiosk: KioskWindow, clock: FakeClock, number: int) -> None:
    """Reads a few slides, taps through the signs, takes the contact details home, walks away."""
    show = kiosk.slideshow
    centre = QPoint(show.width() // 2, show.height() // 2)
    touch_swipe(show, centre, centre)  # the tap that stops the loop
    assert kiosk.visit.taken_over
    for _ in range(3):
        touch_swipe(show, centre + QPoint(show.width() // 4, 0), centre - QPoint(show.width() // 4, 0))
    click(kiosk.bottom_bar.previous)
    click(kiosk.top_bar.signs)
    signs = kiosk.signs
    while not signs.on_summary():
        click(signs.recognised if (number + kiosk.visit.card) % 2 else signs.next)
    click(signs.to_contact)
    if number % 3 == 0:
        with qtbot.waitSignal(kiosk.printer.print_finished, timeout=10_000) as printed:  # type: ignore[union-attr]
            click(kiosk.contact.print)
        assert printed.args == [PrintOutcome.PRINTED]
    # Nobody touches the screen any more: the idle timeout forgets them.
    advance(clock, kiosk.content.site.kiosk.idle_timeout_s)
    assert not kiosk.visit.taken_over and kiosk.visit.recognised() == 0


def a_day(qtbot: QtBot, kiosk: KioskWindow, clock: FakeClock, day: int, content: Path) -> None:
    at(clock, day, 7)
    assert kiosk.pages.currentWidget() is kiosk.closed
    at(clock, day, 8)  # opening time: awake, looping
    assert kiosk.pages.currentWidget() is kiosk.loop_page and kiosk.slideshow.is_playing()
    show = kiosk.slideshow
    for visitor in range(VISITORS_PER_DAY):
        for _ in range(LOOP_TRANSITIONS_PER_DAY // VISITORS_PER_DAY):
            before = show.index()
            advance(clock, show.slides()[before].duration_s)  # the slide's time, then its cross-fade
            assert show.index() != before
        at(clock, day, 8 + visitor // 3, (visitor % 3) * 20)
        a_visitor(qtbot, kiosk, clock, visitor)
    slide = content / "slides" / "010-welkom.nl.md"
    before_version = kiosk.store.version
    unset = re.sub(r"(?m)^duration = .*\n", "", slide.read_text(encoding="utf-8"))
    edited = unset.replace("+++\n", f"+++\nduration = {30 + day}\n", 1)  # staff slow the first slide down
    slide.write_text(edited, encoding="utf-8")
    settle_outside_edit(qtbot, kiosk, clock, kiosk.store.content_changed)  # the folder watcher
    assert kiosk.store.version != before_version
    at(clock, day, 18)
    assert kiosk.pages.currentWidget() is kiosk.closed  # the night


def test_a_simulated_week_leaves_memory_qt_objects_and_open_files_flat(
    qtbot: QtBot, make_kiosk: MakeKiosk, content_copy: Path, prints_to_pdf: list[Path], fake_clock: FakeClock
) -> None:
    with (content_copy / "site.toml").open("a", encoding="utf-8") as site:
        site.write('\n[schedule]\nopens = "08:00"\ncloses = "18:00"\n')
    fake_clock.set_wall_time(MONDAY + dt.timedelta(hours=6))  # before opening
    kiosk = make_kiosk(content_copy, size=QSize(1280, 800), watch=True)
    samples = []
    for day in range(DAYS):
        a_day(qtbot, kiosk, fake_clock, day, content_copy)
        samples.append(sample())
    trend = ", ".join(f"{s.rss_mb:.0f} MB/{s.qobjects} objects/{s.open_files} files" for s in samples)
    # The first days fill what is bounded by design (the picture cache: each picture at each size it is
    # shown at, 64 at most); from then on nothing may grow.
    first, last = samples[WARM_UP_DAYS], samples[-1]
    assert last.rss_mb - first.rss_mb <= MAX_GROWTH_MB, f"memory grows: {trend}"
    assert last.qobjects <= first.qobjects, f"Qt objects pile up: {trend}"
    assert last.open_files <= first.open_files, f"files are left open: {trend}"
    assert len(prints_to_pdf) == DAYS * len(range(0, VISITORS_PER_DAY, 3))


def test_visits_reuse_the_bars_icons_so_qts_pixmap_cache_stays_small(make_kiosk: MakeKiosk) -> None:
    """A new icon each visit left its pixmaps in Qt's pixmap cache under keys never asked for again: the
    kiosk grew by that cache's 10 MB over a few thousand visits (the growth benchmark found 6.6 MB)."""
    kiosk = make_kiosk()
    bar = kiosk.bottom_bar

    def icons() -> tuple[int, int]:
        return bar.language.icon().cacheKey(), bar.speech.speak.icon().cacheKey()

    kiosk.take_over()
    kiosk.reset_to_loop()
    first = icons()
    for _ in range(3):
        kiosk.take_over()
        kiosk.set_large_text(True)
        kiosk.reset_to_loop()
    assert icons() == first
