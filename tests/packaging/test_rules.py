"""The rules build.spec applies, without building: allow-lists, link pruning, ICU data, content, names."""

from __future__ import annotations

import re
import struct
import sys
from collections.abc import Callable
from pathlib import Path

import icu_data
import kiosk_bundle
import pytest

from tests.conftest import DEFAULT_CONTENT, ROOT, write_slide

SYSTEM = kiosk_bundle.OsLibraries(
    names=frozenset({"libc.so.6", "libX11.so.6"}), paths=frozenset({"/usr/lib/libX11.so.6"})
)


def test_the_kiosk_imports_only_the_qt_modules_the_bundle_keeps() -> None:
    used: set[str] = set()
    for source in (ROOT / "kiosk").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        used |= set(re.findall(r"PySide6\.(Qt\w+)", text))
        for names in re.findall(r"from PySide6 import \(?([\w, \n]+)\)?", text):
            used |= {name.strip() for name in names.split(",") if name.strip()}
    assert used <= kiosk_bundle.PYSIDE_MODULES, "add it to PYSIDE_MODULES (and its plugins) in packaging/"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/generic/libqevdevtouchplugin.so", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6\\plugins\\imageformats\\qgif.dll", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", True),  # libQt6Multimedia links it (for QtTextToSpeech)
        ("PySide6/Qt/lib/libQt6WebSockets.so.6", False),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so", True),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),
        ("PySide6/QtTextToSpeech.abi3.so", True),
        ("PySide6/QtMultimedia.abi3.so", False),
        ("PySide6/Qt6Qml.dll", False),
        ("PySide6/Qt/translations/qtbase_nl.qm", False),
        ("PySide6/QtNetwork.abi3.so", False),
        ("PySide6/QtSvg.abi3.so", True),
        ("PySide6/Qt/lib/libicudata.so.73", True),
        ("libcups.so.2", True),
    ],
)
def test_the_allow_list(dest: str, kept: bool) -> None:
    assert kiosk_bundle.allowed(dest) is kept


def links(table: dict[str, list[str]]) -> Callable[[str], list[str]]:
    """A stand-in for objdump: which libraries each (fake) binary names."""
    return lambda source: table.get(Path(source).name, [])


def test_a_library_stays_only_when_something_kept_links_it() -> None:
    binaries = [
        ("PySide6/QtGui.abi3.so", "/site/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/site/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/site/libqgtk3.so", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),  # only the GTK theme wanted it
        ("libX11.so.6", "/usr/lib/libX11.so.6", "BINARY"),  # the OS has it
    ]
    table = {
        "QtGui.abi3.so": ["libQt6Gui.so.6", "libc.so.6"],
        "libQt6Gui.so.6": ["libX11.so.6"],
        "libqgtk3.so": ["libcairo.so.2", "libQt6Gui.so.6"],
    }
    kept, from_os = kiosk_bundle.prune(binaries, SYSTEM, links(table))
    assert [dest for dest, _, _ in kept] == ["PySide6/QtGui.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6"]
    assert from_os == ["libX11.so.6", "libc.so.6"]


def test_a_kept_plugin_linking_a_dropped_library_stops_the_build() -> None:
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/site/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", "/site/libQt6OpenGL.so.6", "BINARY"),
    ]
    table = {"libqxcb.so": ["libQt6OpenGL.so.6", "libxcb-cursor.so.0"]}
    with pytest.raises(kiosk_bundle.BundleError) as stopped:
        kiosk_bundle.prune(binaries, SYSTEM, links(table))
    message = str(stopped.value)
    assert "libQt6OpenGL.so.6, which the allow-list drops" in message
    if sys.platform.startswith("linux"):
        assert "libxcb-cursor.so.0, which this machine does not have" in message


def package(items: dict[str, bytes]) -> bytes:
    """A small ICU common-data package, laid out as ICU's own packager does."""
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + b"\0" * 8 + b"CmnD" + b"\0" * 16
    return icu_data.write_items(header, sorted(items.items()))


def test_icu_items_qt_never_reads_are_left_out_and_the_rest_is_intact() -> None:
    items = {
        "icudt73l/cnvalias.icu": b"aliases",
        "icudt73l/coll/nl.res": b"collation" * 5,
        "icudt73l/lang/nl.res": b"language names",
        "icudt73l/nl.res": b"locale",
        "icudt73l/zone/nl.res": b"zone names",
        "icudt73l/brkitr/cjdict.dict": b"dictionary" * 100,
    }
    trimmed = icu_data.trimmed(package(items))
    header, kept = icu_data.read_items(trimmed)
    assert header == package(items)[:32]
    assert [name for name, _ in kept] == [
        "icudt73l/cnvalias.icu",
        "icudt73l/coll/nl.res",
        "icudt73l/nl.res",
        "icudt73l/zone/nl.res",
    ]
    for name, data in kept:
        assert data.rstrip(b"\xaa") == items[name]
    (count,) = struct.unpack_from("<I", trimmed, 32)
    offsets = [struct.unpack_from("<II", trimmed, 36 + 8 * i)[1] for i in range(count)]
    assert all(offset % 16 == 0 for offset in offsets)


def test_not_an_icu_package_stops_the_build() -> None:
    with pytest.raises(icu_data.IcuDataError):
        icu_data.read_items(b"\x20\x00\x00\x00" + b"\0" * 60)


def test_the_content_goes_in_without_hidden_files_and_a_broken_site_stops_the_build(
    content_copy: Path,
) -> None:
    (content_copy / ".history").mkdir()
    (content_copy / ".history" / "last-save.json").write_text("{}")
    pairs = kiosk_bundle.datas(ROOT, content_copy)
    targets = {(Path(source).name, folder) for source, folder in pairs}
    assert ("site.toml", "resources/content") in targets
    assert ("placeholder.svg", "resources") in targets
    assert not [source for source, _ in pairs if ".history" in source]
    write_slide(content_copy, "999-kapot.nl.md", "kind = 'nonsense'\nduration = 1")
    with pytest.raises(kiosk_bundle.BundleError, match="has errors"):
        kiosk_bundle.datas(ROOT, content_copy)


def test_the_publishers_root_file_travels_with_a_fleet_site_and_a_site_without_it_does_not_build(
    content_copy: Path,
) -> None:
    with (content_copy / "site.toml").open("a", encoding="utf-8") as site:
        site.write('\n[fleet]\nurl = "https://inhoud.uitgever.nl/kiosk"\n')
    (content_copy / "fleet-root.json").write_text("{}", encoding="utf-8")
    targets = {(Path(source).name, folder) for source, folder in kiosk_bundle.datas(ROOT, content_copy)}
    assert ("fleet-root.json", "resources/content") in targets
    (content_copy / "fleet-root.json").unlink()
    with pytest.raises(kiosk_bundle.BundleError, match=r"\[fleet\.root\]"):
        kiosk_bundle.datas(ROOT, content_copy)


def test_a_folder_without_site_toml_is_not_a_site(tmp_path: Path) -> None:
    with pytest.raises(kiosk_bundle.BundleError, match=r"no site\.toml"):
        kiosk_bundle.checked_site(tmp_path)


def test_the_archive_is_named_after_the_site_and_the_version() -> None:
    name = kiosk_bundle.archive_name(Path("/sites/GGZ Noord"), "1.2.3")
    assert re.fullmatch(r"kiosk-GGZ-Noord-1\.2\.3-[a-z]+-\w+\.tar\.gz", name)
    assert kiosk_bundle.archive_name(DEFAULT_CONTENT, "0.1.0").startswith("kiosk-content-0.1.0-")
