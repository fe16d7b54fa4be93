"""The built kiosk folder, when there is one; and packaging/ (not a package: `packaging` is a PyPI name)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "packaging"))


@pytest.fixture(scope="session")
def bundle_dir() -> Path:
    """KIOSK_BUNDLE_DIR (CI sets it: the folder must then exist), else dist/kiosk when it was built."""
    wanted = os.environ.get("KIOSK_BUNDLE_DIR")
    folder = Path(wanted) if wanted else ROOT / "dist" / "kiosk"
    if not (folder / "_internal").is_dir():
        if wanted:
            pytest.fail(f"KIOSK_BUNDLE_DIR={wanted} is not a built kiosk folder")
        pytest.skip("no built kiosk: run `pyinstaller --noconfirm build.spec` (or set KIOSK_BUNDLE_DIR)")
    return folder
