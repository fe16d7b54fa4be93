"""What goes into the one-folder kiosk build, and what stays out. Used by build.spec; see tests/packaging.

PyInstaller's Qt hooks collect every plugin a Qt module *might* load (GTK themes, eglfs, evdev, a virtual
keyboard, ten image formats) and everything those link to. `excludes=` only removes Python modules, so the
Qt files are pruned here with allow-lists, and a shared library stays only when something kept links to it.

On Linux, libraries the system's dynamic linker already knows (`ldconfig -p`: libc, X11/xcb, fontconfig,
CUPS, glib, OpenSSL, libstdc++) are left to the OS: they get its security updates, and a bundled libstdc++
or fontconfig is the classic way a frozen Qt app breaks on a newer system. packaging/linux/install.sh
installs them with apt and checks that every library the bundle links is found.

Not a package on purpose (`packaging` is also a PyPI name PyInstaller imports): build.spec and the tests
put this folder on sys.path.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import icu_data

# The Qt modules the kiosk imports; tests/packaging checks that the sources use no others. Of
# PySide6-Addons only QtTextToSpeech ("Lees voor"); its Python module needs no other.
PYSIDE_MODULES = frozenset({"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport", "QtTextToSpeech"})
# Qt libraries: those, plus what the kept plugins link (DBus: QtGui; XcbQpa: xcb; WaylandClient), and what
# libQt6TextToSpeech links: Multimedia (its audio types; none of Multimedia's plugins), which links Network
# and Concurrent.
QT_LIBRARIES = frozenset(
    {"Core", "Gui", "Widgets", "Svg", "PrintSupport", "DBus", "XcbQpa", "WaylandClient"}
    | {"TextToSpeech", "Multimedia", "Network", "Concurrent"}
)
# Qt plugins by folder, named without lib prefix and suffix; Linux and Windows names side by side.
QT_PLUGINS: dict[str, frozenset[str]] = {
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qwindows"}),
    "xcbglintegrations": frozenset({"qxcb-glx-integration", "qxcb-egl-integration"}),  # xcb asks for one
    "wayland-shell-integration": frozenset({"xdg-shell"}),  # what cage and the desktop compositors speak
    "wayland-decoration-client": frozenset({"bradient"}),  # title bars for --windowed on GNOME
    "imageformats": frozenset({"qsvg", "qjpeg"}),  # PNG is built into QtGui
    "iconengines": frozenset({"qsvgicon"}),
    "printsupport": frozenset({"cupsprintersupport", "windowsprintersupport"}),
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin"}),  # dead keys, staff keyboard
    "styles": frozenset({"qmodernwindowsstyle"}),  # Windows
    # Speech: speech-dispatcher on Linux, SAPI and WinRT on Windows; mock, the engine the tests use
    "texttospeech": frozenset(
        {"qtexttospeech_speechd", "qtexttospeech_sapi", "qtexttospeech_winrt", "qtexttospeech_mock"}
    ),
}
_UNUSED_QT = (
    "QtQml QtQuick QtQuickWidgets QtNetwork QtDBus QtOpenGL QtOpenGLWidgets QtPdf QtPdfWidgets QtTest "
    "QtWebEngineCore QtWebEngineWidgets QtSvgWidgets QtUiTools QtXml QtConcurrent"
)
# `cryptography` (12 MB) only signs, on the publisher's machine (`keys`, `publish`); a kiosk only verifies
# the publisher's Ed25519 signatures, which securesystemslib does without it (the selftest's "fleet" step).
PYTHON_EXCLUDES = [
    "tkinter", "_tkinter", "zxingcpp", "pytest", "pytestqt", "cryptography", "_cffi_backend",
] + [f"PySide6.{module}" for module in _UNUSED_QT.split()]  # fmt: skip

Entry = tuple[str, str, str]  # PyInstaller's (destination, source, type code)


class BundleError(SystemExit):
    """A build that would give a kiosk that fails at the clinic stops here, saying why."""


@dataclass(frozen=True)
class OsLibraries:
    """What the target's dynamic linker provides: names to link against, and the files themselves."""

    names: frozenset[str]
    paths: frozenset[str]


def _unix(dest: str) -> str:
    return str(dest).replace("\\", "/")


def allowed(dest: str) -> bool:
    """False for the Qt files the kiosk does not use; other files are judged by what links to them."""
    dest = _unix(dest)
    if re.match(r"PySide6/(Qt/)?translations/", dest):
        return False  # Qt's own: the few it needs go in resources/i18n (see packaging/translations.py)
    plugin = re.match(r"PySide6/(?:Qt/)?plugins/([^/]+)/(?:lib)?([^/]+?)\.(?:so|dll)$", dest)
    if plugin:
        return plugin[2] in QT_PLUGINS.get(plugin[1], ())
    if re.match(r"PySide6/(?:Qt/)?plugins/", dest):
        return False
    library = re.match(r"(?:lib)?Qt6(\w+?)\.(?:so|dll)", Path(dest).name)
    if library:
        return library[1] in QT_LIBRARIES
    module = re.match(r"PySide6/(Qt\w+)\.(?:abi3\.so|pyd)$", dest)
    return module is None or module[1] in PYSIDE_MODULES


def is_root(entry: Entry) -> bool:
    """Loaded by name rather than linked: Python extensions, Qt plugins, the Python library itself."""
    dest, _source, kind = entry
    return (
        kind == "EXTENSION"
        or "/plugins/" in _unix(dest)
        or re.match(r"(lib)?python3[\d.]*\.(so|dll)", Path(dest).name, re.IGNORECASE) is not None
    )


