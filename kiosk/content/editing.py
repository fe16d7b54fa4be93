"""Saving a change to the content folder: checked first, written so that no crash leaves half of it, undoable.

A change rewrites one file. Before anything is written, the folder is loaded as it would be with the
change (the loader reads the new text in place of the file: nothing is copied) and the one acceptance
rule, `errors_added`, decides: a change is taken when it adds no error to the content now shown. The
file is then written to a temporary name, given the old file's mode and renamed over it, so a power cut
leaves the old or the new file. TOML is edited with tomlkit, so comments technical staff wrote survive.

Undo keeps a record of the last save with the fingerprints of the file before and after it; a save that
a crash cut short (record written, file not yet renamed) is recognised and never "undone".
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.content.digest import sha256
from kiosk.content.files import OUTSIDE_FOLDER, inside_folder
from kiosk.content.images import IMAGE_SUFFIXES, image_problem
from kiosk.content.loader import FRONT_MATTER_FENCE, load_content, split_front_matter
from kiosk.content.model import Content, Problem
from kiosk.content.site import SITE_FILE, host_of, linked_addresses, on_allowed_host

HISTORY = ".history"
LAST_SAVE = "last-save.json"
KEEP_BACKUPS = 30
NEW_FILE_MODE = 0o644
IMAGES = "images"
MAX_PICTURE_BYTES = 50 * 1024 * 1024  # a camera's largest JPEG is a fraction of this


@dataclass(frozen=True)
class SaveResult:
    saved: bool
    problems: tuple[Problem, ...] = ()
    content: Content | None = None  # the folder as it is with the change, when it was saved
    file: str = ""  # the file it wrote (relative to the folder)

    def message(self) -> str:
        """What staff read on screen when a change is refused."""
        return "\n".join(f"{p.field or p.file}: {p.message}" for p in self.problems)


@dataclass(frozen=True)
class SiteChange:
    """New values for dotted keys in site.toml (`clinic.phone`, `kiosk.idle_timeout`); None removes a key."""

    values: Mapping[str, Any]

    @property
    def file(self) -> str:
        return SITE_FILE

    def new_text(self, folder: Path) -> str:
        import tomlkit  # only when staff save: the kiosk starts without it

        path = folder / SITE_FILE
        document = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.document()
        _apply(document, self.values)
        return tomlkit.dumps(document)


@dataclass(frozen=True)
class SlideChange:
    """A slide's settings (title, duration, illustration, dates) and optionally its text, in one language."""

    slide_id: str
    lang: str
    settings: Mapping[str, Any]
    body: str | None = None

    @property
    def file(self) -> str:
        return f"slides/{self.slide_id}.{self.lang}.md"

    def new_text(self, folder: Path) -> str:
        path = folder / self.file
        empty = f"{FRONT_MATTER_FENCE}\n{FRONT_MATTER_FENCE}\n"
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff") if path.exists() else empty
        split = split_front_matter(text.replace("\r\n", "\n"))
        if split is None:
            raise _RefusedError(Problem(self.file, "has no settings block (between +++ lines) to edit"))
        front, old_body, _ = split
        import tomlkit  # only when staff save: the kiosk starts without it

        document = tomlkit.parse(front)
        _apply(document, self.settings)
        body = old_body if self.body is None else self.body.strip()
        return f"{FRONT_MATTER_FENCE}\n{tomlkit.dumps(document).strip()}\n{FRONT_MATTER_FENCE}\n{body}\n"


Change = SiteChange | SlideChange


def errors_added(shown: Content, candidate: Content) -> list[Problem]:
    """The one acceptance rule, for staff saves and outside edits alike: the errors `candidate` has that the
    content now shown does not. Lines are left out of the comparison: an edit above an error moves it."""
    before = {_key(p) for p in shown.errors}
    return [p for p in candidate.errors if _key(p) not in before]


