"""Counts without people: off unless the site turns them on; then whole-day totals, nothing per visitor,
nothing finer than a day, and a count below 5 shown as "< 5" wherever staff see it."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.__main__ import main
from kiosk.logs import log_dir, setup_logging, state_dir
from kiosk.services.counts import COUNTS_FILE, DailyCounts
from kiosk.services.printing import PrintOutcome
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.ui.conftest import advance

MakeKiosk = Callable[..., KioskWindow]


@pytest.fixture
def counting(content_copy: Path) -> Path:
    site = content_copy / "site.toml"
    text = site.read_text(encoding="utf-8").replace('languages = ["nl"]', 'languages = ["nl", "en"]')
    site.write_text(text.replace("enabled = false", "enabled = true"), encoding="utf-8")
    return content_copy


def click(button: QPushButton) -> None:
    assert button.isVisible(), button.objectName()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def a_visit(kiosk: KioskWindow, clock: FakeClock, english: bool = False) -> None:
    """A visitor pages twice, answers every sign, looks at the contact screen, prints, and walks away."""
    advance(clock, 60)  # the attract loop turns a few slides first: not counted
    kiosk.take_over()
    click(kiosk.bottom_bar.next)
    click(kiosk.bottom_bar.next)
    if english:
        click(kiosk.bottom_bar.language)
        click(kiosk.language_menu.buttons["en"])
    click(kiosk.top_bar.signs)
    for _ in range(4):
        click(kiosk.signs.recognised)
    click(kiosk.signs.to_contact)
    kiosk.printer.print_finished.emit(PrintOutcome.PRINTED)  # type: ignore[union-attr]
    advance(clock, kiosk.content.site.kiosk.idle_timeout_s)
    assert not kiosk.visit.taken_over


def stored() -> dict[str, dict[str, int]]:
    data: dict[str, dict[str, int]] = json.loads((state_dir() / COUNTS_FILE).read_text(encoding="utf-8"))
    return data


def test_off_by_default_nothing_is_written(
    make_kiosk: MakeKiosk, content_copy: Path, fake_clock: FakeClock
) -> None:
    assert setup_logging() is not None  # the log file too: it must not say when visitors came and went
    kiosk = make_kiosk(content_copy)
    assert not kiosk.content.site.stats_enabled
    started = on_disk()  # what the kiosk keeps of itself (e.g. the QR code's fingerprint), before any visit
    a_visit(kiosk, fake_clock)
    assert on_disk() == started


def on_disk() -> dict[Path, bytes]:
    """Every file in the state and log folders, with its bytes."""
    return {
        p: p.read_bytes() for folder in {state_dir(), log_dir()} for p in folder.rglob("*") if p.is_file()
    }


def test_a_days_visits_give_that_days_counts(
    make_kiosk: MakeKiosk, counting: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(counting)
    a_visit(kiosk, fake_clock)
    a_visit(kiosk, fake_clock, english=True)
    fake_clock.set_wall_time(dt.datetime(2026, 6, 2, 9, 0))
    a_visit(kiosk, fake_clock)

    def split(day: str) -> tuple[dict[str, int], int]:
        """(what is not a slide, slide pages turned: which slides depends on the loop's pace)"""
        counts = stored()[day]
        pages = sum(n for what, n in counts.items() if what.startswith("slide:"))
        return {what: n for what, n in counts.items() if not what.startswith("slide:")}, pages

    assert set(stored()) == {"2026-06-01", "2026-06-02"}
    # Two pages turned by each visitor; the attract loop's own turns are not counted.
    assert split("2026-06-01") == (
        {"signs": 2, "contact": 2, "handout": 2, "language:nl": 1, "language:en": 1},
        4,
    )
    assert split("2026-06-02") == ({"signs": 1, "contact": 1, "handout": 1, "language:nl": 1}, 2)


def test_nothing_finer_than_a_day_and_nothing_of_a_visitor_reaches_the_disk(
    make_kiosk: MakeKiosk, counting: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(counting)
    started = on_disk()
    for _ in range(3):
        a_visit(kiosk, fake_clock)
    after = on_disk()
    written = [p for p in after if started.get(p) != after[p]]
    assert [p.name for p in written] == [COUNTS_FILE]
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\d:\d\d|T\d\d", text), text  # no time of day
        assert not re.search(r"answer|recogni|true|false|card", text, re.IGNORECASE), text  # no signs answers
        assert set(json.loads(text)) == {"2026-06-01"}  # one total per day, nothing per visit
        midnight = dt.datetime(2026, 6, 1).timestamp()
        assert path.stat().st_mtime == midnight  # not even the file's own time says when


def test_the_csv_and_the_staff_status_show_small_counts_as_fewer_than_5(
    make_kiosk: MakeKiosk, counting: Path, fake_clock: FakeClock, tmp_path: Path
) -> None:
    kiosk = make_kiosk(counting)
    for _ in range(5):
        a_visit(kiosk, fake_clock)
    a_visit(kiosk, fake_clock, english=True)

    out = tmp_path / "counts.csv"
    assert main(["stats", "--out", str(out), "--content", str(counting)]) == 0
    rows = {row["wat"]: row["aantal"] for row in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["Signalen gestart"] == "6"
    assert rows["Bezoek in de taal Nederlands"] == "5"
    assert rows["Bezoek in de taal English"] == "< 5"
    assert "1" not in rows.values()

    kiosk.staff.enter()
    block = kiosk.staff.screen.status.findChild(QLabel, "care-status")
    assert block is not None
    assert "Signalen gestart: 6" in block.text()
    assert "Bezoek in de taal English: < 5" in block.text()


@pytest.mark.parametrize("damage", ["{not json", '["a"]', '{"2026-06-01": [1], "gisteren": {"signs": 3}}'])
def test_a_damaged_counts_file_starts_again_from_zero(
    make_kiosk: MakeKiosk, counting: Path, fake_clock: FakeClock, damage: str
) -> None:
    state_dir().mkdir(parents=True, exist_ok=True)
    (state_dir() / COUNTS_FILE).write_text(damage, encoding="utf-8")
    kiosk = make_kiosk(counting)
    a_visit(kiosk, fake_clock)
    assert stored()["2026-06-01"]["signs"] == 1 and set(stored()) == {"2026-06-01"}


def test_the_history_keeps_400_days(fake_clock: FakeClock, tmp_path: Path) -> None:
    path = tmp_path / COUNTS_FILE
    path.write_text(json.dumps({"2025-04-27": {"signs": 9}, "2025-04-28": {"signs": 8}}), encoding="utf-8")
    counts = DailyCounts(fake_clock, path)  # today, 2026-06-01, is the 400th day from 2025-04-28
    counts.enabled = True
    counts.add("contact")
    assert set(json.loads(path.read_text(encoding="utf-8"))) == {"2025-04-28", "2026-06-01"}


def test_a_slide_in_two_parts_counts_once_when_a_visitor_pages_through_it(
    make_kiosk: MakeKiosk, counting: Path, fake_clock: FakeClock
) -> None:
    from PySide6.QtCore import QSize

    kiosk = make_kiosk(counting, size=QSize(1280, 800))
    kiosk.take_over()
    kiosk.set_language("en")
    kiosk.set_large_text(True)  # English "help" text needs two parts here with large text
    show = kiosk.slideshow
    pages = len(show.slides())
    assert any(show.slides().count(slide) > 1 for slide in show.slides())  # the case this is about
    for _ in range(pages):
        click(kiosk.bottom_bar.next)
    slides = {what: n for what, n in stored()["2026-06-01"].items() if what.startswith("slide:")}
    assert slides == {f"slide:{s.id}": 1 for s in show.slides()}  # every slide once, in two parts or one
