"""Checks an illustration without decoding it: format, readable header, and a sane pixel count."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")
MAX_PIXELS = 40_000_000  # about 8000×5000: anything bigger is a mistake on a screen of two megapixels


def image_problem(path: Path) -> str | None:
    """A plain-words reason this picture cannot be shown, or None when it looks usable."""
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return f"'{path.name}' is not an SVG, PNG or JPEG picture"
    if not path.is_file():
        return f"picture '{path.name}' does not exist in images/"
    try:
        data = path.read_bytes()
    except OSError as err:
        return f"picture '{path.name}' cannot be read ({err.strerror})"
    if path.suffix.lower() == ".svg":
        return _svg_problem(path.name, data)
    size = _png_size(data) if path.suffix.lower() == ".png" else _jpeg_size(data)
    if size is None:
        return f"picture '{path.name}' is damaged or not really a {path.suffix[1:].upper()} file"
    width, height = size
    if width * height > MAX_PIXELS:
        return f"picture '{path.name}' is {width}×{height} pixels; make it at most about 4000×3000"
    return None


def _svg_problem(name: str, data: bytes) -> str | None:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        return f"picture '{name}' is not valid SVG ({err})"
    if not root.tag.endswith("svg"):
        return f"picture '{name}' is not an SVG drawing"
    return None


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or len(data) < 33:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    if data[:2] != b"\xff\xd8":
        return None
    pos = 2
    while pos + 9 < len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        pos += 2 + length
    return None
