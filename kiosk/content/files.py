"""Which files the kiosk may open: only what lies inside its content folder.

A link inside the folder that points elsewhere inside it is fine (one picture under two names); a link
that leads out, or a picture named `../../secret.png` or `/etc/passwd.png`, is refused before anything
is opened, so a content folder can never make the kiosk show or print another file on the machine.
"""

from __future__ import annotations

import math
from pathlib import Path

OUTSIDE_FOLDER = "is a link to somewhere outside the content folder; the kiosk only reads what is inside it"


def inside_folder(folder: Path, path: Path) -> bool:
    """True when `path`, after following every link and `..`, still lies in `folder`."""
    try:
        return path.resolve().is_relative_to(Path(folder).resolve())
    except (OSError, RuntimeError):  # a link loop
        return False


def size_in_words(size: int) -> str:
    """A file size as staff see it in a file manager: '50 MB', '300 KB' (rounded up, never to the limit)."""
    if size >= 1024 * 1024:
        return f"{math.ceil(size * 10 / 1024**2) / 10:g} MB"
    return f"{math.ceil(size / 1024)} KB"