def staff_limits(shown: Content, candidate: Content) -> list[Problem]:
    """What only the installer may change, for saves from staff mode: the staff PIN, the hosts the QR code
    and the website may point to, and so the host of either. Without `allowed_hosts`, the hosts of the
    addresses the kiosk shows now are the allowed ones: staff may change a path, not the website."""
    before, after = shown.site, candidate.site
    problems = [
        Problem(SITE_FILE, message, field=key)
        for key, changed, message in (
            (
                "staff.pin_hash",
                before.staff.pin_hash != after.staff.pin_hash,
                "De pincode stelt de installateur in.",
            ),
            (
                "qr.allowed_hosts",
                before.qr.allowed_hosts != after.qr.allowed_hosts,
                "Welke websites de QR-code mag openen, legt de installateur vast.",
            ),
        )
        if changed
    ]
    if before.qr.allowed_hosts:
        return problems  # the validator checks each address against them
    hosts = tuple(h for h in map(host_of, linked_addresses(before.qr, before.clinic).values()) if h)
    for key, url in linked_addresses(after.qr, after.clinic).items():
        if not on_allowed_host(url, hosts):
            message = (
                f"Het adres {url} ligt op een andere website dan nu ({', '.join(hosts) or 'geen'}). "
                "Een andere website kiest de installateur."
            )
            problems.append(Problem(SITE_FILE, message, field=key))
    return problems


