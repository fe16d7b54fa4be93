"""With KIOSK_FORBID_QT=1 (set by .ci/run), importing PySide6 fails here: the model must not need it."""

from __future__ import annotations

import importlib.abc
import os
import sys


class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: object, target: object = None) -> None:
        if fullname.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{fullname} is forbidden in the content tests")
        return None


if os.environ.get("KIOSK_FORBID_QT") == "1":
    for name in list(sys.modules):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise RuntimeError(f"{name} was imported before the content tests; run them with -p no:pytestqt")
    sys.meta_path.insert(0, _NoQt())
