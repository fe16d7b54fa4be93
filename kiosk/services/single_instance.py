"""One kiosk per screen: a stray second start (a double-click, an autostart next to the service) must not
stack a second fullscreen window on top of the first; a second kiosk for a second screen of the same
machine runs."""

from __future__ import annotations

import getpass
import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QLockFile

log = logging.getLogger(__name__)


def lock_path(screen: str = "screen") -> Path:
    """In the session's runtime folder (cleared at boot), else the user's temporary folder; one per screen
    (`screens.lock_label`)."""
    folder = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    return Path(folder) / f"wachtkamer-kiosk-{getpass.getuser()}-{screen}.lock"


def claim_single_instance(path: Path) -> QLockFile | None:
    """The held lock (keep it for the life of the process), or None when another kiosk holds it.

    A lock left by a kiosk that crashed is taken over: QLockFile checks that its process still lives.
    """
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age: kiosks run for months
    if lock.tryLock(200):
        return lock
    info = lock.getLockInfo()  # (pid, host, app name) in PySide6
    owner = f" (process {info[0]})" if isinstance(info, tuple) and info and info[0] else ""
    log.error("another kiosk is already running%s; this one stops", owner)
    return None
