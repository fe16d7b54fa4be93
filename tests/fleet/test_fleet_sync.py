"""The poller on the kiosk: new content from the publisher comes up on every kiosk, bad or unreachable
content leaves the last good content on screen with the reason in staff status, and a version that does
not come up is undone by itself. Against a fake `check_for_update` over plain folders, on the fake clock."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import build_kiosk
from kiosk.content import Content
from kiosk.content.model import FleetSettings
from kiosk.fleet.versions import Versions
from kiosk.services import fleet_sync
from kiosk.services.content_store import ContentStore, folder_stamp
from kiosk.services.fleet_sync import CONFIRM_S, RETRY_MAX_S, FleetRecords, FleetSync, recover_at_start
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.fleet.kiosk_side import TITLE_V1, WELCOME, FakePublisher, make_release, make_site, offline
from tests.ui.conftest import make_kiosk, qapp_cls

__all__ = ["make_kiosk", "qapp_cls"]

POLL_S = 5 * 60


def welcome(content: Content) -> str:
    return next(s.title["nl"] for s in content.slides if s.id == "010-welkom")


class Kiosk:
    """One clinic: its own folder and state folder, a content store and the poller, on the shared clock."""

    def __init__(
        self, root: Path, name: str, clock: FakeClock, publisher: FakePublisher, state: Path | None = None
    ) -> None:
        self.folder = make_site(root, name)
        self.state = state or root / f"{name}-state"
        self.clock = clock
        self.store = ContentStore(self.folder, clock)
        settings = self.store.content.site.fleet
        assert settings == FleetSettings(url=settings.url), "the site's [fleet] did not load"
        self.sync = FleetSync(self.store, clock, settings, self.state, publisher, random.Random(name))
        self.sync.start(first_delay_s=1)

    def settled(self) -> bool:
        """The check came back, and a swapped-in version was shown (or refused and undone)."""
        sync = self.sync
        return not sync.busy and (sync._awaiting is None or sync._confirm.isActive())


@pytest.fixture
def publisher() -> FakePublisher:
    return FakePublisher()


@pytest.fixture
def kiosks(
    tmp_path: Path, fake_clock: FakeClock, publisher: FakePublisher, qtbot: QtBot
) -> Iterator[Callable[[str], Kiosk]]:
    made: list[Kiosk] = []

    def make(name: str) -> Kiosk:
        kiosk = Kiosk(tmp_path, name, fake_clock, publisher)
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.sync.deleteLater()
        kiosk.store.deleteLater()


def run_poll(qtbot: QtBot, clock: FakeClock, *kiosks: Kiosk, then_s: float = 0) -> None:
    """Let the next poll of each kiosk happen and come back; then `then_s` more seconds of the clock."""
    clock.advance(max(k.sync.next_poll_s() for k in kiosks) + 1)
    for kiosk in kiosks:
        qtbot.waitUntil(kiosk.settled, timeout=20_000)
    if then_s:
        clock.advance(then_s)


def shows(qtbot: QtBot, kiosk: Kiosk, title: str) -> None:
    """Waits until the kiosk's store shows the welcome slide with this title."""
    qtbot.waitUntil(lambda: welcome(kiosk.store.content) == title, timeout=20_000)


def test_v1_then_v2_come_up_on_two_kiosks_and_the_sites_own_settings_survive(
    tmp_path: Path,
    kiosks: Callable[[str], Kiosk],
    publisher: FakePublisher,
    fake_clock: FakeClock,
    qtbot: QtBot,
) -> None:
    publisher.publish(1, make_release(tmp_path, "v1"))
    north, south = kiosks("noord"), kiosks("zuid")
    own = {k.folder: (k.folder / "site.toml").read_bytes() for k in (north, south)}
    run_poll(qtbot, fake_clock, north, south, then_s=CONFIRM_S)
    publisher.publish(2, make_release(tmp_path, "v2", "Nieuw van de uitgever"))
    run_poll(qtbot, fake_clock, north, south)
    for kiosk in (north, south):
        shows(qtbot, kiosk, "Nieuw van de uitgever")
        assert kiosk.sync.versions.current() == 2
        assert kiosk.store.content.errors == []
        assert kiosk.store.content.site.clinic.name != "Overschreven"  # the published site.toml: not taken
        assert (kiosk.folder / "site.toml").read_bytes() == own[kiosk.folder]
        assert kiosk.sync.messages() == []
    fake_clock.advance(CONFIRM_S)
    assert not (north.state / "pending.json").exists()
    assert all(t is not threading.main_thread() for t in publisher.threads)  # never on the GUI thread
    assert publisher.checks == 4


