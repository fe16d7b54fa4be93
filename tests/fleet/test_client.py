"""The update client against a real web host on 127.0.0.1: what a kiosk gets, and why it refuses."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from tuf.api.metadata import Metadata, TargetFile, Targets

from kiosk.fleet import client
from kiosk.fleet.client import FleetError
from kiosk.fleet.keys import load_signer
from kiosk.fleet.publish import _Repository, _sign_snapshot_and_timestamp, refresh
from tests.fleet.conftest import NewKiosk, Publisher
from tests.fleet.server import STALL_CAP_S, RepoServer

SLIDE = "slides/010-welkom.nl.md"


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def served_file(repo: Path, relative: str, channel: str = "stable") -> Path:
    """The hash-named file the web host serves for one content file (the newest, if there are several)."""
    directory, _, name = f"{channel}/{relative}".rpartition("/")
    found = sorted((repo / "targets" / directory).glob(f"*.{name}"), key=lambda p: p.stat().st_mtime_ns)
    return found[-1]


def url_path(repo: Path, file: Path) -> str:
    return "/" + file.relative_to(repo).as_posix()


def test_two_kiosks_take_v1_then_v2_with_their_own_state(publisher: Publisher, new_kiosk: NewKiosk) -> None:
    publisher.publish()
    first, second = new_kiosk(), new_kiosk()
    for kiosk in (first, second):
        update = kiosk.check()
        assert update.version == 1
        assert update.files[SLIDE].read_bytes() == (publisher.content / SLIDE).read_bytes()
        assert "site.toml" not in update.files  # the site's own file is never published
        assert update.expires > now_utc() + dt.timedelta(days=1)

    publisher.edit_slide(SLIDE, "Tweede versie.")
    publisher.publish()
    for kiosk in (first, second):
        update = kiosk.check()
        assert update.version == 2
        assert "Tweede versie." in update.files[SLIDE].read_text(encoding="utf-8")
    assert first.cache != second.cache


def test_one_slide_change_downloads_that_slide_only(
    publisher: Publisher, new_kiosk: NewKiosk, server: RepoServer
) -> None:
    publisher.publish()
    kiosk = new_kiosk()
    first = kiosk.check()
    everything = server.reset_counts()
    assert first.downloaded_bytes == everything.body_bytes

    unchanged = kiosk.check()
    idle = server.reset_counts()
    assert unchanged.version == 1
    assert [p for p in idle.requests if "/targets/" in p] == []
    assert idle.body_bytes == unchanged.downloaded_bytes < 1000  # only the small timestamp.json

    edited = publisher.edit_slide(SLIDE)
    publisher.publish()
    update = kiosk.check()
    poll = server.reset_counts()
    assert update.version == 2
    slide_file = served_file(publisher.repo, SLIDE)
    assert [p for p in poll.requests if "/targets/" in p] == [url_path(publisher.repo, slide_file)]
    assert update.downloaded_bytes == poll.body_bytes
    metadata = [publisher.repo / p.lstrip("/") for p in poll.requests if p.startswith("/metadata/")]
    assert [p.name for p in metadata] == [
        "2.root.json",
        "timestamp.json",
        "2.snapshot.json",
        "2.targets.json",
    ]
    assert poll.body_bytes == sum(p.stat().st_size for p in metadata[1:]) + edited.stat().st_size
    assert poll.body_bytes < everything.body_bytes / 4


def test_a_signed_site_file_is_still_never_taken(publisher: Publisher, new_kiosk: NewKiosk) -> None:
    """Even a publisher (or a stolen targets key) cannot replace a site's site.toml through the fleet."""
    publisher.publish()
    targets = Metadata[Targets].from_file(str(publisher.repo / "metadata" / "1.targets.json"))
    site = publisher.content / "site.toml"
    targets.signed.targets["stable/site.toml"] = TargetFile.from_file("stable/site.toml", str(site))
    repo = _Repository(publisher.repo)
    repo.store_target(targets.signed.targets["stable/site.toml"], site)
    targets.signed.version = 2
    targets.sign(load_signer(publisher.keys, "targets"))
    repo.write(targets)
    _sign_snapshot_and_timestamp(repo, publisher.keys, now_utc(), targets_version=2)

    update = new_kiosk().check()
    assert update.version == 2
    assert "site.toml" not in update.files


def test_a_removed_slide_leaves_the_cache_too(publisher: Publisher, new_kiosk: NewKiosk) -> None:
    publisher.publish()
    kiosk = new_kiosk()
    gone = kiosk.check().files["slides/110-tot-slot.tr.md"]
    (publisher.content / "slides" / "110-tot-slot.tr.md").unlink()
    publisher.publish()
    update = kiosk.check()
    assert "slides/110-tot-slot.tr.md" not in update.files
    assert not gone.exists()
    assert sorted(kiosk.cache.iterdir()) == sorted(update.files.values())


def test_a_naive_kiosk_clock_is_taken_as_local_time(publisher: Publisher, new_kiosk: NewKiosk) -> None:
    publisher.publish()
    assert new_kiosk().check(now=dt.datetime.now()).version == 1
    with pytest.raises(FleetError) as refused:
        new_kiosk().check(now=dt.datetime.now() + dt.timedelta(days=3))
    assert refused.value.reason == client.FROZEN


