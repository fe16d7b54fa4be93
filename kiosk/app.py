"""The one application factory: `main`, the tests, `shot` and `selftest` all build the kiosk here."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSocketNotifier
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.content import Content, Severity, load_content
from kiosk.ui import theme
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)
_SIGNAL_SOCKETS: list[socket.socket] = []


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused when one exists, as under pytest-qt), with the kiosk's fonts loaded."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("wachtkamer-kiosk")
    app.setApplicationVersion(__version__)
    theme.load_fonts()
    return app


def load_and_log(content_dir: Path) -> Content:
    content = load_content(content_dir)
    for problem in content.problems:
        level = logging.ERROR if problem.severity is Severity.ERROR else logging.WARNING
        log.log(level, "content: %s", problem)
    log.info(
        "content loaded from %s: %d slides, %d errors, %d warnings",
        content_dir,
        len(content.slides),
        len(content.errors),
        len(content.problems) - len(content.errors),
    )
    return content


def build_kiosk(content_dir: Path, windowed: bool = False, time_scale: float = 1.0) -> KioskWindow:
    """The kiosk window on a content folder; the application must exist (see create_application)."""
    return KioskWindow(load_and_log(content_dir), kiosk_mode=not windowed, time_scale=time_scale)


def run(content_dir: Path, windowed: bool) -> int:
    app = create_application()
    window = build_kiosk(content_dir, windowed)
    _quit_on_os_signals(window)
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        window.showFullScreen()
    return app.exec()


def _quit_on_os_signals(window: KioskWindow) -> None:
    """SIGTERM/SIGINT end the kiosk cleanly: Python's handler is woken through a socket Qt watches."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, window)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    def stop(signum: int, _frame: object) -> None:
        log.info("signal %d received: closing", signum)
        window.quit_cleanly()
        QCoreApplication.quit()

    notifier.activated.connect(drain)
    _SIGNAL_SOCKETS.extend((reader, writer))  # alive as long as the process
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
