"""Small JSON records in the state folder (`kiosk.logs.state_dir()`): what must survive a restart.

Never anything about a visitor. Written to a temporary name and renamed, so a reader finds the old record
or the new one; a record that a power cut still left damaged reads as None, and its owner decides what a
damaged record means (the PIN lockout counts it as a lockout, not as a free pass).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from kiosk.logs import state_dir

log = logging.getLogger(__name__)


class DamagedRecordError(Exception):
    """The record exists but cannot be read as JSON."""


def state_path(name: str) -> Path:
    return state_dir() / name


def read_record(path: Path) -> dict[str, Any] | None:
    """The record, or None when there is none; DamagedRecordError when there is one that cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        raise DamagedRecordError(str(err)) from err
    try:
        data = json.loads(text)
    except ValueError as err:
        raise DamagedRecordError(str(err)) from err
    if not isinstance(data, dict):
        raise DamagedRecordError("not a JSON object")
    return data


def write_record(path: Path, data: dict[str, Any]) -> bool:
    """Replace the record in one rename; False (logged) when the folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError as err:
        log.error("cannot write %s (%s); it will not survive a restart", path, err)
        return False
    return True
