"""Pictures on a USB stick: where sticks are mounted, and the pictures on them that staff may add.

Only removable media are offered, never the rest of the computer. On Linux a stick is mounted under
/media/<user>/<label> (or /media/<label>) and /run/media/<user>/<label>; KIOSK_REMOVABLE_MEDIA (folders
separated by ':') points elsewhere, for tests or an unusual machine.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

from kiosk.content.images import IMAGE_SUFFIXES

ENV = "KIOSK_REMOVABLE_MEDIA"
MOUNT_PATTERNS = ("/media/*/", "/media/*/*/", "/run/media/*/*/")
MAX_DEPTH = 3  # a stick's folders a few levels deep; not a whole backup disk
MAX_PICTURES = 200


def media_roots() -> list[Path]:
    """The mounted sticks (or the folders the setting names)."""
    setting = os.environ.get(ENV)
    if setting is not None:
        return [Path(part) for part in setting.split(os.pathsep) if part]
    roots = {Path(p) for pattern in MOUNT_PATTERNS for p in glob.glob(pattern)}
    return sorted(r for r in roots if os.path.ismount(r))


def pictures_on_media(roots: list[Path] | None = None) -> list[Path]:
    """The pictures (SVG, PNG, JPEG) on the sticks, by folder and name; no hidden files, no links."""
    found: list[Path] = []

    def walk(folder: Path, depth: int) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name.lower())
        except OSError:
            return
        for entry in entries:
            if len(found) >= MAX_PICTURES or entry.name.startswith("."):
                continue
            try:
                if entry.is_symlink():
                    continue
                if entry.is_dir() and depth < MAX_DEPTH:
                    walk(Path(entry.path), depth + 1)
                elif entry.is_file() and Path(entry.name).suffix.lower() in IMAGE_SUFFIXES:
                    found.append(Path(entry.path))
            except OSError:
                continue

    for root in media_roots() if roots is None else roots:
        walk(root, 0)
    return found
