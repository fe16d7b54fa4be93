"""Publishing: the keys, what goes out (and what never does), and a repository a plain web host can serve."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import stat
from pathlib import Path

import pytest

from kiosk.__main__ import main
from kiosk.fleet import fleet_owned
from kiosk.fleet.keys import ROLES, key_file, root_file
from kiosk.fleet.publish import (
    OVERDUE_REASON,
    SNAPSHOT_EXPIRY,
    TIMESTAMP_EXPIRY,
    PublishError,
    refresh,
)
from tests.fleet.conftest import Publisher

SLIDE = "slides/010-welkom.nl.md"


def metadata(repo: Path, name: str) -> dict:
    return json.loads((repo / "metadata" / name).read_text())["signed"]


def timestamp(repo: Path) -> dict:
    return metadata(repo, "timestamp.json")


def newest_targets(repo: Path) -> dict:
    snapshot = metadata(repo, f"{timestamp(repo)['meta']['snapshot.json']['version']}.snapshot.json")
    return metadata(repo, f"{snapshot['meta']['targets.json']['version']}.targets.json")


def test_keys_init_keeps_private_keys_private_and_says_where_each_goes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = tmp_path / "keys"
    assert main(["keys", "init", str(keys)]) == 0
    said = capsys.readouterr().out
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    for role in ROLES:
        assert stat.S_IMODE(key_file(keys, role).stat().st_mode) == 0o600
    assert json.loads(root_file(keys).read_text())["signed"]["version"] == 1
    offline, publishing = (
        next(line for line in said.splitlines() if line.strip().startswith(start))
        for start in ("root.pem", "snapshot.pem")
    )
    assert "root.pem" in offline and "targets.pem" in offline and "OFFLINE" in offline
    assert "snapshot.pem" in publishing and "timestamp.pem" in publishing
    assert "publishing machine" in publishing
    assert "root.json also goes into every site's bundle" in " ".join(said.split())

    before = key_file(keys, "root").read_bytes()
    assert main(["keys", "init", str(keys)]) == 1  # never overwrites keys
    assert "keys rotate" in capsys.readouterr().err
    assert key_file(keys, "root").read_bytes() == before


def test_publish_refuses_what_validate_refuses_with_validates_words(
    publisher: Publisher, capsys: pytest.CaptureFixture[str]
) -> None:
    (publisher.content / "slides" / "050-kapot.nl.md").write_text("+++\ntitle = \n+++\nTekst\n")
    main(["validate", str(publisher.content)])
    validate_says = [line for line in capsys.readouterr().out.splitlines() if "error:" in line]
    assert validate_says

    code = main(
        ["publish", str(publisher.content), "--repo", str(publisher.repo), "--keys", str(publisher.keys)]
    )
    refused = capsys.readouterr().err
    assert code == 1
    assert all(line in refused for line in validate_says)
    assert "not published" in refused
    assert not publisher.repo.exists()


def test_a_slide_past_its_review_date_goes_out_only_with_a_reason_signed_into_it(
    publisher: Publisher,
) -> None:
    path = publisher.content / SLIDE
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'reviewed_by = ""', 'reviewed_by = "A. de Vries, verpleegkundige"\nreviewed_on = 2020-01-01'
        ),
        encoding="utf-8",
    )
    with pytest.raises(PublishError, match="--reason"):
        publisher.publish()
    assert not (publisher.repo / "metadata").exists()

    publisher.publish(reason="Herzien door de arts gepland in mei; tekst ongewijzigd geldig")
    targets = newest_targets(publisher.repo)["targets"]
    assert targets[f"stable/{SLIDE}"]["custom"][OVERDUE_REASON].startswith("Herzien")
    assert [name for name, t in targets.items() if OVERDUE_REASON in t["custom"]] == [f"stable/{SLIDE}"]


def test_only_slides_pictures_and_handouts_are_published(publisher: Publisher) -> None:
    (publisher.content / "slides" / ".DS_Store").write_bytes(b"\0")
    (publisher.content / "notities.txt").write_text("van de beheerder")
    publisher.publish()

    names = set(newest_targets(publisher.repo)["targets"])
    on_disk = {
        p.relative_to(publisher.content).as_posix() for p in publisher.content.rglob("*") if p.is_file()
    }
    assert names == {f"stable/{p}" for p in on_disk if fleet_owned(p)}
    assert {n.split("/")[1] for n in names} == {"slides", "images", *(n[7:] for n in names if "handout" in n)}
    site = (publisher.content / "site.toml").read_bytes()
    assert not any(p.read_bytes() == site for p in publisher.repo.rglob("*") if p.is_file())


def test_a_link_out_of_the_content_folder_is_never_published(publisher: Publisher, tmp_path: Path) -> None:
    secret = tmp_path / "secret.svg"
    secret.write_text("<svg>geheim</svg>")
    (publisher.content / "images" / "extra.svg").symlink_to(secret)
    with pytest.raises(PublishError, match="outside the content folder"):
        publisher.publish()
    assert not publisher.repo.exists()


@pytest.mark.parametrize(
    ("path", "owned"),
    [
        ("slides/010-welkom.nl.md", True),
        ("images/baby.svg", True),
        ("handout.nl.md", True),
        ("site.toml", False),
        ("staff.toml", False),
        ("slides/.hidden.md", False),
        ("../slides/x.md", False),
        ("slides", False),
        ("old/handout.nl.md", False),
    ],
)
def test_fleet_owned(path: str, owned: bool) -> None:
    assert fleet_owned(path) is owned


def test_the_repository_is_plain_files_named_by_version_and_hash(publisher: Publisher) -> None:
    publisher.publish()
    names = {p.name for p in (publisher.repo / "metadata").iterdir()}
    assert names == {"1.root.json", "root.json", "1.targets.json", "1.snapshot.json", "timestamp.json"}
    for name, target in newest_targets(publisher.repo)["targets"].items():
        directory, _, base = name.rpartition("/")
        digest = target["hashes"]["sha256"]
        served = publisher.repo / "targets" / directory / f"{digest}.{base}"
        assert hashlib.sha256(served.read_bytes()).hexdigest() == digest
        assert served.read_bytes() == (publisher.content / name.removeprefix("stable/")).read_bytes()


def test_a_change_touches_its_own_target_and_a_removed_file_leaves(publisher: Publisher) -> None:
    publisher.publish()
    publisher.edit_slide(SLIDE)
    (publisher.content / "slides" / "110-tot-slot.tr.md").unlink()
    done = publisher.publish()
    assert (done.version, done.changed, done.removed, done.added) == (
        2,
        [SLIDE],
        ["slides/110-tot-slot.tr.md"],
        [],
    )

    targets = newest_targets(publisher.repo)["targets"]
    assert "stable/slides/110-tot-slot.tr.md" not in targets
    versions = {name: t["custom"]["content_version"] for name, t in targets.items()}
    assert versions.pop(f"stable/{SLIDE}") == 2
    assert set(versions.values()) == {1}


def test_publishing_unchanged_content_signs_nothing_new(publisher: Publisher) -> None:
    publisher.publish()
    before = timestamp(publisher.repo)
    done = publisher.publish()
    assert done.version == 1 and "nothing changed" in done.warnings[0]
    assert timestamp(publisher.repo) == before


def test_channels_are_published_side_by_side(publisher: Publisher) -> None:
    publisher.publish()
    stable = {n: t for n, t in newest_targets(publisher.repo)["targets"].items()}
    publisher.edit_slide(SLIDE, "Alleen op het testkanaal.")
    publisher.publish(channel="test")
    targets = newest_targets(publisher.repo)["targets"]
    assert {n: t for n, t in targets.items() if n.startswith("stable/")} == stable
    assert targets[f"test/{SLIDE}"]["hashes"] != stable[f"stable/{SLIDE}"]["hashes"]
    with pytest.raises(PublishError, match="plain name"):
        publisher.publish(channel="../stable")


def test_refresh_renews_the_timestamp_and_the_snapshot_only_when_it_would_lapse(publisher: Publisher) -> None:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0)
    publisher.publish(now=start)
    assert refresh(publisher.repo, publisher.keys, now=start + dt.timedelta(days=1)) == []
    stamp = timestamp(publisher.repo)
    assert stamp["version"] == 2 and stamp["meta"]["snapshot.json"]["version"] == 1
    assert stamp["expires"] == f"{start + dt.timedelta(days=1) + TIMESTAMP_EXPIRY:%Y-%m-%dT%H:%M:%SZ}"

    later = start + SNAPSHOT_EXPIRY - dt.timedelta(days=1)
    refresh(publisher.repo, publisher.keys, now=later)
    assert timestamp(publisher.repo)["meta"]["snapshot.json"]["version"] == 2

    warnings = refresh(publisher.repo, publisher.keys, now=start + dt.timedelta(days=80))
    assert any("targets metadata expires" in w for w in warnings)


def test_refresh_before_any_publish_says_so(publisher: Publisher) -> None:
    with pytest.raises(PublishError, match="nothing published"):
        refresh(publisher.repo, publisher.keys)


def test_the_daily_refresh_command_needs_no_content_folder(
    publisher: Publisher, capsys: pytest.CaptureFixture[str]
) -> None:
    publisher.publish()
    assert main(["publish", "--refresh", "--repo", str(publisher.repo), "--keys", str(publisher.keys)]) == 0
    assert "timestamp renewed" in capsys.readouterr().out
    assert timestamp(publisher.repo)["version"] == 2
