"""Content from the publisher (`[fleet]` in site.toml): poll, fetch off the GUI thread, swap, and return by
itself when the new content does not come up.

The check (`kiosk.fleet.client.check_for_update`, blocking) and the copying into a staging folder run on a
worker thread that touches no QObject: its outcome comes back through a queued signal. On the GUI thread the
staged version is installed and swapped in (two renames), and the content store, which alone decides what is
shown, is asked to reload. A version the store refuses, or one the kiosk does not survive a minute with (a
"pending" record in the state folder that the next start reads), is undone and never taken again. Whatever
goes wrong, the content on screen stays, and the reason goes to the log and to staff status in plain Dutch.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import random
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from kiosk.content import Content, Problem, load_content
from kiosk.content.editing import errors_added
from kiosk.content.model import FleetSettings
from kiosk.fleet.versions import Versions
from kiosk.logs import state_dir
from kiosk.services.clock import Clock
from kiosk.services.content_store import ContentStore
from kiosk.services.state_file import DamagedRecordError, read_record, write_record

if TYPE_CHECKING:
    from kiosk.fleet.client import Update

log = logging.getLogger(__name__)

CONFIRM_S = 60  # a new version that has been on screen this long without a crash is kept
JITTER = 0.2  # every wait is stretched or shrunk by up to 20 %, so a fleet does not poll in step
RETRY_FIRST_S = 60  # after a failure: 1, 2, 4 ... minutes, up to an hour
RETRY_MAX_S = 3600

Check = Callable[..., "Update"]


def check_for_update(*args: Any, **kwargs: Any) -> Update:
    """fleet-core's TUF client, loaded when first used: a kiosk without [fleet] never loads it."""
    from kiosk.fleet import client

    return client.check_for_update(*args, **kwargs)


def fleet_state_dir() -> Path:
    return state_dir() / "fleet"


# -- the records in the state folder -------------------------------------------------------------


