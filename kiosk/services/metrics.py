"""The kiosk's state for Prometheus (`[metrics]` in site.toml): a file for node_exporter's textfile collector
and/or /metrics on 127.0.0.1, so a fleet is watched with the tools a provider already runs.

What the kiosk is doing, never what a visitor did: the content version and channel, the last check for new
content and its outcome, when the publisher's metadata expires, uptime, restarts, handouts printed and
failed, and the printer's state. No slides viewed, no languages, no visits.

The numbers are gathered on the GUI thread into a snapshot; the HTTP server's thread only reads the
snapshot (one list, replaced whole), never a QObject.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, generate_latest, start_http_server, write_to_textfile
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from PySide6.QtCore import QObject

from kiosk import __version__
from kiosk.content.model import MetricsSettings
from kiosk.services.clock import Clock
from kiosk.services.printing import HandoutPrinter, PrintOutcome
from kiosk.services.state_file import DamagedRecordError, read_record, state_path, write_record

if TYPE_CHECKING:
    from kiosk.services.fleet_sync import FleetSync

log = logging.getLogger(__name__)

PREFIX = "wachtkamer_kiosk"
TEXTFILE = "wachtkamer_kiosk.prom"  # node_exporter reads *.prom
REFRESH_S = 30
STARTS_FILE = "starts.json"
# What a print's outcome says about the printer (the kiosk's own limits say nothing about it).
PRINTER_FAULTS = {
    PrintOutcome.NO_PRINTER,
    PrintOutcome.FAILED,
    PrintOutcome.REFUSED,
    PrintOutcome.STOPPED,
    PrintOutcome.NO_PAPER,
    PrintOutcome.TIMED_OUT,
}


class Snapshot:
    """A Prometheus collector that hands out the last families gathered."""

    def __init__(self) -> None:
        self.families: list[Metric] = []

    def collect(self) -> Iterator[Metric]:
        return iter(self.families)


def count_start() -> int:
    """This start counted in the state folder; returns how many restarts came before it."""
    path = state_path(STARTS_FILE)
    starts = 0
    with contextlib.suppress(DamagedRecordError):
        record = read_record(path) or {}
        starts = int(record.get("starts", 0)) if isinstance(record.get("starts", 0), int) else 0
    write_record(path, {"starts": starts + 1})
    return starts


class KioskMetrics(QObject):
    def __init__(
        self,
        settings: MetricsSettings,
        clock: Clock,
        printer: HandoutPrinter | None,
        fleet: FleetSync | None,
        restarts: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._clock = clock
        self._fleet = fleet
        self._printer = printer
        self._started = clock.monotonic()
        self._restarts = restarts
        self._prints = {"printed": 0, "failed": 0}
        self._printer_state = "unknown"
        self.snapshot = Snapshot()
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(self.snapshot)
        self._server = None
        self._tick = clock.timer(self, REFRESH_S * 1000, single_shot=False)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        if printer is not None:
            printer.print_finished.connect(self._printed)
        if fleet is not None:
            fleet.status_changed.connect(self.refresh)
        self.refresh()
        if settings.port:
            try:
                self._server, _thread = start_http_server(settings.port, "127.0.0.1", self.registry)
                log.info("metrics on http://127.0.0.1:%d/metrics", settings.port)
            except OSError as err:
                log.error("cannot serve metrics on 127.0.0.1:%d (%s)", settings.port, err)

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def text(self) -> bytes:
        return generate_latest(self.registry)

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome is PrintOutcome.PRINTED:
            self._prints["printed"] += 1
            self._printer_state = "ok"
        elif outcome in PRINTER_FAULTS:
            self._prints["failed"] += 1
            self._printer_state = outcome.name.lower()
        self.refresh()

    def refresh(self) -> None:
        """Gather the numbers anew (GUI thread), and write the textfile when one is set."""
        self.snapshot.families = list(self._gather())
        if self.settings.textfile_dir:
            path = Path(self.settings.textfile_dir) / TEXTFILE
            try:
                os.makedirs(path.parent, exist_ok=True)
                write_to_textfile(str(path), self.registry)  # a temporary file renamed over the old one
            except OSError as err:
                log.error("cannot write the metrics to %s (%s)", path, err)

    def _gather(self) -> Iterable[Metric]:
        info = GaugeMetricFamily(f"{PREFIX}_info", "The kiosk's software version.", labels=["version"])
        info.add_metric([__version__], 1)
        yield info
        yield GaugeMetricFamily(
            f"{PREFIX}_uptime_seconds",
            "Seconds since the kiosk started.",
            self._clock.monotonic() - self._started,
        )
        yield CounterMetricFamily(
            f"{PREFIX}_restarts", "Starts of the kiosk before this one.", self._restarts
        )
        prints = CounterMetricFamily(
            f"{PREFIX}_prints", "Handouts printed or failed since the start.", labels=["outcome"]
        )
        for outcome, count in self._prints.items():
            prints.add_metric([outcome], count)
        yield prints
        printer = GaugeMetricFamily(
            f"{PREFIX}_printer_state",
            "The printer's state after the last print (1 = this state).",
            labels=["state"],
        )
        printer.add_metric([self._printer_state], 1)
        yield printer
        if self._fleet is not None:
            yield from fleet_families(self._fleet)


def fleet_families(fleet: FleetSync) -> Iterable[Metric]:
    status = fleet.records.status()
    version = GaugeMetricFamily(
        f"{PREFIX}_content_version",
        "The publisher's content version shown (0: the site's own content).",
        labels=["channel"],
    )
    version.add_metric([fleet.settings.channel], fleet.versions.current() or 0)
    yield version
    outcome = str(status.get("outcome", "never"))
    last = GaugeMetricFamily(
        f"{PREFIX}_fleet_last_sync_outcome",
        "The outcome of the last check (1 = this outcome).",
        labels=["outcome"],
    )
    last.add_metric([outcome], 1)
    yield last
    yield GaugeMetricFamily(
        f"{PREFIX}_fleet_last_sync_success",
        "1 when the last check for new content went well.",
        1 if outcome in ("ok", "trying") else 0,
    )
    for key, name, what in (
        ("last_sync", "fleet_last_sync_timestamp_seconds", "When the kiosk last checked for new content."),
        (
            "expires",
            "fleet_metadata_expiry_timestamp_seconds",
            "When the publisher's signed metadata expires.",
        ),
    ):
        moment = _moment(status.get(key))
        if moment is not None:
            yield GaugeMetricFamily(f"{PREFIX}_{name}", what, moment.timestamp())


def _moment(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    with contextlib.suppress(ValueError):
        return dt.datetime.fromisoformat(value)
    return None
