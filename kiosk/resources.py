"""The one place that knows where bundled files live, in the source tree and in a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """`resources/` beside the package, or inside the frozen bundle (`sys._MEIPASS`)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def default_content_dir() -> Path:
    """The content folder the build carries: the site's own when packaged, else the built-in example."""
    return resource("content")


def font_files() -> list[Path]:
    return sorted(resource("fonts").glob("*.ttf"))


def placeholder_picture() -> Path:
    return resource("placeholder.svg")
