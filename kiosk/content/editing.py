"""Safe saving for staff mode: validate first, write atomically, keep the previous version for undo.

Each save changes one file. The new text is validated with the same validator as `validate`, in a
staging copy of the folder; a change that would add an error is refused with that error in plain
words. The file is then written to a temporary name and renamed over the old one (atomic on every
platform Python supports), so a power cut leaves either the old or the new file, never half of one.
TOML is edited with tomlkit, so the comments technical staff wrote survive a save from the screen.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit

from kiosk.content.files import OUTSIDE_FOLDER, inside_folder
from kiosk.content.loader import FRONT_MATTER_FENCE, load_content, split_front_matter
from kiosk.content.model import Problem, Severity
from kiosk.content.site import SITE_FILE

HISTORY = ".history"
LAST_SAVE = "last-save.json"
KEEP_BACKUPS = 30


@dataclass(frozen=True)
class SaveResult:
    saved: bool
    problems: tuple[Problem, ...] = ()

    def message(self) -> str:
        """What staff read on screen when a change is refused."""
        return "\n".join(f"{p.field or p.file}: {p.message}" for p in self.problems)


class ContentEditor:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    # -- what staff change ---------------------------------------------------------------------
    def save_site(self, changes: Mapping[str, Any]) -> SaveResult:
        """Set dotted keys in site.toml (`clinic.phone`, `kiosk.idle_timeout`); None removes a key."""
        path = self.folder / SITE_FILE
        if not inside_folder(self.folder, path):
            return _leads_outside(SITE_FILE)
        document = tomlkit.parse(path.read_text(encoding="utf-8")) if path.is_file() else tomlkit.document()
        _apply(document, changes)
        return self._propose(SITE_FILE, tomlkit.dumps(document))

    def save_slide(
        self, slide_id: str, lang: str, settings: Mapping[str, Any], body: str | None = None
    ) -> SaveResult:
        """Change a slide's settings (title, duration, illustration, dates) and optionally its text."""
        relative = f"slides/{slide_id}.{lang}.md"
        path = self.folder / relative
        if not inside_folder(self.folder, path):
            return _leads_outside(relative)
        text = (
            path.read_text(encoding="utf-8")
            if path.is_file()
            else f"{FRONT_MATTER_FENCE}\n{FRONT_MATTER_FENCE}\n"
        )
        split = split_front_matter(text.replace("\r\n", "\n"))
        if split is None:
            return SaveResult(False, (Problem(relative, "has no settings block to edit"),))
        front, old_body, _ = split
        document = tomlkit.parse(front)
        _apply(document, settings)
        new_body = old_body if body is None else body.strip()
        new_text = (
            f"{FRONT_MATTER_FENCE}\n{tomlkit.dumps(document).strip()}\n{FRONT_MATTER_FENCE}\n{new_body}\n"
        )
        return self._propose(relative, new_text)

    def save_selection(self, order: list[str], hidden: list[str]) -> SaveResult:
        return self.save_site({"slides.order": order, "slides.hidden": hidden})

    def undo_last_save(self) -> SaveResult:
        """Put back the file as it was before the last save from the screen."""
        record = self.folder / HISTORY / LAST_SAVE
        if not record.is_file():
            return SaveResult(False, (Problem(HISTORY, "there is no save to undo"),))
        last = json.loads(record.read_text(encoding="utf-8"))
        target = self.folder / last["file"]
        if last["backup"] is None:
            target.unlink(missing_ok=True)
        else:
            _write_atomically(target, (self.folder / HISTORY / last["backup"]).read_text(encoding="utf-8"))
        record.unlink()
        return SaveResult(True)

    def can_undo(self) -> bool:
        return (self.folder / HISTORY / LAST_SAVE).is_file()

    # -- how -----------------------------------------------------------------------------------
    def _propose(self, relative: str, text: str) -> SaveResult:
        new_errors = self._errors_added(relative, text)
        if new_errors:
            return SaveResult(False, tuple(new_errors))
        try:
            self._keep_previous(relative)
            _write_atomically(self.folder / relative, text)
        except PermissionError as err:
            return SaveResult(
                False,
                (
                    Problem(
                        relative,
                        f"the content folder is read-only here ({err.strerror}); "
                        "the installed kiosk keeps its content in "
                        "/var/lib/wachtkamer-kiosk/content",
                    ),
                ),
            )
        return SaveResult(True)

    def _errors_added(self, relative: str, text: str) -> list[Problem]:
        """Validate the folder as it would be after the change; only errors the change adds count."""
        before = {_key(p) for p in load_content(self.folder).problems if p.severity is Severity.ERROR}
        with tempfile.TemporaryDirectory(prefix=".staging-", dir=self.folder.parent) as staging:
            copy = Path(staging) / "content"
            _copy_for_staging(self.folder, copy)
            (copy / relative).parent.mkdir(parents=True, exist_ok=True)
            (copy / relative).write_text(text, encoding="utf-8")
            after = load_content(copy)
        return [p for p in after.problems if p.severity is Severity.ERROR and _key(p) not in before]

    def _keep_previous(self, relative: str) -> None:
        history = self.folder / HISTORY
        history.mkdir(exist_ok=True)
        current = self.folder / relative
        backup = None
        if current.is_file():
            backup = f"{time.time_ns()}-{relative.replace('/', '__')}"  # sorts by time
            shutil.copy2(current, history / backup)
        _write_atomically(history / LAST_SAVE, json.dumps({"file": relative, "backup": backup}))
        for old in sorted(p for p in history.iterdir() if p.name != LAST_SAVE)[:-KEEP_BACKUPS]:
            old.unlink()


def _leads_outside(relative: str) -> SaveResult:
    return SaveResult(False, (Problem(relative, OUTSIDE_FOLDER),))


def _copy_for_staging(folder: Path, copy: Path) -> None:
    """Copy the folder to validate a change in; a link that leads outside is copied as the link itself.

    So it is refused in the copy just as in the folder, and what it points at is never read (nor, for a
    link to a folder such as `/`, copied whole).
    """
    skip = shutil.ignore_patterns(HISTORY, ".*.tmp")
    links_out: list[Path] = []

    def ignore(directory: str, names: list[str]) -> set[str]:
        skipped = skip(directory, names)
        out = {
            name for name in names if name not in skipped and not inside_folder(folder, Path(directory, name))
        }
        links_out.extend(Path(directory, name) for name in out)
        return skipped | out

    shutil.copytree(folder, copy, ignore=ignore)
    for link in links_out:
        if link.is_symlink():
            (copy / link.relative_to(folder)).symlink_to(os.readlink(link))


def _key(problem: Problem) -> tuple[str, str | None, str]:
    return problem.file, problem.field, problem.message


def _apply(document: Any, changes: Mapping[str, Any]) -> None:
    for dotted, value in changes.items():
        *tables, key = dotted.split(".")
        table = document
        for name in tables:
            if name not in table:
                table[name] = tomlkit.table()
            table = table[name]
        if value is None:
            table.pop(key, None)
        else:
            table[key] = value


def _write_atomically(path: Path, text: str) -> None:
    """Write beside the target, flush to disk, then rename over it: old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):
        directory = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
