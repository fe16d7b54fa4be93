"""Keeps the kiosk-mode window on its screen and exactly that screen's size: at start, when the screen's
resolution changes, and when screens are plugged in or out.

`showFullScreen()` alone is only a request: a window manager acts on it, but X with no window manager
leaves the window at its layout's size (439×277), and a Wayland compositor sizes a window by what the
client acks. So the window is given its screen's geometry before it is shown (the first layout, and the
decision which slides fit, is then made for the real size, not a provisional small one), is asked for
fullscreen on that screen, and is given the geometry again whenever the screen changes.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from kiosk.services.clock import Clock
from kiosk.services.screens import choose_screen, describe

log = logging.getLogger(__name__)


class ScreenFit(QObject):
    def __init__(self, window: QWidget, setting: str | int | None, clock: Clock) -> None:
        super().__init__(window)
        self._window = window
        self._clock = clock
        self.setting = setting
        self.screen: QScreen | None = None
        window.installEventFilter(self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screens_changed)
            app.screenRemoved.connect(self._screen_removed)
            app.primaryScreenChanged.connect(self._screens_changed)

    def target(self) -> QRect:
        """The geometry the window must have: its screen's."""
        return self._choose().geometry()

    def place(self) -> None:
        """The window on its screen, at that screen's geometry (before or after it is shown)."""
        screen = self._choose()
        if self._window.screen() is not screen:
            self._window.setScreen(screen)
        if self._window.geometry() != screen.geometry():
            self._window.setGeometry(screen.geometry())

    def show(self) -> None:
        """Shows the window fullscreen on its screen, at its size."""
        self.place()
        self._window.showFullScreen()
        self.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Says in the log what size the window really got (the slides are laid out for that size)."""
        kind = event.type()
        if (
            kind in (QEvent.Type.Resize, QEvent.Type.Show)
            and watched is self._window
            and self._window.isVisible()
        ):
            size, screen = self._window.size(), self.screen
            fills = screen is not None and screen.geometry() == self._window.geometry()
            log.info(
                "window %d×%d%s",
                size.width(),
                size.height(),
                f", filling screen {screen.name()}" if fills and screen else " (not its screen's size yet)",
            )
        return False

    def _choose(self) -> QScreen:
        screen = choose_screen(
            self.setting, say=self.screen is None or self.screen not in QGuiApplication.screens()
        )
        if screen is not self.screen:
            if self.screen is not None:
                with contextlib.suppress(RuntimeError, TypeError):  # an unplugged screen may be gone already
                    self.screen.geometryChanged.disconnect(self._geometry_changed)
            screen.geometryChanged.connect(self._geometry_changed)
            self.screen = screen
            log.info("kiosk on screen %s", describe(screen))
        return screen

    def _geometry_changed(self, geometry: QRect) -> None:
        log.info(
            "screen %s changed to %d×%d",
            self.screen.name() if self.screen else "?",
            geometry.width(),
            geometry.height(),
        )
        self._refit()

    def _screens_changed(self, *_: object) -> None:
        log.info("screens now: %s", ", ".join(describe(s) for s in QGuiApplication.screens()) or "none")
        self._clock.single_shot(0, self, self._refit)

    def _screen_removed(self, screen: QScreen) -> None:
        if screen is self.screen:
            self.screen = None  # unplugged: choose again, once Qt has let go of it
        self._screens_changed()

    def _refit(self) -> None:
        if not self._window.isVisible():
            return
        self.place()
        if not self._window.isFullScreen():
            self._window.showFullScreen()
            self.place()
