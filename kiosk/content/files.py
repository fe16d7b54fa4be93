"""Which files the kiosk may open: only what lies inside its content folder.

A link inside the folder that points elsewhere inside it is fine (one picture under two names); a link
that leads out, or a picture named `../../secret.png` or `/etc/passwd.png`, is refused before anything
is opened, so a content folder can never make the kiosk show or print another file on the machine.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path

# A change being checked before it is written: relative path ("slides/010-x.nl.md") → its new text, or
# None for a file the change removes. The loader reads these instead of the files on disk.
Overlay = Mapping[str, str | None]

OUTSIDE_FOLDER = "is a link to somewhere outside the content folder; the kiosk only reads what is inside it"


def inside_folder(folder: Path, path: Path) -> bool:
    """True when `path`, after following every link and `..`, still lies in `folder`."""
    try:
        if _plainly_inside(Path(folder), Path(path)):
            return True
        return path.resolve().is_relative_to(Path(folder).resolve())
    except (OSError, RuntimeError):  # a link loop
        return False


def _plainly_inside(folder: Path, path: Path) -> bool:
    """The common case, cheaply: written as a path below the folder, with no `..` and no link on the way
    down from the folder (resolving every file's whole path is most of the cost of loading a folder)."""
    base = os.fspath(folder).rstrip(os.sep)
    target = os.fspath(path)
    if not target.startswith(base + os.sep):
        return False
    below = target[len(base) + 1 :].split(os.sep)
    if ".." in below:
        return False
    step = base
    for part in below:
        step = os.path.join(step, part)
        if os.path.islink(step):
            return False
    return True


def size_in_words(size: int) -> str:
    """A file size as staff see it in a file manager: '50 MB', '300 KB' (rounded up, never to the limit)."""
    if size >= 1024 * 1024:
        return f"{math.ceil(size * 10 / 1024**2) / 10:g} MB"
    return f"{math.ceil(size / 1024)} KB"


def in_overlay(overlay: Overlay | None, relative: str) -> bool | None:
    """True: the change writes this file; False: it removes it; None: the file on disk counts."""
    if overlay is None or relative not in overlay:
        return None
    return overlay[relative] is not None


def listed(folder: Path, relative_dir: str, names: list[str], overlay: Overlay | None) -> list[str]:
    """The names in one folder of the content as it would be with the change: added ones in, removed out."""
    prefix = f"{relative_dir}/" if relative_dir else ""
    result = set(names)
    for relative, text in (overlay or {}).items():
        if relative.startswith(prefix) and "/" not in relative[len(prefix) :]:
            name = relative[len(prefix) :]
            (result.add if text is not None else result.discard)(name)
    return sorted(result)
