"""Logging to stderr and to a rotating file in the platform's usual log folder."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

APP_DIR_NAME = "wachtkamer-kiosk"


def log_dir() -> Path:
    """`$KIOSK_LOG_DIR`, else XDG state (Linux), LOCALAPPDATA (Windows) or ~/Library/Logs (macOS)."""
    if os.environ.get("KIOSK_LOG_DIR"):
        return Path(os.environ["KIOSK_LOG_DIR"])
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / APP_DIR_NAME / "logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP_DIR_NAME
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / APP_DIR_NAME


def state_dir() -> Path:
    """What must survive a restart but is not content: `$KIOSK_STATE_DIR`, else the log folder.

    Never anything about a visitor.
    """
    if os.environ.get("KIOSK_STATE_DIR"):
        return Path(os.environ["KIOSK_STATE_DIR"])
    return log_dir()


def setup_logging(to_file: bool = True, level: int = logging.INFO) -> Path | None:
    """Configure the root logger once; returns the log file, or None when only stderr is used."""
    import logging.handlers  # here: it brings socket and pickle, which nothing else of the kiosk needs

    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    stderr = logging.StreamHandler()
    stderr.setFormatter(fmt)
    root.addHandler(stderr)
    if not to_file:
        return None
    path = log_dir() / "kiosk.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        rotating = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as err:
        root.warning("cannot write the log file %s (%s); logging to stderr only", path, err)
        return None
    rotating.setFormatter(fmt)
    root.addHandler(rotating)
    return path
