"""Where the content comes from: loading with a log line per problem, and watching the folder for edits."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.content import Content, Severity, load_content

log = logging.getLogger(__name__)
DEBOUNCE_MS = 700  # editors write several files, and some write a file twice


def load_logged(folder: Path) -> Content:
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


class ContentWatch(QObject):
    """Emits `changed` once things have been quiet for a moment after any file in the folder changed."""

    changed = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self._watcher = QFileSystemWatcher(self)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(debounce_ms)
        self._quiet.timeout.connect(self._settled)
        self._watcher.directoryChanged.connect(self._touched)
        self._watcher.fileChanged.connect(self._touched)
        self._watch_all()

    def _watch_all(self) -> None:
        """Editors replace files (new inode), so after every change the whole list is watched afresh."""
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        paths = [self.folder, *(p for p in self.folder.rglob("*") if ".history" not in p.parts)]
        existing = [str(p) for p in paths if p.exists()]
        if existing:
            self._watcher.addPaths(existing)

    def _touched(self, _path: str) -> None:
        self._quiet.start()

    def _settled(self) -> None:
        self._watch_all()
        self.changed.emit()
