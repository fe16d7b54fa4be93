"""Signed content updates for a fleet of kiosks (The Update Framework): publishing, fetching, versions."""

from __future__ import annotations

# The files the fleet owns; everything else in a content folder (site.toml above all) is the site's own.
FLEET_DIRS = ("slides/", "images/")


def fleet_owned(relative_path: str) -> bool:
    """True for `slides/**`, `images/**` and `handout.LL.md`: what a publisher sends and a kiosk replaces."""
    path = relative_path.replace("\\", "/")
    if path.startswith("/") or ".." in path.split("/"):
        return False
    if path.startswith(FLEET_DIRS):
        return len(path.split("/")) >= 2 and all(path.split("/"))
    return "/" not in path and path.startswith("handout.") and path.endswith(".md")