class ContentEditor:
    """Saves and undoes changes in one content folder. Blocking file work: the content store runs it on its
    worker thread; `set-pin` calls it directly."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    # -- saving -------------------------------------------------------------------------------
    def save(self, change: Change, shown: Content | None = None, staff: bool = False) -> SaveResult:
        """Check `change` against `shown` (by default the folder as it is now) and write it if it passes;
        a change from staff mode (`staff`) must also keep within `staff_limits`."""
        relative = change.file
        if not inside_folder(self.folder, self.folder / relative):
            return _refused(Problem(relative, OUTSIDE_FOLDER))
        try:
            text = change.new_text(self.folder)
        except _RefusedError as refused:
            return _refused(refused.problem)
        except (OSError, UnicodeDecodeError, ValueError) as err:
            return _refused(_unreadable(relative, err))
        return self._check_and_write(relative, text, shown, staff=staff)

    def save_site(self, values: Mapping[str, Any], shown: Content | None = None) -> SaveResult:
        return self.save(SiteChange(values), shown)

    def save_slide(
        self,
        slide_id: str,
        lang: str,
        settings: Mapping[str, Any],
        body: str | None = None,
        shown: Content | None = None,
    ) -> SaveResult:
        return self.save(SlideChange(slide_id, lang, settings, body), shown)

    def save_selection(self, order: list[str], hidden: list[str], shown: Content | None = None) -> SaveResult:
        return self.save(SiteChange({"slides.order": order, "slides.hidden": hidden}), shown)

    def add_picture(self, source: Path) -> SaveResult:
        """Copy a picture (from a USB stick) into images/ after the checks the loader makes; a name already
        taken by another picture gets a number. Not undoable: it changes nothing the kiosk shows until a
        slide is saved with it."""
        name = _picture_name(source)
        problem = image_problem(source)
        try:
            if problem is None and source.stat().st_size > MAX_PICTURE_BYTES:
                problem = f"picture '{source.name}' is {source.stat().st_size} bytes"
            data = source.read_bytes() if problem is None else b""
        except OSError as err:
            problem = f"picture '{source.name}' cannot be read ({_reason(err)})"
        if problem is not None:
            return _refused(Problem(f"{IMAGES}/{name}", _picture_refusal(source.name, problem)))
        images = self.folder / IMAGES
        target = images / name
        number = 1
        while target.exists() and _fingerprint(target) != _digest(data):
            number += 1
            target = images / f"{Path(name).stem}-{number}{Path(name).suffix}"
        relative = f"{IMAGES}/{target.name}"
        if not inside_folder(self.folder, target):
            return _refused(Problem(relative, OUTSIDE_FOLDER))
        try:
            _write_atomically(target, data)
        except OSError as err:
            return _refused(_unwritable(relative, err))
        copied = image_problem(target)  # the stick's file may have changed while it was read
        if copied is not None:
            target.unlink(missing_ok=True)
            return _refused(Problem(relative, _picture_refusal(source.name, copied)))
        return SaveResult(True, content=load_content(self.folder), file=relative)

    # -- undo ----------------------------------------------------------------------------------
    def can_undo(self) -> bool:
        record = self._last_save()
        return record is not None and _fingerprint(self.folder / record["file"]) == record["after"]

    def undo_last_save(self, shown: Content | None = None, staff: bool = False) -> SaveResult:
        """Put back the file as it was before the last save from the screen, through the same checks."""
        record = self._last_save()
        if record is None or _fingerprint(self.folder / record["file"]) != record["after"]:
            # No save, or one a crash cut short before its file was renamed, or the file changed since.
            return _refused(Problem(HISTORY, "there is no save to undo"))
        backup = record["backup"]
        try:
            text = None if backup is None else (self.folder / HISTORY / backup).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            return _refused(_unreadable(f"{HISTORY}/{backup}", err))
        return self._check_and_write(record["file"], text, shown, undoing=True, staff=staff)

    # -- after a crash -------------------------------------------------------------------------
    def clean_leftovers(self) -> list[Path]:
        """Remove what a save killed half-way leaves: our temporary files, and the staging folders of old
        versions. They are never read (the loader skips dot-files) but would pile up over the years."""
        removed: list[Path] = []
        for folder in (self.folder, self.folder / "slides", self.folder / HISTORY):
            if not folder.is_dir() or not inside_folder(self.folder, folder):
                continue
            for path in folder.iterdir():
                if path.name.startswith(".") and path.name.endswith(".tmp") and path.is_file():
                    removed.append(path)
        parent = self.folder.parent
        with contextlib.suppress(OSError):
            removed.extend(p for p in parent.glob(".staging-*") if p.is_dir() and not p.is_symlink())
        for path in removed:
            with contextlib.suppress(OSError):
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        return removed

    # -- how -----------------------------------------------------------------------------------
    def _check_and_write(
        self,
        relative: str,
        text: str | None,
        shown: Content | None,
        undoing: bool = False,
        staff: bool = False,
    ) -> SaveResult:
        if shown is None:
            shown = load_content(self.folder)
        candidate = load_content(self.folder, {relative: text})
        added = errors_added(shown, candidate) + (staff_limits(shown, candidate) if staff else [])
        if added:
            return _refused(*added)
        try:
            if undoing:
                self._write_back(relative, text)
            else:
                self._write_keeping_previous(relative, text or "")
        except OSError as err:
            return _refused(_unwritable(relative, err))
        return SaveResult(True, content=candidate, file=relative)

    def _last_save(self) -> dict[str, Any] | None:
        path = self.folder / HISTORY / LAST_SAVE
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        wanted = {"file", "backup", "before", "after"}
        if not isinstance(record, dict) or set(record) != wanted or not isinstance(record["file"], str):
            return None
        if not inside_folder(self.folder, self.folder / record["file"]):
            return None
        return record

    def _write_keeping_previous(self, relative: str, text: str) -> None:
        """Backup first, then the record (with both fingerprints), then the rename: a kill at any point
        leaves the old or the new file, and a record that either matches the file or is recognised as stale.
        """
        history = self.folder / HISTORY
        history.mkdir(exist_ok=True)
        target = self.folder / relative
        data = text.encode("utf-8")
        backup = None
        if target.exists():
            backup = f"{time.time_ns()}-{relative.replace('/', '__')}"  # sorts by time
            _write_atomically(history / backup, target.read_bytes())
        record_path = history / LAST_SAVE
        previous_record = record_path.read_bytes() if record_path.is_file() else None
        record = {"file": relative, "backup": backup, "before": _fingerprint(target), "after": _digest(data)}
        _write_atomically(record_path, json.dumps(record).encode("utf-8"))
        try:
            _write_atomically(target, data)
        except OSError:
            # Nothing changed after all: the previous save stays the one to undo.
            with contextlib.suppress(OSError):
                if previous_record is None:
                    record_path.unlink()
                else:
                    _write_atomically(record_path, previous_record)
            raise
        backups = sorted(p for p in history.iterdir() if p.name != LAST_SAVE and not p.name.startswith("."))
        for old in backups[:-KEEP_BACKUPS]:
            old.unlink()

    def _write_back(self, relative: str, text: str | None) -> None:
        """Undo: the old text goes back (or the file goes, when the save had made it), then the record."""
        target = self.folder / relative
        if text is None:
            target.unlink(missing_ok=True)
        else:
            _write_atomically(target, text.encode("utf-8"))
        (self.folder / HISTORY / LAST_SAVE).unlink(missing_ok=True)


class _RefusedError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _refused(*problems: Problem) -> SaveResult:
    return SaveResult(False, tuple(problems))


def _unreadable(relative: str, err: Exception) -> Problem:
    return Problem(relative, f"kan niet worden gelezen ({_reason(err)}); er is niets veranderd")


def _unwritable(relative: str, err: OSError) -> Problem:
    """In plain Dutch: staff need to know that nothing changed and whom to ask, not an errno."""
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = "De map met de inhoud is alleen-lezen op deze computer"
    elif err.errno in (errno.ENOSPC, errno.EDQUOT):
        why = "De schijf van deze computer is vol"
    elif err.errno in (errno.EISDIR, errno.ENOTDIR):
        why = "Het bestand is geen gewoon bestand meer"
    else:
        why = f"Opslaan lukte niet ({_reason(err)})"
    return Problem(relative, f"{why}. Er is niets veranderd; vraag de beheerder van de kiosk om hulp.")


def _picture_name(source: Path) -> str:
    """A plain file name for images/: letters, digits, '-', '_' and '.', with the suffix in lower case."""
    stem = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in source.stem).strip("-.")
    return f"{stem or 'plaatje'}{source.suffix.lower()}"


def _picture_refusal(name: str, problem: str) -> str:
    """Why a picture is not added, in plain Dutch, and what to do (the checker's words are for the log)."""
    if Path(name).suffix.lower() not in IMAGE_SUFFIXES or "is not an SVG" in problem:
        why = "het is geen plaatje dat de kiosk kan tonen (alleen SVG, PNG of JPEG)"
    elif "pixels" in problem or " bytes" in problem or "at most" in problem:
        why = "het is te groot (een foto hooguit 6000 bij 4000 beeldpunten, een tekening hooguit 2 MB)"
    elif "DOCTYPE" in problem or "refers to files" in problem:
        why = "het bevat onderdelen die de kiosk niet toestaat"
    else:
        why = "het is beschadigd of kan niet worden gelezen"
    return f"Het plaatje '{name}' is niet toegevoegd: {why}. Er is niets veranderd."


def _reason(err: Exception) -> str:
    return getattr(err, "strerror", None) or type(err).__name__


def _key(problem: Problem) -> tuple[str, str | None, str]:
    return problem.file, problem.field, problem.message


def _digest(data: bytes) -> str:
    return sha256(data).hexdigest()


def _fingerprint(path: Path) -> str | None:
    """The file's sha256, or None when there is no ordinary file."""
    try:
        return _digest(path.read_bytes()) if path.is_file() else None
    except OSError:
        return None


def _apply(document: Any, changes: Mapping[str, Any]) -> None:
    import tomlkit

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


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target with the target's mode, flush to disk, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fchmod(out.fileno(), mode)
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
