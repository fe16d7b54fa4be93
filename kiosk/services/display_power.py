"""Puts the display to sleep outside opening hours (`outside_hours = "dark"`) and wakes it again, where the
display stack lets a program do that; elsewhere the kiosk only paints the screen black.

- X (the xcb platform): DPMS through `xset dpms force off`, and `xset dpms force on -dpms` to wake it (DPMS
  stays off while the kiosk shows, as the X unit sets it, so the X server does not blank an open kiosk).
  Each switch is confirmed with `xset q` ("Monitor is Off"/"On"); an X server without the DPMS extension
  (Xvfb, some virtual machines) says so there, and the kiosk falls back to black.
- Wayland: the compositor's output power management (wlr-output-power-management) through `wlopm`, when it
  is installed and the compositor offers the protocol. Debian 12 has no `wlopm`, and its cage (0.1.4) does
  not offer the protocol: there the panel stays lit, black.
- Anything else (offscreen, Windows): black.

Commands run as child processes on Qt's event loop (QProcess), never waited for on the GUI thread; each
gets COMMAND_TIMEOUT_MS and is killed after that. What happened is logged once per switch.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from kiosk.services.clock import Clock

# QProcess is imported where a process starts, its enums read from the running process: the type costs the
# kiosk's start 2–3 ms, and most kiosks switch the display twice a day.
if TYPE_CHECKING:
    from PySide6.QtCore import QProcess

log = logging.getLogger(__name__)
COMMAND_TIMEOUT_MS = 3000


@dataclass(frozen=True)
class Backend:
    """How one display stack switches its display: commands, and what a query says."""

    name: str
    off: tuple[str, ...]
    on: tuple[str, ...]
    query: tuple[str, ...] | None = None  # confirms a switch: its output must hold `is_off`/`is_on`
    is_off: str = ""
    is_on: str = ""
    unsupported: str = ""  # in a command's or the query's output: this display cannot be switched


XSET = Backend(
    "X DPMS (xset)",
    off=("xset", "dpms", "force", "off"),
    on=("xset", "dpms", "force", "on", "-dpms"),
    query=("xset", "q"),
    is_off="Monitor is Off",
    is_on="Monitor is On",
    unsupported="does not have the DPMS Extension",
)
WLOPM = Backend("Wayland output power (wlopm)", off=("wlopm", "--off", "*"), on=("wlopm", "--on", "*"))


def backend_for(platform: str) -> Backend | None:
    """The way to switch the display on this Qt platform, or None where there is none."""
    if platform == "xcb" and os.environ.get("DISPLAY") and shutil.which("xset"):
        return XSET
    if platform == "wayland" and shutil.which("wlopm"):
        return WLOPM
    return None


class DisplayPower(QObject):
    """`sleep()` and `wake()`; the newest wish wins, and one command runs at a time."""

    switched = Signal(bool)  # True: the display is confirmed on; False: confirmed asleep
    unavailable = Signal(str)  # why this display cannot be put to sleep (the screen is painted black)

    def __init__(self, clock: Clock, backend: Backend | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self._wanted: bool | None = None  # None: never asked; the display is as the OS left it
        self._running: QProcess | None = None
        self._steps: list[tuple[str, ...]] = []
        self._output = ""
        self._doing: bool | None = None
        self.asleep = False
        self.why_not = (
            "" if backend else f"no way to switch the display off on '{QGuiApplication.platformName()}'"
        )
        self._timeout = clock.timer(self, COMMAND_TIMEOUT_MS)
        self._timeout.timeout.connect(self._too_slow)

    def sleep(self) -> None:
        self._want(False)

    def wake(self) -> None:
        self._want(True)

    def wake_on_exit(self) -> None:
        """The kiosk stops while the display sleeps (SIGTERM at night, an update): wake it without waiting,
        so whatever runs next is seen."""
        if self.asleep and self.backend is not None:
            from PySide6.QtCore import QProcess

            QProcess.startDetached(self.backend.on[0], list(self.backend.on[1:]))
            self.asleep = False

    def busy(self) -> bool:
        return self._running is not None

    def _want(self, on: bool) -> None:
        if self._wanted is on or (on and self._wanted is None):
            return  # waking a display nobody put to sleep would switch DPMS settings for nothing
        self._wanted = on
        if self.backend is None or self.why_not:
            if not on:
                log.info(
                    "outside opening hours: the screen goes black (%s)", self.why_not or "no display power"
                )
            return
        if self._running is None:
            self._start_switch()

    def _start_switch(self) -> None:
        assert self.backend is not None
        self._doing = self._wanted
        self._output = ""
        command = self.backend.on if self._doing else self.backend.off
        self._steps = [command] + ([self.backend.query] if self.backend.query else [])
        self._next_step()

    def _next_step(self) -> None:
        from PySide6.QtCore import QProcess

        command = self._steps.pop(0)
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.finished.connect(self._step_done)
        process.errorOccurred.connect(self._failed_to_start)
        self._running = process
        self._timeout.start()
        process.start(command[0], list(command[1:]))

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if self._running is not None and error is self._running.ProcessError.FailedToStart:
            self._give_up(f"{self._running.program()} could not be started")

    def _too_slow(self) -> None:
        if self._running is not None:
            self._give_up(f"{self._running.program()} took longer than {COMMAND_TIMEOUT_MS} ms")

    def _give_up(self, why: str) -> None:
        self._finish_process()
        self.why_not = why
        log.warning(
            "the display cannot be switched off here: %s; outside opening hours it is painted black", why
        )
        self.unavailable.emit(why)

    def _finish_process(self) -> None:
        self._timeout.stop()
        process, self._running = self._running, None
        if process is not None:
            process.finished.disconnect(self._step_done)
            process.errorOccurred.disconnect(self._failed_to_start)
            if process.state() != process.ProcessState.NotRunning:
                process.kill()
                process.waitForFinished(200)
            process.deleteLater()

    def _step_done(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self._running
        assert process is not None and self.backend is not None
        self._output += bytes(process.readAll().data()).decode(errors="replace")
        self._finish_process()
        backend = self.backend
        if backend.unsupported and backend.unsupported in self._output:
            self._give_up(f"{backend.name}: the display server {backend.unsupported.lower()}")
            return
        if status is not process.ExitStatus.NormalExit or code != 0:
            self._give_up(f"{backend.name} failed (exit {code}): {self._output.strip()[-300:]}")
            return
        if self._steps:
            self._next_step()
            return
        confirmed = (
            backend.query is None or (backend.is_on if self._doing else backend.is_off) in self._output
        )
        if not confirmed:
            self._give_up(f"{backend.name}: the display did not switch {'on' if self._doing else 'off'}")
            return
        self.asleep = not self._doing
        log.info("display %s (%s)", "woken" if self._doing else "put to sleep", backend.name)
        self.switched.emit(bool(self._doing))
        if self._wanted is not self._doing:
            self._start_switch()  # asked the other way while this ran
