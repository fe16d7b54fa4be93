"""QtCore's ICU data library (31 MB, a quarter of the kiosk) rebuilt without the parts QtCore never reads.

QtCore 6.11 calls 31 ICU functions (`nm -D --undefined-only libQt6Core.so.6`): code-page converters,
upper/lower case, collation, and time-zone ids and names. Those read the conversion tables, collation
data, locale and time-zone data. Break-iterator dictionaries, unit, currency, language and region names,
transliteration and spelled-out numbers (about 14 MB) serve ICU functions QtCore does not call, so the
data library is rebuilt without them: same file name, same `icudtNN_dat` symbol, same item format, fewer
items. If a newer Qt calls an ICU function not listed here, the build stops and asks for a look.

ICU's common-data format (icu4c/source/common/ucmndata.h): a header, then a table of contents
{count, (name offset, data offset) * count} sorted by name, then the names and the 16-byte-aligned items;
offsets count from the start of the table.
"""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

QT_ICU_CALLS = frozenset(
    """UCNV_FROM_U_CALLBACK_SUBSTITUTE UCNV_TO_U_CALLBACK_SUBSTITUTE u_strToLower u_strToUpper ucal_close
    ucal_getCanonicalTimeZoneID ucal_getTimeZoneDisplayName ucal_open ucnv_cbFromUWriteUChars
    ucnv_cbToUWriteUChars ucnv_close ucnv_countAvailable ucnv_fromUCountPending ucnv_fromUnicode
    ucnv_getAvailableName ucnv_getFromUCallBack ucnv_getMaxCharSize ucnv_getName ucnv_getStandardName
    ucnv_getToUCallBack ucnv_open ucnv_reset ucnv_setFromUCallBack ucnv_setToUCallBack
    ucnv_toUCountPending ucnv_toUnicode ucol_close ucol_getSortKey ucol_open ucol_setAttribute
    ucol_strcoll""".split()  # noqa: SIM905 (31 names: a word list reads better than a literal)
)
UNUSED_TREES = frozenset({"brkitr", "curr", "lang", "rbnf", "region", "translit", "unit"})
ALIGN = 16


class IcuDataError(SystemExit):
    """The ICU data library is not what this module understands: stop the build rather than guess."""


def unused(item: str) -> bool:
    """`icudt73l/lang/nl.res` is unused; top-level items (`icudt73l/cnvalias.icu`) are always kept."""
    parts = item.split("/")
    return len(parts) > 2 and parts[1] in UNUSED_TREES


def _pad(data: bytes, start: int = 0, fill: bytes = b"\xaa") -> bytes:
    """`data` padded so that what follows starts aligned (`data` itself starts at `start`); ICU's own
    packager pads items with 0xAA, so an untrimmed package comes out byte for byte the same."""
    return data + fill * (-(start + len(data)) % ALIGN)


def read_items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, data) items of a common-data package."""
    header_size = struct.unpack_from("<H", package)[0]
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD" or header_size % ALIGN:
        raise IcuDataError("build.spec: the ICU data is not a little-endian ICU common-data package")
    toc = package[header_size:]
    (count,) = struct.unpack_from("<I", toc)
    offsets = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    ends = [data for _, data in offsets[1:]] + [len(toc)]
    items = [
        (toc[name : toc.index(b"\0", name)].decode("ascii"), toc[data:end])
        for (name, data), end in zip(offsets, ends, strict=True)
    ]
    return package[:header_size], items


def write_items(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A common-data package from a header and items (kept in their sorted order)."""
    names_at = 4 + 8 * len(items)
    names = _pad(b"".join(name.encode("ascii") + b"\0" for name, _ in items), names_at)
    data_at = names_at + len(names)
    table = [struct.pack("<I", len(items))]
    name_offset, data_offset = names_at, data_at
    for name, data in items:
        table.append(struct.pack("<II", name_offset, data_offset))
        name_offset += len(name) + 1
        data_offset += len(_pad(data))
    return header + b"".join(table) + names + b"".join(_pad(data) for _, data in items)


def trimmed(package: bytes) -> bytes:
    header, items = read_items(package)
    return write_items(header, [(name, data) for name, data in items if not unused(name)])


def check_qt_calls(qtcore: str, icu_version: str) -> None:
    """Stop when QtCore calls an ICU function this module has not judged."""
    out = subprocess.run(
        ["nm", "-D", "--undefined-only", qtcore], capture_output=True, text=True, check=True
    ).stdout
    calls = set(re.findall(rf"\b(\w+)_{icu_version}\b", out))
    if not calls:
        raise IcuDataError(f"build.spec: {qtcore} calls no ICU {icu_version} function; is it the right Qt?")
    new = calls - QT_ICU_CALLS
    if new:
        raise IcuDataError(
            f"build.spec: QtCore now calls ICU's {', '.join(sorted(new))}. Check which ICU data those read, "
            "keep it (UNUSED_TREES) and add them to QT_ICU_CALLS in packaging/icu_data.py."
        )


def _symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size."""
    out = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(library)], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", out, re.MULTILINE)
    if not found:
        raise IcuDataError(f"build.spec: no icudtNN_dat symbol in {library}")
    address, size, name = int(found[1], 16), int(found[2], 16), found[3]
    elf = library.read_bytes()
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise IcuDataError(f"build.spec: {library} is not a 64-bit little-endian ELF library")
    (section_table,) = struct.unpack_from("<Q", elf, 0x28)
    entry_size, count = struct.unpack_from("<HH", elf, 0x3A)
    for index in range(count):
        header = section_table + index * entry_size
        _, kind, _, start, offset, length = struct.unpack_from("<IIQQQQ", elf, header)
        if kind != 8 and start <= address < start + length:  # 8: SHT_NOBITS has no bytes in the file
            return name, offset + address - start, size
    raise IcuDataError(f"build.spec: {name} lies in no section of {library}")


def rebuild_library(library: Path, workdir: Path) -> Path:
    """The same library with the trimmed package, assembled and linked by binutils (as PyInstaller needs)."""
    name, offset, size = _symbol(library)
    workdir.mkdir(parents=True, exist_ok=True)
    package = workdir / f"{name}.bin"
    package.write_bytes(trimmed(library.read_bytes()[offset : offset + size]))
    source, obj, target = workdir / f"{name}.s", workdir / f"{name}.o", workdir / library.name
    source.write_text(
        f"\t.section .rodata\n\t.balign {ALIGN}\n\t.globl {name}\n\t.type {name} STT_OBJECT\n"
        f'{name}:\n\t.incbin "{package.name}"\n\t.size {name}, . - {name}\n'
    )
    subprocess.run(["as", "-o", obj.name, source.name], cwd=workdir, check=True)
    subprocess.run(
        ["ld", "-shared", "-z", "noexecstack", "-soname", library.name, "-o", target.name, obj.name],
        cwd=workdir,
        check=True,
    )
    return target
