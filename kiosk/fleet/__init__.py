"""Signed content updates for a fleet of kiosks, with The Update Framework (publisher, client, versions)."""

from pathlib import PurePosixPath


def fleet_owned(relative_path: str) -> bool:
    """Whether the fleet publishes and replaces this file of a content folder: the slides, their pictures and
    the handout. Everything else (site.toml: contact details, printer, schedule, PIN, hidden slides) is the
    site's own and never leaves it nor is overwritten."""
    parts = PurePosixPath(relative_path).parts
    if not parts or parts[0] == "/" or any(part == ".." or part.startswith(".") for part in parts):
        return False  # outside the folder, or an editor's or file manager's hidden file
    if parts[0] in ("slides", "images"):
        return len(parts) > 1
    return len(parts) == 1 and parts[0].startswith("handout.") and parts[0].endswith(".md")