def linked_names(path: str) -> list[str]:
    """The libraries a binary names directly (ELF NEEDED, PE imports)."""
    if sys.platform.startswith("linux"):
        out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=True).stdout
        return re.findall(r"^\s+NEEDED\s+(\S+)", out, re.MULTILINE)
    from PyInstaller.depend.bindepend import get_imports  # pefile on Windows

    return sorted(Path(name).name for name, _path in get_imports(path))


def os_libraries() -> OsLibraries:
    """Linux: every library in the dynamic linker's cache (`ldconfig -p`); elsewhere nothing."""
    if not sys.platform.startswith("linux"):
        return OsLibraries(frozenset(), frozenset())
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    out = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=True).stdout
    pairs = re.findall(r"^\s+(\S+) \(.*\) => (\S+)$", out, re.MULTILINE)
    return OsLibraries(frozenset(n for n, _ in pairs), frozenset(os.path.realpath(p) for _, p in pairs))


def prune(
    binaries: list[Entry], system: OsLibraries, links: Callable[[str], list[str]] = linked_names
) -> tuple[list[Entry], list[str]]:
    """The binaries to bundle (allowed, and linked from something kept) and the libraries left to the OS.

    Raises BundleError when a kept binary links a library the allow-list drops or nobody provides.
    """

    def key(name: str) -> str:
        return Path(name).name.lower()  # Windows import tables are not case-exact

    candidates = {key(e[0]): e for e in binaries if allowed(e[0])}
    dropped = {key(e[0]) for e in binaries if not allowed(e[0])}
    os_names = {name.lower() for name in system.names}
    kept: set[str] = set()
    from_os: set[str] = set()
    problems: set[str] = set()
    todo = [e for e in candidates.values() if is_root(e)]
    while todo:
        entry = todo.pop()
        if entry[0] in kept:
            continue
        kept.add(entry[0])
        for name in links(entry[1]):
            target = candidates.get(key(name))
            if target is not None and os.path.realpath(target[1]) not in system.paths:
                todo.append(target)
            elif target is not None or key(name) in os_names:
                from_os.add(name)
            elif key(name) in dropped:
                problems.add(f"{entry[0]} links {name}, which the allow-list drops")
            elif sys.platform.startswith("linux"):
                problems.add(f"{entry[0]} links {name}, which this machine does not have (apt install it)")
    if problems:
        raise BundleError("build.spec: the pruned kiosk would not start:\n  " + "\n  ".join(sorted(problems)))
    return [e for e in binaries if e[0] in kept], sorted(from_os)


def with_small_icu(binaries: list[Entry], workdir: Path) -> list[Entry]:
    """Linux: QtCore's ICU data library rebuilt without the data QtCore never reads (see icu_data)."""
    result = []
    for dest, source, kind in binaries:
        if re.fullmatch(r"libicudata\.so\.\d+", Path(dest).name):
            qtcore = next(s for d, s, _ in binaries if Path(d).name.startswith("libQt6Core.so"))
            icu_data.check_qt_calls(qtcore, Path(dest).name.rsplit(".", 1)[1])
            source = str(icu_data.rebuild_library(Path(source), workdir))
        result.append((dest, source, kind))
    return result


def _tree(source: Path, target: str) -> Iterator[tuple[str, str]]:
    """(file, folder) pairs for PyInstaller; hidden files (staff mode's .history, editors') stay out."""
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            yield str(path), str(Path(target, relative.parent).as_posix())


def checked_site(folder: Path) -> Path:
    """The site's content folder; one with errors would ship with slides silently left out."""
    from kiosk.content import load_content

    if not (folder / "site.toml").is_file():
        raise BundleError(f"build.spec: KIOSK_SITE={folder} is not a content folder (it has no site.toml)")
    content = load_content(folder)
    if content.errors or not content.slides:
        problems = "\n  ".join(map(str, content.errors)) or "no usable slides"
        command = f"python -m kiosk validate {folder}"
        raise BundleError(f"build.spec: {folder} has errors ({command}):\n  {problems}")
    return folder


def datas(root: Path, site: Path) -> list[tuple[str, str]]:
    """resources/ as the kiosk finds it through kiosk.resources, with the site's content as its content."""
    pairs = list(_tree(checked_site(site), "resources/content"))
    for path in sorted((root / "resources").iterdir()):
        if path.name == "content" or path.name.startswith("."):
            continue
        pairs += _tree(path, f"resources/{path.name}") if path.is_dir() else [(str(path), "resources")]
    return pairs


def archive_name(site: Path, version: str) -> str:
    """kiosk-SITE-VERSION-PLATFORM.tar.gz, e.g. kiosk-content-0.1.0-linux-x86_64.tar.gz."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", site.name).strip("-") or "site"
    system = "windows" if sys.platform == "win32" else re.sub(r"\d+$", "", sys.platform)
    machine = os.uname().machine if hasattr(os, "uname") else os.environ.get("PROCESSOR_ARCHITECTURE", "")
    machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(machine.lower(), machine.lower())
    return f"kiosk-{name}-{version}-{system}-{machine}.tar.gz"


def add_installer(folder: Path, installer: Path, version: str) -> None:
    """packaging/linux/ as `install/` in the folder, with a VERSION line (site and kiosk version)."""
    target = folder / "install"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(installer, target)
    (target / "VERSION").write_text(version + "\n", encoding="utf-8")


def write_archive(folder: Path, target: Path) -> Path:
    """The folder as a tar.gz whose one top-level entry is `kiosk/` (install.sh takes either)."""
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname="kiosk")
    return target