def test_content_with_an_error_is_refused_the_last_good_stays_and_staff_read_why(
    tmp_path: Path,
    kiosks: Callable[[str], Kiosk],
    publisher: FakePublisher,
    fake_clock: FakeClock,
    qtbot: QtBot,
) -> None:
    publisher.publish(1, make_release(tmp_path, "v1"))
    kiosk = kiosks("noord")
    run_poll(qtbot, fake_clock, kiosk, then_s=CONFIRM_S)
    publisher.publish(2, make_release(tmp_path, "v2", "Kapot", broken=True))
    run_poll(qtbot, fake_clock, kiosk)
    assert welcome(kiosk.store.content) == TITLE_V1
    assert kiosk.sync.versions.current() == 1
    [message] = kiosk.sync.messages()
    assert "versie 2" in message and "niet overgenomen" in message and "beschadigd" in message
    assert "De kiosk toont de inhoud die hij had." in message
    run_poll(
        qtbot, fake_clock, kiosk
    )  # the same refused version is not tried again, and staff still read why
    assert kiosk.sync.versions.kept() == [1]
    assert kiosk.sync.messages() == [message]


def test_a_version_the_store_refuses_after_the_swap_is_undone_by_itself(
    tmp_path: Path,
    kiosks: Callable[[str], Kiosk],
    publisher: FakePublisher,
    fake_clock: FakeClock,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    publisher.publish(1, make_release(tmp_path, "v1"))
    kiosk = kiosks("noord")
    run_poll(qtbot, fake_clock, kiosk, then_s=CONFIRM_S)
    publisher.publish(2, make_release(tmp_path, "v2", "Kapot", broken=True))
    monkeypatch.setattr(fleet_sync, "errors_added", lambda _shown, _candidate: [])  # the check misses it
    with qtbot.waitSignal(kiosk.store.change_refused, timeout=20_000):
        run_poll(qtbot, fake_clock, kiosk)
    qtbot.waitUntil(lambda: kiosk.sync.versions.current() == 1, timeout=20_000)
    assert welcome(kiosk.store.content) == TITLE_V1
    assert 2 in FleetRecords(kiosk.state).refused()
    assert not (kiosk.state / "pending.json").exists()
    [message] = kiosk.sync.messages()
    assert "versie 2" in message and "niet overgenomen" in message


def test_a_kiosk_that_stops_within_a_minute_of_a_swap_starts_on_the_previous_version(
    tmp_path: Path,
    kiosks: Callable[[str], Kiosk],
    publisher: FakePublisher,
    fake_clock: FakeClock,
    qtbot: QtBot,
) -> None:
    publisher.publish(1, make_release(tmp_path, "v1"))
    kiosk = kiosks("noord")
    run_poll(qtbot, fake_clock, kiosk, then_s=CONFIRM_S)
    publisher.publish(2, make_release(tmp_path, "v2", "Laat de kiosk vastlopen"))
    run_poll(qtbot, fake_clock, kiosk)
    shows(qtbot, kiosk, "Laat de kiosk vastlopen")
    fake_clock.advance(CONFIRM_S - 10)  # and 50 s after the swap, the kiosk stops

    records = FleetRecords(kiosk.state)
    said = recover_at_start(kiosk.folder, records)  # the next start, before the store loads
    restarted = ContentStore(kiosk.folder, fake_clock)
    assert welcome(restarted.content) == TITLE_V1
    assert "versie 2" in said and "versie 1" in said
    assert 2 in records.refused()
    assert recover_at_start(kiosk.folder, records) == ""  # and once only
    restarted.deleteLater()


def test_a_kiosk_that_ran_a_minute_keeps_the_new_version_after_a_restart(
    tmp_path: Path,
    kiosks: Callable[[str], Kiosk],
    publisher: FakePublisher,
    fake_clock: FakeClock,
    qtbot: QtBot,
) -> None:
    publisher.publish(1, make_release(tmp_path, "v1"))
    kiosk = kiosks("noord")
    run_poll(qtbot, fake_clock, kiosk, then_s=CONFIRM_S)
    publisher.publish(2, make_release(tmp_path, "v2", "Blijft staan"))
    run_poll(qtbot, fake_clock, kiosk)
    shows(qtbot, kiosk, "Blijft staan")
    fake_clock.advance(CONFIRM_S)
    assert recover_at_start(kiosk.folder, FleetRecords(kiosk.state)) == ""
    assert welcome(ContentStore(kiosk.folder, fake_clock).content) == "Blijft staan"


def test_a_clean_quit_with_the_new_version_on_screen_keeps_it(
    tmp_path: Path,
    kiosks: Callable[[str], Kiosk],
    publisher: FakePublisher,
    fake_clock: FakeClock,
    qtbot: QtBot,
) -> None:
    publisher.publish(1, make_release(tmp_path, "v1"))
    kiosk = kiosks("noord")
    run_poll(qtbot, fake_clock, kiosk, then_s=CONFIRM_S)
    publisher.publish(2, make_release(tmp_path, "v2", "Staff herstarten de kiosk"))
    run_poll(qtbot, fake_clock, kiosk)
    shows(qtbot, kiosk, "Staff herstarten de kiosk")
    fake_clock.advance(20)
    kiosk.sync.closing()  # staff restart the kiosk 20 s after the swap
    assert recover_at_start(kiosk.folder, FleetRecords(kiosk.state)) == ""
    assert welcome(ContentStore(kiosk.folder, fake_clock).content) == "Staff herstarten de kiosk"


def test_retries_back_off_after_failures_and_return_to_the_poll_interval_after_success(
    tmp_path: Path,
    kiosks: Callable[[str], Kiosk],
    publisher: FakePublisher,
    fake_clock: FakeClock,
    qtbot: QtBot,
) -> None:
    publisher.publish(1, make_release(tmp_path, "v1"))
    publisher.failure = offline()
    kiosk = kiosks("noord")
    waits = []
    for _ in range(9):
        run_poll(qtbot, fake_clock, kiosk)
        waits.append(kiosk.sync.next_poll_s())
    assert welcome(kiosk.store.content) == TITLE_V1  # the site's own content stays on screen
    for failures, wait in enumerate(waits, 1):
        expected = min(RETRY_MAX_S, 60 * 2 ** (failures - 1))
        assert 0.8 * expected <= wait <= 1.2 * expected, (failures, waits)
    assert waits[:6] == sorted(waits[:6]) and waits[-1] <= 1.2 * RETRY_MAX_S
    [message] = kiosk.sync.messages()
    assert "De server van de uitgever is niet bereikbaar." in message
    publisher.failure = None
    run_poll(qtbot, fake_clock, kiosk, then_s=CONFIRM_S)  # version 1 taken, and kept after a minute
    assert 0.8 * POLL_S <= kiosk.sync.next_poll_s() <= 1.2 * POLL_S
    assert kiosk.sync.failures == 0


def test_staff_status_shows_the_publishers_version_and_why_an_update_was_not_taken(
    tmp_path: Path,
    make_kiosk: Callable[..., KioskWindow],
    publisher: FakePublisher,
    fake_clock: FakeClock,
    qtbot: QtBot,
) -> None:
    publisher.publish(1, make_release(tmp_path, "v1"))
    window = make_kiosk(make_site(tmp_path))
    sync = FleetSync(window.store, fake_clock, window.content.site.fleet, tmp_path / "state", publisher)
    window.staff.show_fleet(sync)
    sync.sync_now()
    qtbot.waitUntil(lambda: not sync.busy and sync.versions.current() == 1, timeout=20_000)
    fake_clock.advance(CONFIRM_S)
    publisher.failure = offline()
    sync.sync_now()
    qtbot.waitUntil(lambda: not sync.busy, timeout=20_000)
    window.staff.refresh()
    status = window.staff.screen.status
    assert "Inhoud van de uitgever: versie 1 (kanaal stable)" in status.facts.text()
    assert "De server van de uitgever is niet bereikbaar." in status.problems.toPlainText()
    assert "/" not in status.problems.toPlainText().replace("https://", "")


def test_the_stores_folder_stamp_sees_the_slides_of_the_version_shown(tmp_path: Path) -> None:
    """The store reloads only a folder whose stamp changed: it must look through the `slides` link."""
    site = make_site(tmp_path)
    versions = Versions(site)
    for number in (1, 2):
        release = make_release(tmp_path, f"v{number}", f"Versie {number}")
        files = {p.relative_to(release).as_posix(): p for p in release.rglob("*") if p.is_file()}
        versions.install(versions.stage(files), number)
    versions.activate(1)
    before = {entry for entry in folder_stamp(site) if entry[0] == WELCOME}
    versions.activate(2)
    after = {entry for entry in folder_stamp(site) if entry[0] == WELCOME}
    assert before and after and before != after


def test_the_running_kiosk_starts_on_the_previous_version_after_a_crash_and_reports_metrics(
    tmp_path: Path, publisher: FakePublisher, fake_clock: FakeClock, qtbot: QtBot
) -> None:
    """Through the application factory, as `python -m kiosk` builds it: the state folder's record of a
    swap not yet kept sends the new kiosk back before anything is shown."""
    publisher.publish(1, make_release(tmp_path, "v1"))
    crashed = Kiosk(tmp_path, "noord", fake_clock, publisher, state=fleet_sync.fleet_state_dir())
    run_poll(qtbot, fake_clock, crashed, then_s=CONFIRM_S)
    publisher.publish(2, make_release(tmp_path, "v2", "Laat de kiosk vastlopen"))
    run_poll(qtbot, fake_clock, crashed)
    shows(qtbot, crashed, "Laat de kiosk vastlopen")
    with (crashed.folder / "site.toml").open("a", encoding="utf-8") as site:
        site.write(f'\n[metrics]\ntextfile_dir = "{tmp_path / "node-exporter"}"\n')

    window = build_kiosk(crashed.folder, windowed=True, clock=fake_clock, live=True)
    try:
        assert welcome(window.content) == TITLE_V1
        window.staff.refresh()
        status = window.staff.screen.status
        assert "Inhoud van de uitgever: versie 1 (kanaal stable)" in status.facts.text()
        assert "kwam niet goed op het scherm" in status.problems.toPlainText()
        metrics = (tmp_path / "node-exporter" / "wachtkamer_kiosk.prom").read_text(encoding="utf-8")
        assert 'wachtkamer_kiosk_content_version{channel="stable"} 1.0' in metrics
    finally:
        window.quit_cleanly()
        window.deleteLater()
