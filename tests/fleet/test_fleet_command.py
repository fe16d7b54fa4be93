"""`python -m kiosk fleet status|sync|rollback`, against the fake publisher."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.__main__ import main
from kiosk.content import load_content
from kiosk.services import fleet_sync
from tests.fleet.kiosk_side import FakePublisher, make_release, make_site, offline


def welcome(folder: Path) -> str:
    return next(s.title["nl"] for s in load_content(folder).slides if s.id == "010-welkom")


def status(site: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    capsys.readouterr()
    assert main(["fleet", "status", "--content", str(site)]) == 0
    return dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines())


def test_sync_status_and_rollback_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path)
    publisher = FakePublisher()
    monkeypatch.setattr(fleet_sync, "check_for_update", publisher)
    publisher.publish(1, make_release(tmp_path, "v1", "Eerste"))
    assert main(["fleet", "sync", "--content", str(site)]) == 0
    publisher.publish(2, make_release(tmp_path, "v2", "Tweede"))
    assert main(["fleet", "sync", "--content", str(site)]) == 0
    assert "new version taken: showing version 2" in capsys.readouterr().out
    assert welcome(site) == "Tweede"
    shown = status(site, capsys)
    assert shown["url"] == "https://inhoud.voorbeeld-uitgever.nl/kiosk"
    assert shown["channel"] == "stable"
    assert shown["current version"] == "2"
    assert shown["versions kept"] == "1, 2"
    assert shown["last sync"].endswith(" ok")
    assert shown["metadata expires"].startswith("20")

    assert main(["fleet", "rollback", "--content", str(site)]) == 0
    assert "back to version 1" in capsys.readouterr().out
    assert welcome(site) == "Eerste"
    assert main(["fleet", "sync", "--content", str(site)]) == 0  # version 2 is not taken again
    assert welcome(site) == "Eerste"
    assert status(site, capsys)["never taken again"] == "2"
    assert main(["fleet", "rollback", "--content", str(site)]) == 1  # nothing older is kept

    publisher.failure = offline()
    assert main(["fleet", "sync", "--content", str(site)]) == 1
    shown = status(site, capsys)
    assert shown["last sync"].endswith(" failed")
    assert "De server van de uitgever is niet bereikbaar." in shown["reason"]
    assert welcome(site) == "Eerste"
