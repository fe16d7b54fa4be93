"""Publishing a content folder as TUF metadata and target files that any static web host can serve.

REPO_DIR/metadata holds N.root.json, N.targets.json, N.snapshot.json and timestamp.json (consistent
snapshots: every file but the timestamp has its version in its name, so a kiosk reading while a publish is
being copied up never mixes two versions); REPO_DIR/targets holds each file under its hash
(stable/slides/<sha256>.010-intro.nl.md), so a changed file gets a new name and no cache serves it stale.
Old files stay: a kiosk halfway through an update still finds what its metadata names.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tuf.api.metadata import Metadata, MetaFile, Signed, Snapshot, TargetFile, Targets, Timestamp

from kiosk.content import Severity, load_content
from kiosk.content.files import OUTSIDE_FOLDER, inside_folder
from kiosk.content.review import review_problems
from kiosk.fleet import fleet_owned
from kiosk.fleet.keys import SERIALIZER, KeysError, load_root, load_signer, root_history, utc_now

# A kiosk calls its content frozen (and says so to staff) once the timestamp is older than this: the daily
# `publish --refresh` job renews it, so one missed run passes unnoticed and a stopped publisher shows within
# two days.
TIMESTAMP_EXPIRY = dt.timedelta(days=2)
# Renewed by `--refresh` whenever it would lapse before the next timestamp: a week covers a long weekend with
# the publishing machine switched off.
SNAPSHOT_EXPIRY = dt.timedelta(days=7)
# Signed with the offline targets key at each content publish: a quarter leaves room between publications
# while a forgotten publisher still shows within a season.
TARGETS_EXPIRY = dt.timedelta(days=90)
# `--refresh` warns when metadata signed with an offline key has less than this left: time to fetch the key.
WARN_BEFORE = dt.timedelta(days=14)
DEFAULT_CHANNEL = "stable"
OVERDUE_REASON = "review_overdue_reason"


class PublishError(Exception):
    """Content or a repository that cannot be published as asked; the message says what to fix."""


@dataclass
class Published:
    """What one publish did, for the publisher's terminal."""

    version: int  # the targets version kiosks will report
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def publish_content(
    content_dir: Path,
    repo_dir: Path,
    keys_dir: Path,
    channel: str = DEFAULT_CHANNEL,
    reason: str | None = None,
    now: dt.datetime | None = None,
) -> Published:
    """Sign the fleet-owned files of `content_dir` as the channel's targets. A file that did not change keeps
    its target as it was, so kiosks download only what changed."""
    if not channel or "/" in channel or channel.startswith("."):
        raise PublishError(f"channel {channel!r} is not a plain name like 'stable' or 'test'")
    now = now or utc_now()
    overdue = _check_content(content_dir, now.date(), reason)
    repo = _Repository(repo_dir)
    published = repo.load("targets", Targets)
    targets = published or Metadata(Targets())
    version = targets.signed.version + 1 if published else 1
    prefix = f"{channel}/"
    old = {name: info for name, info in targets.signed.targets.items() if name.startswith(prefix)}
    new: dict[str, TargetFile] = {}
    sources: dict[str, Path] = {}
    for path in sorted(p for p in content_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(content_dir).as_posix()
        if not fleet_owned(relative):
            continue
        if not inside_folder(content_dir, path):  # never sign another file of the publisher's machine
            raise PublishError(f"{relative}: {OUTSIDE_FOLDER}\nnot published")
        name = prefix + relative
        info = TargetFile.from_file(name, str(path), ["sha256"])
        before = old.get(name)
        same = before is not None and (before.hashes, before.length) == (info.hashes, info.length)
        custom: dict[str, Any] = {"channel": channel, "content_version": version}
        if same and before is not None:
            custom["content_version"] = before.custom.get("content_version", version)
        if relative in overdue:
            custom[OVERDUE_REASON] = reason
        info.unrecognized_fields["custom"] = custom
        new[name], sources[name] = info, path
    if not new:
        raise PublishError(f"{content_dir} has no slides, pictures or handout to publish")
    result = Published(
        version,
        added=[n.removeprefix(prefix) for n in new if n not in old],
        changed=[n.removeprefix(prefix) for n in new if n in old and old[n].hashes != new[n].hashes],
        removed=[n.removeprefix(prefix) for n in old if n not in new],
    )
    if {n: i.to_dict() for n, i in old.items()} == {n: i.to_dict() for n, i in new.items()}:
        result.version = targets.signed.version
        result.warnings.append("nothing changed: no new version signed (--refresh renews the timestamp)")
        return result
    signer = load_signer(keys_dir, "targets")
    for name, info in new.items():
        repo.store_target(info, sources[name])
    for name in old:
        del targets.signed.targets[name]
    targets.signed.targets.update(new)
    _sign(targets, version, now + TARGETS_EXPIRY, signer)
    repo.copy_roots(keys_dir)
    repo.write(targets)
    _sign_snapshot_and_timestamp(repo, keys_dir, now, targets_version=version)
    return result


def refresh(repo_dir: Path, keys_dir: Path, now: dt.datetime | None = None) -> list[str]:
    """A new timestamp (and a new snapshot when it would lapse first), for the daily job; warnings when the
    offline keys will be needed soon."""
    now = now or utc_now()
    repo = _Repository(repo_dir)
    targets, snapshot = repo.load("targets", Targets), repo.load("snapshot", Snapshot)
    if targets is None or snapshot is None:
        raise PublishError(f"{repo_dir} has nothing published yet: publish content first")
    renew = snapshot.signed.expires < now + TIMESTAMP_EXPIRY
    _sign_snapshot_and_timestamp(repo, keys_dir, now, renew_snapshot=renew)
    warnings = []
    root = load_root(keys_dir).signed
    for name, expires in (("targets", targets.signed.expires), ("root", root.expires)):
        if expires - now < WARN_BEFORE:
            warnings.append(
                f"{name} metadata expires on {expires:%Y-%m-%d}: sign it again with the offline {name} key "
                f"({'publish the content' if name == 'targets' else 'keys rotate'}) before then"
            )
    return warnings


# After a key of the role on the left is replaced, the metadata it signed and what names that metadata are
# signed again: these keys must be at hand, besides the root key and the rotated one.
SIGNED_AGAIN_WITH = {
    "root": (),
    "targets": ("snapshot", "timestamp"),
    "snapshot": ("timestamp",),
    "timestamp": (),
}


def check_rotation_keys(keys_dir: Path, role: str) -> None:
    """Before anything changes: every key the rotation needs is there (KeysError names a missing one)."""
    for needed in {"root", role, *SIGNED_AGAIN_WITH.get(role, ())}:
        load_signer(keys_dir, needed)


def resign_after_rotation(repo_dir: Path, keys_dir: Path, role: str, now: dt.datetime | None = None) -> None:
    """After `keys rotate`: the new root versions into the repository, and the rotated role's metadata (and
    what names it) signed again with its new key, so kiosks find a chain that verifies."""
    now = now or utc_now()
    repo = _Repository(repo_dir)
    repo.copy_roots(keys_dir)
    targets = repo.load("targets", Targets)
    if targets is None or role == "root":
        return
    if role == "targets":
        _sign(targets, targets.signed.version + 1, now + TARGETS_EXPIRY, load_signer(keys_dir, "targets"))
        repo.write(targets)
        _sign_snapshot_and_timestamp(repo, keys_dir, now, targets_version=targets.signed.version)
    else:
        _sign_snapshot_and_timestamp(repo, keys_dir, now, renew_snapshot=role == "snapshot")


def _check_content(content_dir: Path, today: dt.date, reason: str | None) -> set[str]:
    """Refuse what `validate` refuses; slides past their review date only with a reason. Returns the files
    published overdue."""
    if not (content_dir / "site.toml").is_file() and not (content_dir / "slides").is_dir():
        raise PublishError(f"{content_dir} is not a content folder (no site.toml, no slides/)")
    content = load_content(content_dir)
    errors = [p for p in content.problems if p.severity is Severity.ERROR]
    if errors:
        lines = "\n".join(str(p) for p in errors)
        raise PublishError(f"{lines}\nnot published: `python -m kiosk validate` reports {len(errors)} errors")
    overdue = [p for p in review_problems(content, today) if p.severity is Severity.ERROR]
    if overdue and not reason:
        lines = "\n".join(str(p) for p in overdue)
        raise PublishError(
            f"{lines}\nnot published: {len(overdue)} texts are past their review date; review them, or give "
            "--reason TEXT to publish anyway (the reason is signed into the update)"
        )
    return {p.file for p in overdue}


def _sign(metadata: Metadata[Any], version: int, expires: dt.datetime, signer: Any) -> None:
    metadata.signed.version = version
    metadata.signed.expires = expires
    metadata.signatures.clear()
    metadata.sign(signer)


def _sign_snapshot_and_timestamp(
    repo: _Repository,
    keys_dir: Path,
    now: dt.datetime,
    renew_snapshot: bool = False,
    targets_version: int | None = None,
) -> None:
    """A new timestamp naming the snapshot; first a new snapshot when asked or when it must name a new
    targets version. The timestamp is written last: until then kiosks keep seeing the previous whole set."""
    snapshot = repo.load("snapshot", Snapshot)
    timestamp = repo.load("timestamp", Timestamp)
    if snapshot is None or timestamp is None:  # the first publish
        snapshot, timestamp = Metadata(Snapshot(version=1)), Metadata(Timestamp(version=1))
        snapshot.signed.version = timestamp.signed.version = 0
    if targets_version is not None:
        snapshot.signed.meta["targets.json"] = MetaFile(version=targets_version)
    if renew_snapshot or targets_version is not None:
        _sign(snapshot, snapshot.signed.version + 1, now + SNAPSHOT_EXPIRY, load_signer(keys_dir, "snapshot"))
        repo.write(snapshot)
    timestamp.signed.snapshot_meta = MetaFile(version=snapshot.signed.version)
    _sign(timestamp, timestamp.signed.version + 1, now + TIMESTAMP_EXPIRY, load_signer(keys_dir, "timestamp"))
    repo.write(timestamp)


class _Repository:
    """The files of REPO_DIR, read and written the way a TUF client will fetch them."""

    def __init__(self, folder: Path) -> None:
        self.metadata = folder / "metadata"
        self.targets = folder / "targets"

    def load(self, role: str, kind: type[Signed]) -> Metadata[Any] | None:
        """The newest version of a role: the timestamp names the snapshot, the snapshot the targets."""
        timestamp = self.metadata / "timestamp.json"
        if not timestamp.exists():
            return None
        current: Metadata[Any] = Metadata.from_file(str(timestamp))
        for step in ("snapshot", "targets"):
            if current.signed.type == role:
                break
            meta = current.signed.snapshot_meta if step == "snapshot" else current.signed.meta["targets.json"]
            current = Metadata.from_file(str(self.metadata / f"{meta.version}.{step}.json"))
        if not isinstance(current.signed, kind):
            raise PublishError(f"{self.metadata}: {role} metadata is not what the timestamp names")
        return current

    def write(self, metadata: Metadata[Any]) -> None:
        role = metadata.signed.type
        name = "timestamp.json" if role == "timestamp" else f"{metadata.signed.version}.{role}.json"
        self.metadata.mkdir(parents=True, exist_ok=True)
        temporary = self.metadata / f".{name}.new"
        temporary.write_bytes(metadata.to_bytes(SERIALIZER))
        os.replace(temporary, self.metadata / name)

    def store_target(self, info: TargetFile, source: Path) -> None:
        directory, _, base = info.path.rpartition("/")
        destination = self.targets / directory / f"{info.hashes['sha256']}.{base}"
        if not destination.exists():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)

    def copy_roots(self, keys_dir: Path) -> None:
        """Every root version, for kiosks that start from an older one; root.json for new installs."""
        history = root_history(keys_dir)
        if not history:
            raise KeysError(f"{keys_dir} holds no root metadata: run `keys init` first")
        self.metadata.mkdir(parents=True, exist_ok=True)
        for path in history:
            shutil.copyfile(path, self.metadata / path.name)
        shutil.copyfile(history[-1], self.metadata / "root.json")
