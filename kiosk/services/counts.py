"""Counts without people: per day, how often visitors opened each slide, started the warning signs, saw the
contact screen, printed a handout, and read in each language. Off unless the site turns it on
(`[stats] enabled = true`).

Only whole-day totals reach the disk: no time of day (the file's own modification time is set to the
day's midnight too), no answers to the signs, nothing that ties one count to another or to a visitor.
Wherever a count is shown or exported, a number below 5 reads "< 5", so a quiet day cannot point at
someone. The file keeps the last 400 days and is replaced whole on each count (a power cut leaves the old
or the new file, never half of one).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
from pathlib import Path

from kiosk.content import Content, pick
from kiosk.content.editing import _write_atomically
from kiosk.content.model import LANGUAGE_NAMES, SOURCE_LANGUAGE
from kiosk.logs import state_dir
from kiosk.services.clock import Clock

log = logging.getLogger(__name__)
COUNTS_FILE = "counts.json"
KEEP_DAYS = 400
FEW = 5  # below this a count is shown as "< 5"
SIGNS, CONTACT, HANDOUT = "signs", "contact", "handout"
SLIDE, LANGUAGE = "slide:", "language:"  # + the slide's id, the language's code

Days = dict[str, dict[str, int]]  # "2026-06-01" → what → how often


def counts_path() -> Path:
    return state_dir() / COUNTS_FILE


def read_counts(path: Path) -> Days:
    """The stored counts; a missing or damaged file counts as none (and says so in the log)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:
        log.warning("counts file %s is unreadable (%s); starting again from zero", path, err)
        return {}
    if not isinstance(data, dict):
        return {}
    days: Days = {}
    for day, counts in data.items():
        with contextlib.suppress(ValueError):
            if isinstance(counts, dict) and dt.date.fromisoformat(day):
                days[day] = {k: v for k, v in counts.items() if type(v) is int and v > 0}
    return days


def shown(count: int) -> str:
    """A count as staff may see it: below 5 it says only "< 5"."""
    return "< 5" if count < FEW else str(count)


def label(what: str, content: Content | None) -> str:
    """What a count is about, in plain Dutch (a slide by its title while the content still has it)."""
    if what.startswith(SLIDE):
        slide_id = what.removeprefix(SLIDE)
        slide = next((s for s in content.slides if s.id == slide_id), None) if content else None
        return f"Dia '{pick(slide.title, SOURCE_LANGUAGE) if slide else slide_id}' geopend"
    if what.startswith(LANGUAGE):
        code = what.removeprefix(LANGUAGE)
        return f"Bezoek in de taal {LANGUAGE_NAMES.get(code, code)}"
    return {SIGNS: "Signalen gestart", CONTACT: "Contactscherm getoond", HANDOUT: "Folder geprint"}.get(
        what, what
    )


def totals(days: Days, first: dt.date, last: dt.date) -> dict[str, int]:
    """Each count summed over the days from `first` to `last`, both included."""
    summed: dict[str, int] = {}
    for day, counts in days.items():
        if first.isoformat() <= day <= last.isoformat():
            for what, count in counts.items():
                summed[what] = summed.get(what, 0) + count
    return summed


def write_csv(path: Path, days: Days, content: Content | None) -> int:
    """The counts as CSV (date, what, how often), one row per day and thing counted; the number of rows."""
    import csv  # here: staff export the counts now and then; the kiosk starts without it

    rows = [
        (day, label(what, content), shown(count))
        for day, counts in sorted(days.items())
        for what, count in sorted(counts.items(), key=lambda item: label(item[0], content))
    ]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(("datum", "wat", "aantal"))
        writer.writerows(rows)
    return len(rows)


class DailyCounts:
    """The kiosk's counter: `add("signs")` adds one to today's count, on the kiosk's clock."""

    def __init__(self, clock: Clock, path: Path | None = None) -> None:
        self._clock = clock
        self._path = path
        self.enabled = False
        self._days: Days | None = None  # read at the first count: a site without counts never opens it
        self._failed = False

    @property
    def path(self) -> Path:
        return self._path or counts_path()

    def days(self) -> Days:
        if self._days is None:
            self._days = read_counts(self.path)
        return self._days

    def add(self, what: str) -> None:
        if not self.enabled:
            return
        today = self._clock.now().date()
        days = self.days()
        counts = days.setdefault(today.isoformat(), {})
        counts[what] = counts.get(what, 0) + 1
        oldest = (today - dt.timedelta(days=KEEP_DAYS - 1)).isoformat()
        for day in [d for d in days if d < oldest]:
            del days[day]
        self._write(today)

    def _write(self, today: dt.date) -> None:
        data = json.dumps(dict(sorted(self.days().items())), indent=1, sort_keys=True).encode("utf-8")
        try:
            _write_atomically(self.path, data)
            midnight = dt.datetime.combine(today, dt.time()).timestamp()
            os.utime(self.path, (midnight, midnight))  # the file's time says the day, not the moment
        except OSError as err:
            if not self._failed:  # once, not on every page a visitor turns
                log.warning("cannot write the counts to %s (%s)", self.path, err.strerror or err)
            self._failed = True
        else:
            self._failed = False
