"""The contract of fleet-core's TUF client (notes/fleet-contract.md), so the kiosk side can be built and
tested against it; fleet-core's module with the real `check_for_update` replaces this one at merge."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


class FleetError(Exception):
    """Why an update was not taken: `.reason` in Dutch for staff status, str(e) in English for the log."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Update:
    version: int  # the targets metadata version this file set comes from
    files: dict[str, Path]  # relative content path -> verified local file (in the client's cache)
    downloaded_bytes: int  # bytes fetched over the network by this check (metadata + targets)
    expires: dt.datetime  # the earliest expiry of the trusted timestamp/snapshot/targets (UTC)


def check_for_update(
    url: str,
    channel: str,
    metadata_dir: Path,
    cache_dir: Path,
    now: dt.datetime | None = None,
    timeout_s: float = 30,
) -> Update:
    raise FleetError(
        "De kiosk kan nog geen nieuwe inhoud ophalen. Vraag de beheerder van de kiosk om hulp.",
        "the TUF client is not part of this build yet",
    )
