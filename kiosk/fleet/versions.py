"""The fleet's content versions on disk, swapped in one rename, so that a power cut at any moment leaves
the kiosk a complete version to show.

The kiosk reads one content folder, and the loader refuses any link that leads out of it
(kiosk.content.files). So the versions live inside the site's own folder, in a hidden folder:

    site.toml, fleet-root.json      the site's own files: never written here
    .fleet/versions/7/              one complete set of fleet-owned files (slides/, images/, handout.LL.md)
    .fleet/current -> versions/7    the version shown; replaced by renaming a new link over it
    slides -> .fleet/current/slides, images -> .fleet/current/images, handout.LL.md -> .fleet/current/...

A new version is written to `.fleet/staging/`, flushed to disk and only then renamed to `versions/N`, so a
version folder is always whole. `slides` and `images` always lead to `current`, so the swap changes them both
at once; handout links are added and removed after it (and again at every start: `link` is idempotent).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
from collections.abc import Mapping
from pathlib import Path

from kiosk.content import Content, load_content
from kiosk.content.site import SITE_FILE, load_site
from kiosk.fleet import fleet_owned

log = logging.getLogger(__name__)

FLEET_FOLDER = ".fleet"
KEEP = 3  # versions kept on disk: the one shown and two to return to
LINKED_DIRS = ("slides", "images")
HANDOUT = re.compile(r"handout\.[A-Za-z0-9_-]+\.md")


class Versions:
    """The versions of one site's content folder. Not thread-safe: one caller at a time (the GUI thread,
    or the command line), except `stage` and `check`, which only touch the staging folder."""

    def __init__(self, content_dir: Path) -> None:
        self.content_dir = Path(content_dir)
        self.root = self.content_dir / FLEET_FOLDER
        self.versions = self.root / "versions"
        self.staging = self.root / "staging"
        self.current_link = self.root / "current"

    # -- what is there -------------------------------------------------------------------------
    def current(self) -> int | None:
        """The version shown, or None before the first update."""
        try:
            target = os.readlink(self.current_link)
        except OSError:
            return None
        name = Path(target).name
        return int(name) if name.isdigit() and (self.versions / name).is_dir() else None

    def kept(self) -> list[int]:
        """The complete versions on disk, oldest first."""
        with contextlib.suppress(OSError):
            return sorted(int(p.name) for p in self.versions.iterdir() if p.name.isdigit() and p.is_dir())
        return []

    def previous(self) -> int | None:
        """The newest kept version older than the one shown: where a return goes."""
        current = self.current()
        older = [n for n in self.kept() if current is None or n < current]
        return older[-1] if older else None

    # -- a new version -------------------------------------------------------------------------
    def stage(self, files: Mapping[str, Path]) -> Path:
        """Copy the fleet-owned files of an update into a fresh staging folder, flushed to disk.

        Anything the fleet does not own (a site.toml someone published by mistake) is left out."""
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        for name in LINKED_DIRS:  # always there, so the links never dangle
            (self.staging / name).mkdir()
        for relative, source in sorted(files.items()):
            if not fleet_owned(relative):
                log.warning("fleet: %s is not the fleet's to send; left out", relative)
                continue
            target = self.staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            _flush(target)
        for folder in {self.staging, *(p for p in self.staging.rglob("*") if p.is_dir())}:
            _flush(folder)
        return self.staging

    def check(self, staging: Path) -> Content:
        """The content as the kiosk would load it with this version: the site's settings and the publisher's
        root file beside the staged files (copied for the check and removed after it; the originals are
        only read)."""
        names = [SITE_FILE, load_site(self.content_dir, []).fleet.root]
        copies = [n for n in names if not fleet_owned(n) and (self.content_dir / n).is_file()]
        try:
            for name in copies:
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(self.content_dir / name, staging / name)
            return load_content(staging)
        finally:
            for name in copies:
                with contextlib.suppress(OSError):
                    (staging / name).unlink()

    def install(self, staging: Path, number: int) -> None:
        """The staged folder becomes version `number` (in one rename; an older folder of that number goes)."""
        target = self.versions / str(number)
        self.versions.mkdir(parents=True, exist_ok=True)
        if target.exists():
            if number == self.current():
                raise ValueError(f"version {number} is the one shown")
            shutil.rmtree(target)
        os.replace(staging, target)
        _flush(self.versions)

    def activate(self, number: int) -> None:
        """Show version `number`: the `current` link is replaced in one rename, then the links are checked."""
        if not (self.versions / str(number)).is_dir():
            raise ValueError(f"version {number} is not on disk")
        temporary = self.root / f"current.{os.getpid()}.tmp"
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        os.symlink(f"versions/{number}", temporary)
        os.replace(temporary, self.current_link)
        _flush(self.root)
        self.link()

    def prune(self, keep: int = KEEP) -> list[int]:
        """Remove all but the newest `keep` versions (never the one shown); returns those removed."""
        current = self.current()
        kept = self.kept()
        newest = set(kept[-keep:])
        if current is not None and current not in newest:  # shown after a return: it stays, one less new
            newest = {current, *kept[-(keep - 1) :]} if keep > 1 else {current}
        removed = [n for n in kept if n not in newest]
        for number in removed:
            shutil.rmtree(self.versions / str(number), ignore_errors=True)
        return removed

    # -- the links in the site's folder --------------------------------------------------------
    def link(self) -> None:
        """Make the site's folder show `current`: slides/ and images/ lead there, and one link per handout
        of the current version. Idempotent; what the site had before the first update is kept aside once,
        in .fleet/site-before/. Also clears what a cut-short run left (staging, a temporary link)."""
        for leftover in self.root.glob("current.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.current() is None:
            return
        current = self.current_link.resolve()
        wanted = {name: f"{FLEET_FOLDER}/current/{name}" for name in LINKED_DIRS}
        wanted |= {
            p.name: f"{FLEET_FOLDER}/current/{p.name}" for p in current.iterdir() if HANDOUT.fullmatch(p.name)
        }
        for entry in self.content_dir.iterdir():  # a handout in a language this version has not
            if HANDOUT.fullmatch(entry.name) and entry.name not in wanted:
                self._clear(entry)
        for name, target in sorted(wanted.items()):
            self._link(name, target)
        _flush(self.content_dir)

    def _clear(self, path: Path) -> None:
        """Take a fleet-owned name out of the site's folder: a link goes, the site's own file goes aside."""
        if path.is_symlink():
            path.unlink()
            return
        aside = self.root / "site-before" / path.name
        aside.parent.mkdir(parents=True, exist_ok=True)
        if aside.is_dir():
            shutil.rmtree(aside)
        os.replace(path, aside)

    def _link(self, name: str, target: str) -> None:
        path = self.content_dir / name
        if path.is_symlink() and os.readlink(path) == target:
            return
        if path.is_symlink() or path.exists():
            self._clear(path)
        temporary = self.content_dir / f".{name}.fleet-link"
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        os.symlink(target, temporary)
        os.replace(temporary, path)


def _flush(path: Path) -> None:
    """On the disk now, not when the OS gets round to it: a rename is only as safe as what it names."""
    with contextlib.suppress(OSError):
        handle = os.open(path, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
