"""The kiosk's state for Prometheus: scraped over real HTTP on 127.0.0.1 and read from the textfile, both
parsed with prometheus_client's own parser; nothing about visitors."""

from __future__ import annotations

import socket
import urllib.request
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families
from pytestqt.qtbot import QtBot

from kiosk.app import build_kiosk
from kiosk.content.model import MetricsSettings, PrinterSettings
from kiosk.services import metrics as kiosk_metrics
from kiosk.services.content_store import ContentStore
from kiosk.services.fleet_sync import CONFIRM_S, FleetSync
from kiosk.services.metrics import TEXTFILE, KioskMetrics
from kiosk.services.printing import HandoutPrinter, PrintOutcome
from tests.conftest import DEFAULT_CONTENT
from tests.fake_clock import FakeClock
from tests.fleet.kiosk_side import FakePublisher, make_release, make_site

VISITORS = ("slide", "language", "visit", "view", "touch", "sign")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_metrics_over_http_and_in_the_textfile_say_what_the_kiosk_does_and_nothing_about_visitors(
    tmp_path: Path, fake_clock: FakeClock, qtbot: QtBot
) -> None:
    site = make_site(tmp_path)
    publisher = FakePublisher()
    publisher.publish(7, make_release(tmp_path, "v7"))
    store = ContentStore(site, fake_clock)
    sync = FleetSync(store, fake_clock, store.content.site.fleet, tmp_path / "state", publisher)
    sync.sync_now()
    qtbot.waitUntil(lambda: not sync.busy, timeout=20_000)
    fake_clock.advance(CONFIRM_S)
    printer = HandoutPrinter(PrinterSettings("", 0, 50), fake_clock)
    port = free_port()
    settings = MetricsSettings(textfile_dir=str(tmp_path / "textfile"), port=port)
    metrics = KioskMetrics(settings, fake_clock, printer, sync, restarts=2)
    try:
        for outcome in (
            PrintOutcome.PRINTED,
            PrintOutcome.PRINTED,
            PrintOutcome.NO_PAPER,
            PrintOutcome.TOO_SOON,
        ):
            printer.print_finished.emit(outcome)
        fake_clock.advance(90)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
            scraped = samples(response.read().decode())
        written = samples((tmp_path / "textfile" / TEXTFILE).read_text(encoding="utf-8"))
    finally:
        metrics.close()
    for got in (scraped, written):
        assert got[("wachtkamer_kiosk_content_version", (("channel", "stable"),))] == 7
        assert got[("wachtkamer_kiosk_fleet_last_sync_success", ())] == 1
        assert got[("wachtkamer_kiosk_fleet_last_sync_outcome", (("outcome", "ok"),))] == 1
        synced = got[("wachtkamer_kiosk_fleet_last_sync_timestamp_seconds", ())]
        assert synced == pytest.approx(fake_clock.now().timestamp() - 90 - CONFIRM_S, abs=1)
        expires = got[("wachtkamer_kiosk_fleet_metadata_expiry_timestamp_seconds", ())]
        assert expires - synced == pytest.approx(7 * 24 * 3600, abs=5)
        assert got[("wachtkamer_kiosk_uptime_seconds", ())] >= 90
        assert got[("wachtkamer_kiosk_restarts_total", ())] == 2
        assert got[("wachtkamer_kiosk_prints_total", (("outcome", "printed"),))] == 2
        assert got[("wachtkamer_kiosk_prints_total", (("outcome", "failed"),))] == 1
        assert got[("wachtkamer_kiosk_printer_state", (("state", "no_paper"),))] == 1
        names = " ".join(name for name, _labels in got)
        assert not [word for word in VISITORS if word in names]
    with pytest.raises(OSError):  # the server is gone with the kiosk
        urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2)


def test_a_site_without_metrics_starts_none(
    fake_clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No [metrics]: nothing written, no port opened (the running kiosk, as `python -m kiosk` builds it)."""
    monkeypatch.setattr(kiosk_metrics, "KioskMetrics", lambda *_a, **_k: pytest.fail("metrics started"))
    window = build_kiosk(DEFAULT_CONTENT, windowed=True, clock=fake_clock, live=True)
    window.quit_cleanly()
    window.deleteLater()


def test_restarts_are_counted_across_starts(fake_clock: FakeClock) -> None:
    assert [kiosk_metrics.count_start() for _ in range(3)] == [0, 1, 2]
