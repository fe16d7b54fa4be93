"""Illustrations decoded once at the size they are shown, with a neutral placeholder for broken ones.

Decoded to QImage, which any thread may make and paint: the slideshow's worker decodes here while the GUI
thread paints the signs and notice screens from the same cache (QPixmap only for the GUI thread's `get`).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk.content.images import image_problem
from kiosk.resources import placeholder_picture

log = logging.getLogger(__name__)
ALLOCATION_LIMIT_MB = 128


class PictureCache:
    """Keeps each picture at each requested size; a long-running kiosk shows the same few again and again."""

    def __init__(self) -> None:
        # One limit for the whole process (it is static), so it also holds for a picture embedded in an SVG.
        QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
        self._cache: dict[tuple[str, int, int], QImage] = {}
        self._reported: set[str] = set()
        self._generation = 0  # a decode that started before `clear()` is not kept
        self._lock = threading.Lock()  # held only to look up and store, never while decoding

    def image(self, path: Path | None, size: QSize) -> QImage:
        """The picture at `size` (the placeholder when it cannot be shown); safe from any thread."""
        key = (str(path), size.width(), size.height())
        with self._lock:
            cached, generation = self._cache.get(key), self._generation
        if cached is not None:
            return cached
        picture = self._decode(path, size) if path is not None else None
        if picture is None:
            picture = self._decode(placeholder_picture(), size) or QImage()
        with self._lock:
            if generation == self._generation:
                if len(self._cache) > 64:
                    self._cache.clear()
                self._cache[key] = picture
        return picture

    def get(self, path: Path | None, size: QSize) -> QPixmap:
        """The same as a pixmap: GUI thread only."""
        return QPixmap.fromImage(self.image(path, size))

    def clear(self) -> None:
        """Forget every decoded picture: the content folder was (re)loaded."""
        with self._lock:
            self._cache.clear()
            self._reported.clear()
            self._generation += 1

    def _decode(self, path: Path, size: QSize) -> QImage | None:
        """Checked here too, not only by the loader: staff's preview hands over a path straight from images/,
        and QSvgRenderer itself would load any file an SVG's <image> names, by full or relative path."""
        problem = image_problem(path)
        if problem:
            picture = None
        elif path.suffix.lower() == ".svg":
            picture = _render_svg(path, size)
        else:
            picture = _read_raster(path, size)
        with self._lock:
            report = picture is None and str(path) not in self._reported
            if report:
                self._reported.add(str(path))
        if report:
            log.warning("%s: %s; showing a placeholder", path, problem or "cannot be decoded")
        return picture


def _render_svg(path: Path, size: QSize) -> QImage | None:
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return None
    view = renderer.defaultSize()
    if view.isEmpty():
        return None
    fitted = view.scaled(size, Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(fitted, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, fitted.width(), fitted.height()))
    painter.end()
    return image


def _read_raster(path: Path, size: QSize) -> QImage | None:
    """Decode at display size (JPEG does this natively) and refuse absurd images instead of eating memory."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if not full.isValid() or full.isEmpty():
        return None
    reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        log.warning("cannot decode %s: %s", path, reader.errorString())
        return None
    return image
