"""Reading TOML so that problems can point at a line: tomllib gives values, this finds where they stand."""

from __future__ import annotations

import re
import tomllib
from typing import Any

_TABLE = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-\"]+)\s*\]\]?\s*(#.*)?$")
_WHERE_IN_ERROR = re.compile(r"\(at line (\d+), column (\d+)\)")


class TomlError(ValueError):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def parse(text: str) -> dict[str, Any]:
    """Parse TOML; a syntax error becomes a TomlError carrying the line tomllib reported.

    So do the two limits of Python's own that tomllib lets through as other errors (without a line): an
    integer of more than 4300 digits, and arrays or inline tables nested about a thousand deep.
    """
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        found = _WHERE_IN_ERROR.search(str(err))
        if not found:
            raise TomlError(str(err), None) from err
        message = f"{str(err)[: found.start()].strip()} (column {found.group(2)})"
        raise TomlError(message, int(found.group(1))) from err
    except ValueError as err:
        raise TomlError("a number has too many digits to read", None) from err
    except RecursionError as err:
        raise TomlError("lists or tables are nested too deeply", None) from err


def line_of(text: str, dotted: str) -> int | None:
    """1-based line where `dotted` (e.g. "clinic.phone" or "sign.text") is assigned, or its table starts."""
    *tables, key = dotted.split(".")
    wanted_table = ".".join(tables)
    current = ""
    table_line: int | None = None
    assign = re.compile(rf"^\s*{re.escape(key)}\s*=")
    # Lines as TOML counts them: a U+2028 or form feed inside a string does not end one (splitlines would).
    for number, line in enumerate(text.split("\n"), start=1):
        header = _TABLE.match(line)
        if header:
            current = header.group(1).replace('"', "")
            if current == dotted:
                return number
            if current == wanted_table and table_line is None:
                table_line = number
            continue
        if current == wanted_table and assign.match(line):
            return number
    return table_line


def first_bad_byte_line(data: bytes) -> tuple[int, str]:
    """Where a file stops being UTF-8: its line, and a message that says what to do."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return line, f"not UTF-8 (byte 0x{data[err.start]:02x}); save the file as UTF-8"
    return 0, ""
