"""Typed access to parsed TOML that records a Problem, with its line, for every bad value."""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.content import toml_text
from kiosk.content.files import OUTSIDE_FOLDER, Overlay, inside_folder, size_in_words
from kiosk.content.model import SOURCE_LANGUAGE, Localized, Problem, Severity

TEXT_MAX_BYTES = 256 * 1024  # the built-in slides are under 1 KB each
_BARE_KEY = re.compile(r"[A-Za-z0-9_\-]+")


@dataclass
class Fields:
    """Typed access to one parsed TOML table that records a Problem (with line) for every bad value."""

    data: dict[str, Any]
    text: str
    file: str
    problems: list[Problem]
    line_offset: int = 0
    prefix: str = ""
    used: set[str] = field(default_factory=set)

    def report(self, key: str, message: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(self.file, message, self.line(key), self.dotted(key), severity))

    def dotted(self, key: str) -> str:
        # A key that is not bare is named as TOML quotes it, so that "" or "a b" still names something.
        return self.prefix + (key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False))

    def line(self, key: str) -> int | None:
        """The line in the file where `key` is set (or its table starts); None when it is not there."""
        line = toml_text.line_of(self.text, self.dotted(key))
        return None if line is None else line + self.line_offset

    def _get(self, key: str) -> Any:
        self.used.add(key)
        return self.data.get(key)

    def text_value(self, key: str, default: str = "", required: bool = False, max_chars: int = 0) -> str:
        value = self._get(key)
        if value is None:
            if required:
                self.report(key, "is missing")
            return default
        if not isinstance(value, str):
            self.report(key, f"should be text in quotes, not {_shown(value)}")
            return default
        if required and not value.strip():
            self.report(key, "is empty")
        if max_chars and len(value) > max_chars:
            self.report(key, f"is {len(value)} characters long; keep it under {max_chars}")
        return value.strip()

    def localized(self, key: str, required: bool = False) -> Localized:
        """A text given either plainly (in the source language) or as a table of languages."""
        value = self._get(key)
        if isinstance(value, str):
            return {SOURCE_LANGUAGE: value.strip()}
        if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            return {lang: text.strip() for lang, text in value.items()}
        if value is not None:
            self.report(key, 'should be text, or a table of texts per language (nl = "...")')
        elif required:
            self.report(key, "is missing")
        return {}

    def number(self, key: str, default: float, low: float, high: float) -> float:
        value = self._get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.report(key, f"should be a number, not {_shown(value)}")
            return default
        if not low <= value <= high:
            self.report(key, f"is {_shown(value)}; it must be between {low:g} and {high:g}")
            return default
        return float(value)

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.report(key, f"should be true or false (no quotes), not {_shown(value)}")
            return default
        return value

    def date(self, key: str) -> dt.date | None:
        value = self._get(key)
        if value is None:
            return None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        self.report(key, "should be a date like 2026-03-01 (no quotes)")
        return None

    def text_list(self, key: str) -> list[str]:
        value = self._get(key)
        if value is None:
            return []
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [v.strip() for v in value]
        self.report(key, 'should be a list of texts: ["...", "..."]')
        return []

    def table(self, key: str) -> Fields:
        value = self._get(key)
        if value is not None and not isinstance(value, dict):
            self.report(key, "should be a table")
            value = None
        return Fields(
            value or {}, self.text, self.file, self.problems, self.line_offset, f"{self.prefix}{key}."
        )

    def tables(self, key: str) -> list[Fields]:
        value = self._get(key)
        if value is None:
            return []
        if not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
            self.report(key, f"should be a list of [[{key}]] tables")
            return []
        return [
            Fields(v, self.text, self.file, self.problems, self.line_offset, f"{self.prefix}{key}.")
            for v in value
        ]

    def warn_unknown(self, known: tuple[str, ...] = ()) -> None:
        for key in self.data:
            if key not in self.used and key not in known:
                self.report(key, "is not a setting the kiosk knows; check its spelling", Severity.WARNING)


def _shown(value: Any) -> str:
    """A value for a message, cut short; TOML can hold a number too long for Python to turn into text."""
    try:
        text = repr(value)
    except ValueError:  # an integer of more than 4300 digits (TOML's hexadecimal has no limit)
        return "a number with thousands of digits"
    return text if len(text) <= 80 else f"{text[:77]}..."


def read_text(
    path: Path, name: str, problems: list[Problem], folder: Path, overlay: Overlay | None = None
) -> str | None:
    """A text file as UTF-8 with Unix line ends, or None (and a Problem naming the bad line).

    With an `overlay` that holds `name`, its text stands in for the file: a change not yet written.

    Where it leads and how big it is are checked before it is opened: a link out of the content folder is
    never followed, and a 50 MB file copied in by mistake costs a stat, not a stalled kiosk.
    """
    if overlay is not None and overlay.get(name) is not None:
        data = str(overlay[name]).encode("utf-8")
        info = None
    elif not inside_folder(folder, path):
        problems.append(Problem(name, OUTSIDE_FOLDER))
        return None
    else:
        data, info = b"", None
        try:
            info = path.stat()
            if stat.S_ISREG(info.st_mode) and info.st_size <= TEXT_MAX_BYTES:
                with path.open("rb") as file:
                    data = file.read(TEXT_MAX_BYTES + 1)  # bounded too: the file may have grown meanwhile
        except OSError as err:
            problems.append(Problem(name, f"cannot be read ({err.strerror})"))
            return None
        if not stat.S_ISREG(info.st_mode):  # a pipe, say, which would block the loader for ever
            problems.append(Problem(name, "is not an ordinary file; the kiosk only reads ordinary files"))
            return None
    size = max(info.st_size if info else 0, len(data))
    if size > TEXT_MAX_BYTES:
        limit = size_in_words(TEXT_MAX_BYTES)
        problems.append(
            Problem(name, f"is {size_in_words(size)}; a slide or settings file is at most {limit}")
        )
        return None
    line, message = toml_text.first_bad_byte_line(data)
    if message:
        problems.append(Problem(name, message, line))
        return None
    # Notepad's "UTF-8 with BOM" is still UTF-8: the mark must not hide the +++ line or the first key.
    return data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
