"""Which screen the kiosk fills: the site's `[kiosk] screen` setting (a name such as "HDMI-1", or a number,
1 = the first), else the primary screen. A screen that is not connected is not an error: the kiosk uses the
primary one and says so in its log, and takes its own screen again when it is plugged back in."""

from __future__ import annotations

import logging
import re

from PySide6.QtGui import QGuiApplication, QScreen

log = logging.getLogger(__name__)


def describe(screen: QScreen) -> str:
    geometry = screen.geometry()
    return f"{screen.name() or '?'} ({geometry.width()}×{geometry.height()} at {geometry.x()},{geometry.y()})"


def find_screen(setting: str | int | None) -> QScreen | None:
    """The screen the setting names, or None when it names none that is connected (or names none)."""
    screens = QGuiApplication.screens()
    if isinstance(setting, int):
        return screens[setting - 1] if 1 <= setting <= len(screens) else None
    if setting:
        return next((s for s in screens if s.name() == setting), None)
    return None


def choose_screen(setting: str | int | None, say: bool = True) -> QScreen:
    """The screen to fill; with `say`, a log line when the wanted one is not there."""
    found = find_screen(setting)
    primary = QGuiApplication.primaryScreen()
    if found is not None:
        return found
    if setting is not None and say:
        connected = ", ".join(f"{n}. {describe(s)}" for n, s in enumerate(QGuiApplication.screens(), 1))
        log.warning(
            "screen %r from site.toml is not connected (screens: %s); using the primary screen %s",
            setting,
            connected or "none",
            describe(primary),
        )
    return primary


def lock_label(screen: QScreen | None) -> str:
    """The screen's name as a file-name part: one kiosk per screen."""
    name = screen.name() if screen is not None else ""
    return re.sub(r"[^A-Za-z0-9_.\-]+", "_", name).strip("._") or "screen"
