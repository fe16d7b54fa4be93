"""The built folder (dist/kiosk): the plugins the kiosk needs are there, the rest is not, and it is small.

That the folder actually *works* is `dist/kiosk/kiosk selftest`, which ./dev.sh test runs on the binary.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from kiosk import __version__

MB = 1000 * 1000
MAX_SIZE = 100 * MB
LINUX = sys.platform.startswith("linux")


def qt_dir(bundle: Path) -> Path:
    """PySide6/Qt on Linux, PySide6 itself on Windows."""
    pyside = bundle / "_internal" / "PySide6"
    return pyside / "Qt" if (pyside / "Qt" / "plugins").is_dir() else pyside


def plugins(bundle: Path) -> set[str]:
    """`platforms/qxcb`-style names, without lib prefix and suffix."""
    root = qt_dir(bundle) / "plugins"
    return {f"{p.parent.name}/{re.sub(r'^lib', '', p.name.split('.')[0])}" for p in root.glob("*/*")}


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def test_the_plugins_the_kiosk_needs_are_in_the_folder(bundle_dir: Path) -> None:
    found = plugins(bundle_dir)
    needed = {"platforms/qoffscreen", "imageformats/qsvg", "imageformats/qjpeg", "iconengines/qsvgicon"}
    if LINUX:
        needed |= {"platforms/qxcb", "platforms/qwayland", "printsupport/cupsprintersupport"}
        needed |= {"wayland-shell-integration/xdg-shell", "xcbglintegrations/qxcb-glx-integration"}
        needed |= {"texttospeech/qtexttospeech_speechd"}
    else:
        needed |= {
            "platforms/qwindows",
            "printsupport/windowsprintersupport",
            "texttospeech/qtexttospeech_sapi",
        }
    assert needed <= found, f"missing: {sorted(needed - found)}"


def test_nothing_outside_the_allow_list(bundle_dir: Path) -> None:
    import kiosk_bundle

    allowed = {f"{kind}/{name}" for kind, names in kiosk_bundle.QT_PLUGINS.items() for name in names}
    assert plugins(bundle_dir) <= allowed
    qt_libraries = {re.sub(r"^lib|\..*$", "", p.name) for p in qt_dir(bundle_dir).rglob("*Qt6*")}
    assert qt_libraries <= {f"Qt6{name}" for name in kiosk_bundle.QT_LIBRARIES}
    for unused in ("QtQml", "QtQuick", "QtNetwork", "QtPdf", "QtWebEngineCore", "QtDBus", "QtMultimedia"):
        assert not list((bundle_dir / "_internal" / "PySide6").glob(f"{unused}.*")), unused
    assert not list(qt_dir(bundle_dir).glob("translations/*"))
    assert not list(qt_dir(bundle_dir).glob("plugins/multimedia/*"))  # speechd plays its own audio
    assert not list((bundle_dir / "_internal").rglob("*tkinter*"))
    assert not list((bundle_dir / "_internal").rglob("*zxing*"))


def test_the_site_content_fonts_and_pictures_are_in_the_folder(bundle_dir: Path) -> None:
    resources = bundle_dir / "_internal" / "resources"
    assert (resources / "content" / "site.toml").is_file()
    assert list((resources / "content" / "slides").glob("*.md"))
    assert list((resources / "fonts").glob("*.ttf"))
    assert (resources / "placeholder.svg").is_file()
    assert not [p for p in (resources / "content").rglob(".*")], "hidden files (staff-mode history) shipped"


def test_the_folder_is_under_100_mb(bundle_dir: Path) -> None:
    size = folder_size(bundle_dir)
    assert size < MAX_SIZE, f"{bundle_dir} is {size / MB:.1f} MB"


def test_the_versioned_archive_holds_the_folder(bundle_dir: Path) -> None:
    archives = sorted(bundle_dir.parent.glob(f"kiosk-*-{__version__}-*.tar.gz"), key=os.path.getmtime)
    if not archives and not os.environ.get("KIOSK_BUNDLE_DIR"):
        pytest.skip("no archive next to the folder")
    assert archives, f"no kiosk-SITE-{__version__}-PLATFORM.tar.gz in {bundle_dir.parent}"
    assert re.fullmatch(rf"kiosk-[\w.-]+-{re.escape(__version__)}-[a-z]+-[\w]+\.tar\.gz", archives[-1].name)
    with tarfile.open(archives[-1]) as tar:
        first = tar.next()
        assert first is not None and first.name == "kiosk"


@pytest.mark.skipif(not LINUX, reason="ldd: Linux")
def test_every_library_the_bundle_links_is_found(bundle_dir: Path) -> None:
    """What install.sh checks on the kiosk PC: the bundle's own libraries, and the OS's for the rest."""
    files = [p for p in bundle_dir.rglob("*") if p.is_file() and (".so" in p.name or p.name == "kiosk")]
    env = {**os.environ, "LD_LIBRARY_PATH": str(bundle_dir / "_internal")}
    done = subprocess.run(["ldd", *map(str, files)], capture_output=True, text=True, env=env)
    assert "not found" not in done.stdout, [line for line in done.stdout.splitlines() if "not found" in line]


@pytest.mark.skipif(not LINUX, reason="the installer files are copied in on Linux")
def test_the_folder_carries_its_installer(bundle_dir: Path) -> None:
    install = bundle_dir / "install"
    assert os.access(install / "install.sh", os.X_OK)
    assert (install / "wachtkamer-kiosk.service").is_file()
    assert __version__ in (install / "VERSION").read_text(encoding="utf-8")
