"""The kiosk side with fleet-core's real pieces: keys, `publish`, the TUF client and the test web host on
127.0.0.1. Skipped until those are in the tree (they come from the fleet-core branch)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.services.content_store import ContentStore
from kiosk.services.fleet_sync import CONFIRM_S, FleetSync
from tests.conftest import DEFAULT_CONTENT
from tests.fake_clock import FakeClock

keys = pytest.importorskip("kiosk.fleet.keys")
publish = pytest.importorskip("kiosk.fleet.publish")
web = pytest.importorskip("tests.fleet.server")

SLIDE = "slides/010-welkom.nl.md"


def test_a_kiosk_takes_signed_content_from_a_web_host_and_keeps_it_through_a_server_error(
    tmp_path: Path, fake_clock: FakeClock, qtbot: QtBot
) -> None:
    publishing = tmp_path / "publisher"
    shutil.copytree(DEFAULT_CONTENT, publishing)
    keys.init_keys(tmp_path / "keys")
    (tmp_path / "repo").mkdir()
    host = web.RepoServer(tmp_path / "repo")
    try:
        publish.publish_content(publishing, tmp_path / "repo", tmp_path / "keys", "stable", None, None)
        site = tmp_path / "site"
        shutil.copytree(DEFAULT_CONTENT, site)
        shutil.copyfile(keys.root_file(tmp_path / "keys"), site / "fleet-root.json")
        with (site / "site.toml").open("a", encoding="utf-8") as toml:
            toml.write(f'\n[fleet]\nurl = "{host.url}"\n')
        store = ContentStore(site, fake_clock)
        sync = FleetSync(
            store, fake_clock, store.content.site.fleet, tmp_path / "state", rng=random.Random(1)
        )

        def check() -> None:
            sync.sync_now()
            qtbot.waitUntil(lambda: not sync.busy, timeout=30_000)

        check()
        assert sync.versions.current() == 1, sync.messages()
        fake_clock.advance(CONFIRM_S)

        slide = publishing / SLIDE
        slide.write_text(slide.read_text(encoding="utf-8") + "\nEen nieuwe zin van de uitgever.\n", "utf-8")
        publish.publish_content(publishing, tmp_path / "repo", tmp_path / "keys", "stable", None, None)
        check()
        qtbot.waitUntil(
            lambda: (
                "Een nieuwe zin van de uitgever."
                in next(s.body["nl"] for s in store.content.slides if s.id == "010-welkom")
            ),
            timeout=20_000,
        )
        fake_clock.advance(CONFIRM_S)
        shown = store.content

        host.faults.status = 500
        check()
        assert store.content is shown
        [message] = sync.messages()
        assert message.startswith("Geen nieuwe inhoud opgehaald:")
    finally:
        host.stop()