def test_a_tampered_file_is_refused_and_the_good_one_kept(publisher: Publisher, new_kiosk: NewKiosk) -> None:
    publisher.publish()
    kiosk = new_kiosk()
    good = kiosk.check().files[SLIDE]
    before = good.read_bytes()
    publisher.edit_slide(SLIDE)
    publisher.publish()
    served = served_file(publisher.repo, SLIDE)
    size = served.stat().st_size
    served.write_bytes(b"Bel nooit de huisarts.".ljust(size, b" ")[:size])  # same length, other words

    with pytest.raises(FleetError) as refused:
        kiosk.check()
    assert refused.value.reason == client.TAMPERED_FILE
    assert good.read_bytes() == before


def test_tampered_metadata_is_refused(publisher: Publisher, new_kiosk: NewKiosk) -> None:
    publisher.publish()
    kiosk = new_kiosk()
    kiosk.check()
    publisher.edit_slide(SLIDE)
    publisher.publish()
    targets = publisher.repo / "metadata" / "2.targets.json"
    text = targets.read_text()
    # Point the slide at a file of the attacker's choice, keeping the signature as it was.
    targets.write_text(text.replace('"channel":"stable"', '"channel":"stabel"', 1))

    with pytest.raises(FleetError) as refused:
        kiosk.check()
    assert refused.value.reason == client.TAMPERED_METADATA
    assert "signed by 0/1 keys" in str(refused.value)


def test_a_replayed_older_timestamp_is_refused(publisher: Publisher, new_kiosk: NewKiosk) -> None:
    publisher.publish()
    old_timestamp = (publisher.repo / "metadata" / "timestamp.json").read_bytes()
    publisher.edit_slide(SLIDE)
    publisher.publish()
    kiosk = new_kiosk()
    assert kiosk.check().version == 2
    (publisher.repo / "metadata" / "timestamp.json").write_bytes(old_timestamp)

    with pytest.raises(FleetError) as refused:
        kiosk.check()
    assert refused.value.reason == client.ROLLBACK


def test_a_replayed_older_snapshot_is_refused(publisher: Publisher, new_kiosk: NewKiosk) -> None:
    publisher.publish()
    kiosk = new_kiosk()
    kiosk.check()
    publisher.edit_slide(SLIDE)
    publisher.publish()
    metadata = publisher.repo / "metadata"
    (metadata / "2.snapshot.json").write_bytes((metadata / "1.snapshot.json").read_bytes())

    with pytest.raises(FleetError) as refused:
        kiosk.check()
    assert refused.value.reason == client.ROLLBACK


def test_an_expired_timestamp_is_a_freeze_until_the_daily_refresh(
    publisher: Publisher, new_kiosk: NewKiosk
) -> None:
    publisher.publish(now=now_utc() - dt.timedelta(days=3))  # and the publisher stopped since
    kiosk = new_kiosk()
    with pytest.raises(FleetError) as refused:
        kiosk.check()
    assert refused.value.reason == client.FROZEN

    refresh(publisher.repo, publisher.keys)
    assert kiosk.check().version == 1


def test_a_kiosk_clock_two_days_ahead_sees_a_freeze_and_two_days_behind_works(
    publisher: Publisher, new_kiosk: NewKiosk
) -> None:
    publisher.publish()
    with pytest.raises(FleetError) as refused:
        new_kiosk().check(now=now_utc() + dt.timedelta(days=2))
    assert refused.value.reason == client.FROZEN
    assert new_kiosk().check(now=now_utc() - dt.timedelta(days=2)).version == 1


def test_server_down(publisher: Publisher, new_kiosk: NewKiosk, server: RepoServer) -> None:
    publisher.publish()
    kiosk = new_kiosk()
    server.stop()
    with pytest.raises(FleetError) as refused:
        kiosk.check()
    assert refused.value.reason == client.OFFLINE == "Geen verbinding met de updateserver"


def test_server_error(publisher: Publisher, new_kiosk: NewKiosk, server: RepoServer) -> None:
    publisher.publish()
    server.faults.status = 500
    with pytest.raises(FleetError) as refused:
        new_kiosk().check()
    assert refused.value.reason == "De updateserver gaf een fout (500)"
    assert "500" in str(refused.value)


@pytest.mark.parametrize("fault", ["stall", "silent"])
def test_a_stalled_server_is_given_up_after_the_timeout(
    fault: str, publisher: Publisher, new_kiosk: NewKiosk, server: RepoServer
) -> None:
    """Half a file and then nothing, or no answer at all (urllib3 tries a silent server 4 times)."""
    publisher.publish()
    setattr(server.faults, fault, "/targets/")
    started = time.monotonic()
    with pytest.raises(FleetError) as refused:
        new_kiosk().check(timeout_s=0.2)
    assert refused.value.reason == client.STALLED
    assert time.monotonic() - started < STALL_CAP_S / 2  # the kiosk's timeout, not the server giving up


def test_a_cut_off_download(publisher: Publisher, new_kiosk: NewKiosk, server: RepoServer) -> None:
    publisher.publish()
    kiosk = new_kiosk()
    server.faults.cut = "/targets/"
    with pytest.raises(FleetError) as refused:
        kiosk.check()
    assert refused.value.reason == client.CUT_OFF
    server.faults.cut = None
    assert kiosk.check().version == 1  # the next poll completes it
