"""Key rotation: kiosks follow a new root by themselves, and a replaced key no longer fools them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from tuf.api.metadata import Metadata, Root, Timestamp

from kiosk.__main__ import main
from kiosk.fleet import client
from kiosk.fleet.client import FleetError
from kiosk.fleet.keys import ROLES, key_file, load_signer, root_file
from tests.fleet.conftest import Kiosk, NewKiosk, Publisher

SLIDE = "slides/010-welkom.nl.md"


def rotate(publisher: Publisher, role: str) -> int:
    return main(["keys", "rotate", str(publisher.keys), "--role", role, "--repo", str(publisher.repo)])


def trusted_root_version(kiosk: Kiosk) -> int:
    return json.loads((kiosk.metadata / "root.json").read_text())["signed"]["version"]


@pytest.mark.parametrize("role", ROLES)
def test_kiosks_follow_a_rotated_key_and_keep_updating(
    role: str, publisher: Publisher, new_kiosk: NewKiosk, capsys: pytest.CaptureFixture[str]
) -> None:
    publisher.publish()
    synced = new_kiosk()
    synced.check()
    fresh = new_kiosk()  # installed with the bundle's root v1, never online before the rotation

    assert rotate(publisher, role) == 0
    assert "root version 2" in capsys.readouterr().out
    publisher.edit_slide(SLIDE, "Na de nieuwe sleutel.")
    publisher.publish()

    for kiosk in (synced, fresh):
        update = kiosk.check()
        assert "Na de nieuwe sleutel." in update.files[SLIDE].read_text(encoding="utf-8")
        assert trusted_root_version(kiosk) == 2


def test_a_timestamp_signed_with_the_replaced_key_is_refused(
    publisher: Publisher, new_kiosk: NewKiosk
) -> None:
    publisher.publish()
    old_key = load_signer(publisher.keys, "timestamp")
    assert rotate(publisher, "timestamp") == 0
    kiosk = new_kiosk()
    kiosk.check()

    path = publisher.repo / "metadata" / "timestamp.json"
    forged = Metadata[Timestamp].from_file(str(path))
    forged.signed.version += 10
    forged.signed.expires = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=30)
    forged.signatures.clear()
    forged.sign(old_key)
    forged.to_file(str(path))
    with pytest.raises(FleetError) as refused:
        kiosk.check()
    assert refused.value.reason == client.TAMPERED_METADATA


def test_a_root_signed_with_the_replaced_root_key_is_refused(
    publisher: Publisher, new_kiosk: NewKiosk
) -> None:
    publisher.publish()
    old_root_key = load_signer(publisher.keys, "root")
    assert rotate(publisher, "root") == 0
    kiosk = new_kiosk()
    kiosk.check()

    forged = Metadata[Root].from_file(str(root_file(publisher.keys)))
    forged.signed.version = 3
    forged.signed.add_key(old_root_key.public_key, "root")  # the thief puts the old key back in charge
    forged.signatures.clear()
    forged.sign(old_root_key)
    forged.to_file(str(publisher.repo / "metadata" / "3.root.json"))
    with pytest.raises(FleetError) as refused:
        kiosk.check()
    assert refused.value.reason == client.TAMPERED_METADATA
    assert trusted_root_version(kiosk) == 2


def test_a_rotation_that_lacks_a_key_changes_nothing(
    publisher: Publisher, capsys: pytest.CaptureFixture[str]
) -> None:
    publisher.publish()
    key_file(publisher.keys, "snapshot").rename(publisher.keys.parent / "elsewhere.pem")
    before = root_file(publisher.keys).read_bytes()
    assert rotate(publisher, "targets") == 1
    assert "snapshot key" in capsys.readouterr().err
    assert root_file(publisher.keys).read_bytes() == before
