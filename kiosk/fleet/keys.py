"""The publisher's four TUF keys and the root metadata that names them.

root and targets sign rarely (a new key set; new content) and stay offline; snapshot and timestamp sign
every day on the publishing machine. Every root version is kept in KEYS_DIR/root-history, because a kiosk
whose bundle carries an older root.json walks the chain version by version up to the newest.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import Metadata, Root
from tuf.api.serialization.json import JSONSerializer

ROLES = ("root", "targets", "snapshot", "timestamp")
OFFLINE_ROLES = ("root", "targets")
# A new root is signed in an offline ceremony: once a year is a routine a small team keeps, and a kiosk that
# missed a whole year of updates still accepts the chain (each step is checked against the previous root).
ROOT_EXPIRY = dt.timedelta(days=365)
SERIALIZER = JSONSerializer(compact=True)


class KeysError(Exception):
    """A keys folder that cannot be used as asked; the message says what to do."""


def key_file(keys_dir: Path, role: str) -> Path:
    return keys_dir / f"{role}.pem"


def root_file(keys_dir: Path) -> Path:
    """The newest root metadata: the file each site's bundle carries as its trusted root.json."""
    return keys_dir / "root.json"


def root_history(keys_dir: Path) -> list[Path]:
    """Every root version, oldest first (1.root.json, 2.root.json, ...)."""
    return sorted((keys_dir / "root-history").glob("*.root.json"), key=lambda p: int(p.name.split(".")[0]))


def load_signer(keys_dir: Path, role: str) -> CryptoSigner:
    path = key_file(keys_dir, role)
    try:
        return CryptoSigner(load_pem_private_key(path.read_bytes(), None))
    except FileNotFoundError:
        where = "from the offline copy" if role in OFFLINE_ROLES else "from the publishing machine"
        raise KeysError(f"the {role} key {path} is missing: bring it {where}") from None
    except ValueError:
        raise KeysError(f"{path} is not a private key made by `keys init` (damaged?)") from None


def load_root(keys_dir: Path) -> Metadata[Root]:
    try:
        return Metadata[Root].from_file(str(root_file(keys_dir)))
    except FileNotFoundError:
        raise KeysError(f"{root_file(keys_dir)} is missing: run `keys init` first") from None


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def init_keys(keys_dir: Path, now: dt.datetime | None = None) -> Metadata[Root]:
    """Four new Ed25519 keys and root version 1 naming them, signed by the root key."""
    if any(key_file(keys_dir, role).exists() for role in ROLES) or root_file(keys_dir).exists():
        raise KeysError(f"{keys_dir} already holds keys: to replace one, use `keys rotate`")
    keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    root = Metadata(Root(expires=(now or utc_now()) + ROOT_EXPIRY, consistent_snapshot=True))
    signers = {role: CryptoSigner.generate_ed25519() for role in ROLES}
    for role, signer in signers.items():
        root.signed.add_key(signer.public_key, role)
        _write_private(key_file(keys_dir, role), signer.private_bytes)
    root.sign(signers["root"])
    _write_root(keys_dir, root)
    return root


def rotate_key(keys_dir: Path, role: str, now: dt.datetime | None = None) -> Metadata[Root]:
    """A new key for `role` and the next root version naming it instead of the old one. The new root is
    signed by the old root key (so kiosks that trust the old root accept it) and by the new root key (so
    it is valid on its own terms). The old key file is overwritten: metadata signed with it after this is
    refused by every kiosk that has seen the new root."""
    if role not in ROLES:
        raise KeysError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
    root = load_root(keys_dir)
    old_root_signer = load_signer(keys_dir, "root")
    old_signer = load_signer(keys_dir, role)
    new_signer = CryptoSigner.generate_ed25519()
    root.signed.revoke_key(old_signer.public_key.keyid, role)
    root.signed.add_key(new_signer.public_key, role)
    root.signed.version += 1
    root.signed.expires = (now or utc_now()) + ROOT_EXPIRY
    root.signatures.clear()
    root.sign(old_root_signer, append=True)
    if role == "root":
        root.sign(new_signer, append=True)
    _write_private(key_file(keys_dir, role), new_signer.private_bytes)
    _write_root(keys_dir, root)
    return root


def _write_root(keys_dir: Path, root: Metadata[Root]) -> None:
    history = keys_dir / "root-history"
    history.mkdir(exist_ok=True)
    data = root.to_bytes(SERIALIZER)
    (history / f"{root.signed.version}.root.json").write_bytes(data)
    root_file(keys_dir).write_bytes(data)


def _write_private(path: Path, data: bytes) -> None:
    """Readable by its owner only, from the first byte on (never briefly world-readable)."""
    temporary = path.with_name(path.name + ".new")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(data)
    temporary.replace(path)
