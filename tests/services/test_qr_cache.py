"""The site's QR code kept between starts: the same code segno makes, never a stale or damaged one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.render import qr
from kiosk.services import qr_cache
from kiosk.services.qr_cache import RECORD, cached_qr_modules

ADDRESS = "https://kliniek.example/moeders"


@pytest.fixture(autouse=True)
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_STATE_DIR", str(tmp_path))
    return tmp_path


def no_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(payload: str) -> list[list[bool]]:
        raise AssertionError(f"encoded {payload!r} again")

    monkeypatch.setattr(qr_cache, "qr_modules", refuse)


def test_the_next_start_reads_the_code_instead_of_encoding_it(monkeypatch: pytest.MonkeyPatch) -> None:
    first = cached_qr_modules(ADDRESS)
    assert first == qr.qr_modules(ADDRESS)
    no_encoder(monkeypatch)
    assert cached_qr_modules(ADDRESS) == first


def test_a_new_address_is_encoded_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    cached_qr_modules(ADDRESS)
    other = ADDRESS + "?utm_source=kiosk"
    expected = qr.qr_modules(other)
    assert expected != qr.qr_modules(ADDRESS)
    assert cached_qr_modules(other) == expected
    no_encoder(monkeypatch)
    assert cached_qr_modules(other) == expected  # and that one is kept now


@pytest.mark.parametrize(
    "damage",
    ["{not json", json.dumps({"payload": ADDRESS, "rows": ["01", "1"]}), json.dumps({"payload": ADDRESS})],
    ids=["not-json", "ragged-rows", "no-rows"],
)
def test_a_damaged_record_is_encoded_again(state: Path, damage: str) -> None:
    (state / RECORD).write_text(damage, encoding="utf-8")
    assert cached_qr_modules(ADDRESS) == qr.qr_modules(ADDRESS)


def test_a_state_folder_that_cannot_be_written_still_gives_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("KIOSK_STATE_DIR", str(blocked / "state"))  # under a file: nothing can be made
    assert cached_qr_modules(ADDRESS) == qr.qr_modules(ADDRESS)