class FleetRecords:
    """`status.json` (the last check, its outcome, versions never to take again) and `pending.json` (a
    version swapped in and not yet confirmed). Nothing about visitors."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.status_path = self.folder / "status.json"
        self.pending_path = self.folder / "pending.json"

    def status(self) -> dict[str, Any]:
        with contextlib.suppress(DamagedRecordError):
            return read_record(self.status_path) or {}
        return {}

    def note(self, **changes: Any) -> dict[str, Any]:
        status = self.status() | changes
        write_record(self.status_path, status)
        return status

    def refused(self) -> set[int]:
        return {int(n) for n in self.status().get("refused", []) if isinstance(n, int)}

    def refuse(self, version: int) -> None:
        self.note(refused=sorted(self.refused() | {version}))

    def pending(self) -> dict[str, Any] | None:
        try:
            return read_record(self.pending_path)
        except DamagedRecordError:
            return {}  # a swap was under way when the power went: treated as not confirmed

    def set_pending(self, version: int, previous: int | None, since: dt.datetime) -> None:
        write_record(
            self.pending_path, {"version": version, "previous": previous, "since": since.isoformat()}
        )

    def clear_pending(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.pending_path.unlink()


# -- one check, anywhere (the worker thread, or `python -m kiosk fleet sync`) --------------------


@dataclass(frozen=True)
class Outcome:
    # "current": nothing new; "staged": ready to swap; "refused": not taken; "refused before": the newest is
    # one not taken earlier; "failed": no answer
    kind: str
    version: int | None = None
    expires: dt.datetime | None = None
    reason: str = ""  # plain Dutch, for staff
    detail: str = ""  # English, for the log
    downloaded_bytes: int = 0
    staging: Path | None = None


def fetch(
    versions: Versions,
    settings: FleetSettings,
    records: FleetRecords,
    shown: Content,
    check: Check,
    now: dt.datetime,
) -> Outcome:
    """Ask the publisher; stage a new version and check it against the content shown (the store's rule)."""
    from kiosk.fleet.client import FleetError

    metadata = records.folder / "metadata"
    if not (metadata / "root.json").is_file():  # the first time: the root the site's bundle carries
        metadata.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(versions.content_dir / settings.root, metadata / "root.json")
    try:
        update = check(settings.url, settings.channel, metadata, records.folder / "cache", now=now)
    except FleetError as err:
        return Outcome("failed", reason=err.reason, detail=str(err))
    current = versions.current()
    got: dict[str, Any] = {"expires": update.expires, "downloaded_bytes": update.downloaded_bytes}
    if current is not None and update.version <= current:
        return Outcome("current", current, **got)
    if update.version in records.refused():
        why = f"version {update.version} was refused before; waiting for a newer one"
        return Outcome("refused before", update.version, detail=why, **got)
    staging = versions.stage(update.files)
    added = errors_added(shown, versions.check(staging))
    if added:
        shutil.rmtree(staging, ignore_errors=True)
        return Outcome("refused", update.version, reason=refusal_nl(added), detail=_english(added), **got)
    return Outcome("staged", update.version, staging=staging, **got)


def refusal_nl(problems: tuple[Problem, ...] | list[Problem]) -> str:
    from kiosk.content.staff_messages import staff_message  # here: only a refusal needs it

    titles: dict[str, str] = {}
    return " ".join(staff_message(p, titles).text for p in problems[:3])


def _english(problems: tuple[Problem, ...] | list[Problem]) -> str:
    return "; ".join(str(p) for p in problems)


NOT_STAGED = "De nieuwe inhoud kon niet worden klaargezet."


def not_taken(version: int | None, reason: str) -> str:
    return f"De nieuwe inhoud (versie {version}) is niet overgenomen: {reason}"


def record_outcome(
    records: FleetRecords, outcome: Outcome, channel: str, now: dt.datetime, swapping: bool = False
) -> None:
    """Log a check's outcome and keep it for `fleet status`, staff status and the metrics."""
    status: dict[str, Any] = {"last_sync": now.isoformat(timespec="seconds"), "channel": channel}
    if outcome.expires is not None:
        status["expires"] = outcome.expires.isoformat()
    if outcome.kind == "failed":
        log.warning("fleet: no update (%s); the content shown stays", outcome.detail)
        records.note(**status, outcome="failed", reason=f"Geen nieuwe inhoud opgehaald: {outcome.reason}")
    elif outcome.kind == "refused":
        log.error("fleet: version %s refused, the content shown stays: %s", outcome.version, outcome.detail)
        records.note(**status, outcome="refused", reason=not_taken(outcome.version, outcome.reason))
        if outcome.version is not None:
            records.refuse(outcome.version)
    elif outcome.kind == "refused before":  # why it was refused stays on the status page
        log.info("fleet: %s", outcome.detail)
        records.note(**status)
    else:
        records.note(**status, outcome="trying" if swapping else "ok", reason="")


def swap_in(versions: Versions, records: FleetRecords, outcome: Outcome, now: dt.datetime) -> int | None:
    """Install and show a staged version; returns the version it replaced."""
    assert outcome.staging is not None and outcome.version is not None
    previous = versions.current()
    versions.install(outcome.staging, outcome.version)
    records.set_pending(outcome.version, previous, now)
    versions.activate(outcome.version)
    log.info("fleet: version %s swapped in (was %s)", outcome.version, previous)
    return previous


def return_to_previous(versions: Versions, records: FleetRecords, why: str) -> int | None:
    """Show the previous kept version again and never take the current one again; None when there is none."""
    current, previous = versions.current(), versions.previous()
    records.clear_pending()
    if current is None or previous is None:
        log.error(
            "fleet: version %s did not come up (%s), and there is no version to return to", current, why
        )
        return None
    records.refuse(current)
    versions.activate(previous)
    log.error("fleet: back to version %s: version %s did not come up (%s)", previous, current, why)
    return previous


def recover_at_start(content_dir: Path, records: FleetRecords) -> str:
    """Before the store loads: finish what a power cut left, and undo a swap the kiosk did not survive a
    minute with. Returns what staff should read about it ("" when nothing happened)."""
    versions = Versions(content_dir)
    versions.link()
    pending = records.pending()
    version = versions.current()
    if pending is None or pending.get("version") != version:  # none, or the swap itself never happened
        records.clear_pending()
        versions.prune()  # versions a power cut left before their prune
        return ""
    previous = return_to_previous(versions, records, "the kiosk stopped within a minute of the swap")
    if previous is None:
        return ""
    reason = (
        f"De nieuwe inhoud (versie {version}) kwam niet goed op het scherm: de kiosk stopte binnen een "
        f"minuut. De kiosk toont weer versie {previous}."
    )
    records.note(outcome="returned", reason=reason)
    return reason


def sync_once(content_dir: Path, records: FleetRecords, check: Check | None = None) -> Outcome:
    """One check now, blocking (`python -m kiosk fleet sync`): a new version that passes the store's rule
    is swapped in at once; a kiosk running on the folder picks it up as an outside edit."""
    content = load_content(content_dir)
    settings = content.site.fleet
    if not settings.url:
        return Outcome(
            "failed", reason="Deze kiosk haalt geen inhoud bij een uitgever.", detail="no [fleet] url"
        )
    versions = Versions(content_dir)
    now = dt.datetime.now()
    outcome = fetch(versions, settings, records, content, check or check_for_update, _utc(now))
    record_outcome(records, outcome, settings.channel, now)
    if outcome.kind == "staged" and outcome.version is not None and outcome.staging is not None:
        versions.install(outcome.staging, outcome.version)
        versions.activate(outcome.version)
        versions.prune()
        records.note(version=outcome.version)
        log.info("fleet: version %s swapped in", outcome.version)
    return outcome


def start_fleet(store: ContentStore, clock: Clock) -> FleetSync | None:
    """The poller for a site with `[fleet]`, polling from now on; None for a site without."""
    settings = store.content.site.fleet
    if not settings.url:
        return None
    sync = FleetSync(store, clock, settings, parent=store)
    log.info(
        "fleet: content from %s, channel %s, every %g minutes",
        settings.url,
        settings.channel,
        settings.poll_minutes,
    )
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(sync.closing)
    sync.start()
    return sync


def jittered(seconds: float, rng: random.Random) -> float:
    return seconds * rng.uniform(1 - JITTER, 1 + JITTER)


# -- the poller on the GUI thread ----------------------------------------------------------------


class FleetSync(QObject):
    """Polls the publisher on the kiosk's clock and swaps in what the store accepts."""

    status_changed = Signal()
    _checked = Signal(object)  # from the worker thread: an Outcome

    def __init__(
        self,
        store: ContentStore,
        clock: Clock,
        settings: FleetSettings,
        state: Path | None = None,
        check: Check = check_for_update,
        rng: random.Random | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self.settings = settings
        self.versions = Versions(store.folder)
        self.records = FleetRecords(state or fleet_state_dir())
        self._check = check
        self._rng = rng or random.Random()
        self.failures = 0
        self.busy = False
        self._awaiting: int | None = None  # a version swapped in, until kept or refused
        self._up = False  # ... and the store shows it
        self._poll = clock.timer(self)
        self._poll.timeout.connect(self.sync_now)
        self._confirm = clock.timer(self, CONFIRM_S * 1000)
        self._confirm.timeout.connect(self._confirmed)
        self._checked.connect(self._on_checked, Qt.ConnectionType.QueuedConnection)
        store.change_refused.connect(self._store_refused)
        store.content_changed.connect(self._store_showed)

    def start(self, first_delay_s: float | None = None) -> None:
        """Poll from now on; the first check comes after a random part of the interval (a fleet that lost
        power together does not ask all at once)."""
        interval = self.settings.poll_minutes * 60
        self._schedule(self._rng.uniform(0.1, 1.0) * interval if first_delay_s is None else first_delay_s)

    def next_poll_s(self) -> float:
        return self._poll.remainingTime() / 1000

    def sync_now(self) -> None:
        """One check, on a worker thread; ignored while one runs or a swapped version is being tried."""
        if self.busy or self._awaiting is not None:
            return
        self.busy = True
        shown = self._store.content  # immutable: safe to hand over
        now = self._clock.now()
        args = (self.versions, self.settings, self.records, shown, self._check, _utc(now))
        threading.Thread(target=self._work, args=args, name="fleet-sync", daemon=True).start()

    def _work(self, *args: Any) -> None:
        try:
            outcome = fetch(*args)
        except Exception as err:  # a full disk, a bug: the kiosk keeps its content and tries again later
            log.exception("fleet: the check failed")
            outcome = Outcome("failed", reason=NOT_STAGED, detail=str(err))
        with contextlib.suppress(RuntimeError):  # the kiosk closed meanwhile
            self._checked.emit(outcome)

    # -- back on the GUI thread ----------------------------------------------------------------
    def _on_checked(self, outcome: Outcome) -> None:
        self.busy = False
        now = self._clock.now()
        record_outcome(self.records, outcome, self.settings.channel, now, swapping=outcome.kind == "staged")
        self.failures = self.failures + 1 if outcome.kind == "failed" else 0
        if outcome.kind == "failed":
            self._schedule(self.retry_s())
        elif outcome.kind == "staged":
            try:
                swap_in(self.versions, self.records, outcome, now)
            except OSError as err:
                log.error("fleet: version %s could not be swapped in (%s)", outcome.version, err)
                self.records.note(outcome="failed", reason=NOT_STAGED)
                self._schedule(self.retry_s())
            else:  # kept unless the store refuses it, or the kiosk stops, within the minute
                self._awaiting, self._up = outcome.version, False
                self._confirm.start()
                self._store.reload()
        else:
            self._schedule_poll()
        self.status_changed.emit()

    def _store_refused(self, problems: tuple[Problem, ...]) -> None:
        if self._awaiting is None:
            return
        version = self._awaiting
        self._awaiting = None
        self._confirm.stop()
        previous = return_to_previous(self.versions, self.records, _english(problems))
        self.records.note(outcome="refused", reason=not_taken(version, refusal_nl(problems)))
        if previous is not None:
            self._store.reload()  # the content shown again: the store finds no new error and takes it
        self._schedule_poll()
        self.status_changed.emit()

    def _store_showed(self, _content: Content) -> None:
        self._up = self._awaiting is not None

    def closing(self) -> None:
        """A clean quit (staff restart, the OS shutting down) with the new version on screen keeps it: only
        a crash or a hang within the minute counts against a version."""
        if self._awaiting is not None and self._up:
            self._confirm.stop()
            self._confirmed()

    def _confirmed(self) -> None:
        version, self._awaiting = self._awaiting, None
        self.records.clear_pending()
        removed = self.versions.prune()
        log.info("fleet: version %s is up and kept; removed old versions %s", version, removed or "none")
        self.records.note(outcome="ok", reason="", version=version)
        self._schedule_poll()
        self.status_changed.emit()

    # -- timing --------------------------------------------------------------------------------
    def retry_s(self) -> float:
        """After `failures` failures in a row: 1, 2, 4 ... minutes (jittered), never more than an hour."""
        return jittered(min(RETRY_MAX_S, RETRY_FIRST_S * 2 ** max(0, self.failures - 1)), self._rng)

    def _schedule_poll(self) -> None:
        self._schedule(jittered(self.settings.poll_minutes * 60, self._rng))

    def _schedule(self, seconds: float) -> None:
        self._poll.start(max(1, round(seconds * 1000)))

    # -- for staff -----------------------------------------------------------------------------
    def facts(self, moment: Callable[[dt.datetime], str]) -> list[tuple[str, str]]:
        """For the status page; `moment` writes a time the way staff read it everywhere else."""
        status = self.records.status()
        version = self.versions.current()
        shown = f"versie {version}" if version is not None else "eigen inhoud van deze kiosk"
        last = status.get("last_sync")
        when = moment(dt.datetime.fromisoformat(last)) if isinstance(last, str) else "nog niet"
        outcome = OUTCOMES_NL.get(str(status.get("outcome")), "")
        return [
            ("Inhoud van de uitgever", f"{shown} (kanaal {self.settings.channel})"),
            ("Laatst gekeken", f"{when}{', ' + outcome if outcome else ''}"),
        ]

    def messages(self) -> list[str]:
        status = self.records.status()
        reason = status.get("reason")
        if not reason or status.get("outcome") not in ("failed", "refused", "returned"):
            return []
        stays = "" if status.get("outcome") == "returned" else " De kiosk toont de inhoud die hij had."
        return [f"{reason}{stays}"]


OUTCOMES_NL = {
    "ok": "gelukt",
    "failed": "mislukt",
    "refused": "niet overgenomen",
    "returned": "teruggezet",
    "trying": "wordt geprobeerd",
}


def _utc(moment: dt.datetime) -> dt.datetime:
    """The kiosk's clock (naive, local) as UTC, the way the update metadata gives expiry."""
    return moment.astimezone(dt.UTC)
