"""The content store: the one owner of the content the kiosk shows.

It loads the folder at start (whatever loads is shown), and it alone takes changes: staff saves from the
screen, undo, and edits made from outside (the folder is watched). Every change passes one rule,
`errors_added`: it is taken when it adds no error to the content now shown; otherwise the last good
content stays and the reason is logged and kept for the staff status page. File work and loading run on
one worker thread, in order, so a large folder never freezes the screen; the results come back to the GUI
thread, where `content_changed` is emitted before `save_finished`, so "saved" is only ever said about a
change the kiosk already shows.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, Signal

from kiosk.content import Content, Problem, Severity, load_content
from kiosk.content.digest import sha256
from kiosk.content.editing import Change, ContentEditor, SaveResult, errors_added
from kiosk.content.files import inside_folder
from kiosk.services.clock import Clock

log = logging.getLogger(__name__)
DEBOUNCE_MS = 700  # editors write several files, and some write a file twice

Stamp = frozenset[tuple[str, int, int, int]]


class ContentStore(QObject):
    content_changed = Signal(object)  # Content: the new content to show
    change_refused = Signal(object)  # tuple[Problem, ...]: why the last good content stays
    save_finished = Signal(object)  # SaveResult of save() or undo(), after content_changed
    _worker_done = Signal(object)  # from the worker thread: a callable to run on the GUI thread

    def __init__(
        self, folder: Path, clock: Clock, watch: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self._clock = clock
        self._editor = ContentEditor(self.folder)
        for leftover in self._editor.clean_leftovers():
            log.info("removed %s, left by a save that was cut short", leftover.name)
        self._stamp = folder_stamp(self.folder)
        self.content = load_logged(self.folder)
        self._accepted = self.content  # the newest accepted content, as the worker thread knows it
        self.refusal: tuple[Problem, ...] = ()
        self.loaded_at = clock.now()
        self.version = content_version(self.content)
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._worker: threading.Thread | None = None
        self._worker_done.connect(lambda apply: apply(), Qt.ConnectionType.QueuedConnection)
        self._watch = watch
        self.folder_watch: FolderWatch | None = None  # from start_watching() on

    def start_watching(self) -> None:
        """With `watch`, follow edits made from outside from now on. The kiosk calls this once its first
        screen is painted: watching every file of the folder costs a start about 5 ms. Whatever changed
        since the folder was loaded is loaded now."""
        if self._watch and self.folder_watch is None:
            self.folder_watch = FolderWatch(self.folder, self._clock, self)
            self.folder_watch.changed.connect(self.reload)
            if folder_stamp(self.folder) != self._stamp:
                self.reload()

    # -- what callers ask ----------------------------------------------------------------------
    def reload(self) -> None:
        """Look at the folder again (edited from outside); a folder that did not change is not loaded."""
        self._submit(self._reload_in_worker)

    def save(self, change: Change) -> None:
        """Check and write a staff change; `save_finished` tells how it went."""
        self._submit(lambda: self._save_in_worker(lambda shown: self._editor.save(change, shown, staff=True)))

    def add_picture(self, source: Path) -> None:
        """Copy a picture (from a USB stick) into images/; `save_finished` tells how it went."""
        self._submit(lambda: self._save_in_worker(lambda _shown: self._editor.add_picture(source)))

    def undo(self) -> None:
        self._submit(
            lambda: self._save_in_worker(lambda shown: self._editor.undo_last_save(shown, staff=True))
        )

    def can_undo(self) -> bool:
        return self._editor.can_undo()

    # -- on the worker thread ------------------------------------------------------------------
    def _submit(self, job: Callable[[], None]) -> None:
        self._jobs.put(job)
        if self._worker is None:
            # A daemon: a folder on a hung network share must not keep the kiosk from quitting.
            self._worker = threading.Thread(target=self._work, name="content-store", daemon=True)
            self._worker.start()

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                job()
            except Exception:
                log.exception("content store: a change could not be handled")

    def _reload_in_worker(self) -> None:
        stamp = folder_stamp(self.folder)
        if stamp == self._stamp:  # our own save, already shown; or an editor touched a file and left it
            log.debug("the content folder has not changed since it was loaded; nothing to do")
            return
        candidate = load_logged(self.folder)
        self._stamp = stamp
        added = errors_added(self._accepted, candidate)
        if added:
            self._to_gui(lambda: self._refuse(tuple(added)))
            return
        self._accepted = candidate
        self._to_gui(lambda: self._show(candidate))

    def _save_in_worker(self, attempt: Callable[[Content], SaveResult]) -> None:
        before = folder_stamp(self.folder)
        result = attempt(self._accepted)
        if result.saved and result.content is not None:
            self._accepted = result.content
            # Only the saved file is taken as seen: an outside edit made meanwhile still counts as one.
            after = folder_stamp(self.folder)
            self._stamp = frozenset(
                {e for e in before if e[0] != result.file} | {e for e in after if e[0] == result.file}
            )
        self._to_gui(lambda: self._finish_save(result))

    def _to_gui(self, apply: Callable[[], None]) -> None:
        with contextlib.suppress(RuntimeError):  # the store was deleted meanwhile (the kiosk closed)
            self._worker_done.emit(apply)

    # -- back on the GUI thread ----------------------------------------------------------------
    def _show(self, content: Content) -> None:
        self.content = content
        self.refusal = ()
        self.loaded_at = self._clock.now()
        self.version = content_version(content)
        self.content_changed.emit(content)

    def _refuse(self, problems: tuple[Problem, ...]) -> None:
        self.refusal = problems
        for problem in problems:
            log.error("content change refused, the last good content stays: %s", problem)
        self.change_refused.emit(problems)

    def _finish_save(self, result: SaveResult) -> None:
        if result.saved and result.content is not None:
            log.info("staff saved a change; showing it")
            self._show(result.content)
        else:
            log.info("staff change not saved: %s", "; ".join(str(p) for p in result.problems))
        self.save_finished.emit(result)


class FolderWatch(QObject):
    """Emits `changed` once things have been quiet for a moment after any file in the folder changed."""

    changed = Signal()

    def __init__(self, folder: Path, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self._watcher = QFileSystemWatcher(self)
        self._quiet = clock.timer(self, DEBOUNCE_MS)
        self._quiet.timeout.connect(self._settled)
        self._watcher.directoryChanged.connect(self._touched)
        self._watcher.fileChanged.connect(self._touched)
        self._watch_all()

    def _watch_all(self) -> None:
        """Editors replace files (new inode), so after every change the whole list is watched afresh."""
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        hidden = {".history", ".fleet"}  # undo records; the fleet's versions (the swap reloads the store)
        paths = [self.folder, *(p for p in self.folder.rglob("*") if not hidden & set(p.parts))]
        existing = [str(p) for p in paths if p.exists() and inside_folder(self.folder, p)]
        if existing:
            self._watcher.addPaths(existing)

    def _touched(self, _path: str) -> None:
        self._quiet.start()

    def noticed_a_change(self) -> bool:
        """A change was seen and the folder is waiting to settle."""
        return self._quiet.isActive()

    def _settled(self) -> None:
        self._watch_all()
        self.changed.emit()


def load_logged(folder: Path) -> Content:
    """Load the folder with a log line per problem and one summing up."""
    content = load_content(folder)
    for problem in content.problems:
        level = logging.ERROR if problem.severity is Severity.ERROR else logging.WARNING
        log.log(level, "content: %s", problem)
    log.info(
        "content loaded from %s: %d slides, %d errors, %d warnings",
        folder,
        len(content.slides),
        len(content.errors),
        len(content.problems) - len(content.errors),
    )
    return content


def folder_stamp(folder: Path) -> Stamp:
    """What the folder holds, as cheaply as the OS can say it: each file's path, size, change time, inode.

    A linked folder that leads to a part of the folder not yet looked at (the fleet's `slides`, which leads
    to .fleet/current/slides) is looked into; a link back up is not."""
    stamp: set[tuple[str, int, int, int]] = set()
    top = os.path.realpath(folder)
    seen: set[str] = set()

    def walk(directory: str, real: str, prefix: str) -> None:
        seen.add(real)
        with contextlib.suppress(OSError), os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue  # .history, temporary files
                with contextlib.suppress(OSError):
                    info = entry.stat()
                    if entry.is_dir():
                        inner = (
                            os.path.realpath(entry.path)
                            if entry.is_symlink()
                            else os.path.join(real, entry.name)
                        )
                        if inner.startswith(top + os.sep) and inner not in seen:
                            walk(entry.path, inner, f"{prefix}{entry.name}/")
                    else:
                        stamp.add((prefix + entry.name, info.st_size, info.st_mtime_ns, info.st_ino))

    walk(str(folder), top, "")
    return frozenset(stamp)


def content_version(content: Content) -> str:
    """A short fingerprint of the loaded content, for the status page and the log."""
    digest = sha256()
    for slide in content.slides:
        digest.update(repr((slide.id, slide.title, slide.body, slide.duration_s, slide.hidden)).encode())
    digest.update(repr(content.site).encode())
    return digest.hexdigest()[:8]
