"""systemd's watchdog: READY=1 once the kiosk window is up, then WATCHDOG=1 for as long as the GUI lives.

The heartbeat is a QTimer on the GUI thread on purpose: when the event loop hangs (a stuck paint, a call
that never returns) the pings stop and systemd restarts the kiosk after WatchdogSec, where a helper thread
would keep pinging for a frozen screen. Messages are sd_notify datagrams sent with the standard library
(no libsystemd). Without NOTIFY_SOCKET (run by hand, under pytest, on Windows) it does nothing.

WATCHDOG_PID is deliberately not checked: under `cage` the kiosk is the compositor's child, not the
service's main process, and the unit's NotifyAccess=all is what lets systemd accept its messages.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QObject, QTimer

log = logging.getLogger(__name__)


def notify_address(value: str) -> str | None:
    """NOTIFY_SOCKET as a socket address: a path, or '@name' for Linux's abstract namespace."""
    if value.startswith("/"):
        return value
    if value.startswith("@") and len(value) > 1:
        return "\0" + value[1:]
    if value:
        log.warning("watchdog: unsupported NOTIFY_SOCKET %r; not notifying systemd", value)
    return None


def ping_interval_ms(watchdog_usec: str) -> int | None:
    """Half of systemd's WatchdogSec, as sd_watchdog_enabled(3) advises; None without a watchdog."""
    try:
        usec = int(watchdog_usec)
    except ValueError:
        return None
    return max(1, usec // 2000) if usec > 0 else None


class SystemdNotifier(QObject):
    """Tells systemd the kiosk is ready, alive (from the GUI thread's event loop) and stopping."""

    def __init__(self, parent: QObject | None = None, environ: Mapping[str, str] = os.environ) -> None:
        super().__init__(parent)
        self.address = notify_address(environ.get("NOTIFY_SOCKET", ""))
        self.interval_ms = ping_interval_ms(environ.get("WATCHDOG_USEC", "")) if self.address else None
        self._socket: socket.socket | None = None
        self._failed = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.ping)

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def ready(self) -> None:
        """READY=1, and the heartbeat starts when systemd asked for one (WATCHDOG_USEC)."""
        if not self.enabled:
            return
        self.send("READY=1\nSTATUS=showing the slides")
        if self.interval_ms is not None and not self.timer.isActive():
            self.timer.start(self.interval_ms)
            log.info("watchdog: READY=1 sent; WATCHDOG=1 every %d ms", self.interval_ms)

    def ping(self) -> None:
        self.send("WATCHDOG=1")

    def stopping(self) -> None:
        self.timer.stop()
        if self.enabled:
            self.send("STOPPING=1")

    def send(self, message: str) -> bool:
        """One datagram, never blocking the GUI; a failure is logged once and the kiosk goes on."""
        if self.address is None:
            return False
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
                self._socket.setblocking(False)
            self._socket.sendto(message.encode(), self.address)
        except OSError as err:
            if not self._failed:
                log.warning("watchdog: cannot notify systemd at %r: %s", self.address, err)
            self._failed = True
            return False
        self._failed = False
        return True


def start_watchdog(window: QObject) -> SystemdNotifier:
    """Call once the window is shown: READY=1 goes out from the event loop's first pass, the heartbeat
    follows, and STOPPING=1 when the application quits."""
    notifier = SystemdNotifier(window)
    if notifier.enabled:
        QTimer.singleShot(0, notifier.ready)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(notifier.stopping)
    return notifier
