"""Checks an illustration without decoding it: format, readable header, sane size, nothing outside itself.

Raster pictures are read only where it matters (the header, and the last bytes for the end marker), so
checking two hundred large photos stays quick. SVG is read whole, but capped, and parsed with expat
directly so that a DOCTYPE with entities stops the parse before any entity is expanded.
"""

from __future__ import annotations

import os
import re
import struct
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from kiosk.content.files import size_in_words

IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")
# A 24-megapixel camera's photo (6000×4000): more is a mistake on a screen of two megapixels, and it stays
# under the memory the picture decoder may use (kiosk.render.pictures): the check here is the one staff see.
MAX_PIXELS = 24_000_000
SVG_MAX_BYTES = 2 * 1024 * 1024  # the built-in drawings are a few KB each
TAIL_BYTES = 64 * 1024  # where a raster picture's end marker is looked for
JPEG_MAX_SEGMENTS = 1000  # real photos have a few dozen header segments before the picture data
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xae\x42\x60\x82"  # the end chunk's type and its fixed checksum
JPEG_MARKER = re.compile(rb"\xff([^\x00\xd0-\xd7\xff])")  # in picture data FF is followed by 00 or RSTn
XINCLUDE = "http://www.w3.org/2001/XInclude"
EMBEDDED = re.compile(r"\s*(#|data:image/(?!svg)|$)", re.IGNORECASE)  # nested SVG could refer out itself
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)


def image_problem(path: Path) -> str | None:
    """A plain-words reason this picture cannot be shown, or None when it looks usable."""
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        return f"'{path.name}' is not an SVG, PNG or JPEG picture"
    try:
        if not path.is_file():
            return f"picture '{path.name}' does not exist in images/"
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if suffix == ".svg":
                if size > SVG_MAX_BYTES:
                    return (
                        f"picture '{path.name}' is {size_in_words(size)}; an SVG drawing is at most "
                        f"{size_in_words(SVG_MAX_BYTES)} (simplify it, or save it as PNG)"
                    )
                return _svg_problem(path.name, file.read(SVG_MAX_BYTES))
            return _raster_problem(path.name, suffix, file, size)
    except OSError as err:
        return f"picture '{path.name}' cannot be read ({err.strerror})"


def _raster_problem(name: str, suffix: str, file: BinaryIO, size: int) -> str | None:
    found = _png_size(file) if suffix == ".png" else _jpeg_size(file)
    if found is None:
        return f"picture '{name}' is damaged or not really a {suffix[1:].upper()} file"
    width, height, data_start = found
    if width * height > MAX_PIXELS:
        return f"picture '{name}' is {width}×{height} pixels; make it at most 6000×4000"
    file.seek(max(data_start, size - TAIL_BYTES))
    tail = file.read()
    if not (PNG_END in tail if suffix == ".png" else _jpeg_complete(tail)):
        return f"picture '{name}' is incomplete (the file was cut off); save or copy it again"
    return None


def _png_size(file: BinaryIO) -> tuple[int, int, int] | None:
    """Width, height and where the chunks after the header start."""
    head = file.read(33)
    if len(head) < 33 or head[:8] != PNG_SIGNATURE or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return (width, height, 33) if width and height else None


def _jpeg_size(file: BinaryIO) -> tuple[int, int, int] | None:
    """Width, height and where the picture data may start, found by hopping from segment to segment."""
    if file.read(2) != b"\xff\xd8":
        return None
    for _ in range(JPEG_MAX_SEGMENTS):
        head = file.read(4)
        if len(head) < 4 or head[0] != 0xFF:
            return None
        marker = head[1]
        length = struct.unpack(">H", head[2:4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            frame = file.read(5)
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            return (width, height, file.tell()) if width and height else None
        if length < 2:
            return None
        file.seek(length - 2, os.SEEK_CUR)
    return None


def _jpeg_complete(tail: bytes) -> bool:
    """The end marker FF D9 is there, or the last bytes are not picture data at all.

    Phones append a short video or their own metadata after the end marker (motion photos), which can
    be longer than the bytes read; a file that was cut off ends inside the picture data instead.
    """
    markers = JPEG_MARKER.findall(tail)
    return b"\xd9" in markers or (bool(markers) and markers[-1] != b"\xda")


class _NotAllowedError(Exception):
    """Stops the parse at the first thing the kiosk does not allow in an SVG."""


def _svg_problem(name: str, data: bytes) -> str | None:
    scan = _SvgScan()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = scan.doctype
    parser.ProcessingInstructionHandler = scan.instruction
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.CharacterDataHandler = scan.text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        return f"picture '{name}' is not valid SVG ({err})"
    except _NotAllowedError as refused:
        if refused.args[0] == "entities":
            return (
                f"picture '{name}' contains a DOCTYPE with entities, which the kiosk does not allow; "
                "save it again as plain SVG"
            )
        return (
            f"picture '{name}' refers to files or web addresses outside itself, which the kiosk does not "
            "follow; save it again with its pictures embedded, or as PNG"
        )
    if scan.root != "svg":
        return f"picture '{name}' is not an SVG drawing"
    return None


class _SvgScan:
    """What the kiosk refuses in an SVG: entity declarations, and references to anything outside it.

    Allowed are references within the drawing (`#id`) and embedded raster pictures (`data:image/png`).
    A bare DOCTYPE (as older drawing programs write) is fine: nothing here or in Qt loads its DTD.
    """

    def __init__(self) -> None:
        self.root = ""
        self.style: list[str] | None = None

    def doctype(self, _name: str, _system: str | None, _public: str | None, internal_subset: int) -> None:
        if internal_subset:  # where <!ENTITY> lives: billion laughs, or an entity read from another file
            raise _NotAllowedError("entities")

    def instruction(self, target: str, _data: str) -> None:
        if target == "xml-stylesheet":
            raise _NotAllowedError("outside")

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        namespace, _, local = tag.rpartition(" ")
        self.root = self.root or local
        if namespace == XINCLUDE:
            raise _NotAllowedError("outside")
        for key, value in attributes.items():
            if key.rpartition(" ")[2] == "href" and not EMBEDDED.match(value):
                raise _NotAllowedError("outside")
            _check_css(value)
        if local == "style":
            self.style = []

    def text(self, data: str) -> None:
        if self.style is not None:
            self.style.append(data)

    def end(self, _tag: str) -> None:
        if self.style is not None:
            _check_css("".join(self.style))
            self.style = None


def _check_css(text: str) -> None:
    if "@import" in text.lower() or any(not EMBEDDED.match(url) for _, url in CSS_URL.findall(text)):
        raise _NotAllowedError("outside")
