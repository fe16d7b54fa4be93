"""The one application factory: `main`, the tests, `shot` and `selftest` all build the kiosk here."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSocketNotifier, Qt
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.render import theme
from kiosk.services.clock import Clock
from kiosk.services.content_store import ContentStore
from kiosk.services.printing import HandoutPrinter
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused when one exists, as under pytest-qt), with the kiosk's fonts loaded."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("wachtkamer-kiosk")
    app.setApplicationVersion(__version__)
    # Set, not left to Qt: installing Qt's Arabic translation (kiosk.render.words) would flip the whole kiosk
    # on its own; the direction a language needs is the kiosk's decision.
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    theme.load_fonts()
    return app


def build_kiosk(
    content_dir: Path,
    windowed: bool = False,
    watch: bool = False,
    clock: Clock | None = None,
    live: bool = False,
) -> KioskWindow:
    """The kiosk window on a content folder, with its content store, the site's printer and one clock
    for every timer (a test passes a fake one); the application must exist.

    With `watch`, edits to the folder from outside are picked up (debounced) while it runs; `live` is the
    kiosk that really runs: it takes content from the publisher (`[fleet]`) and reports metrics (`[metrics]`).
    """
    clock = clock or Clock()
    if live and (Path(content_dir) / ".fleet").is_dir():  # the publisher's versions (kiosk.fleet.versions)
        from kiosk.services import fleet_sync  # here: most sites have no [fleet]

        # Before the store loads: a new version the kiosk did not survive a minute with is undone.
        fleet_sync.recover_at_start(content_dir, fleet_sync.FleetRecords(fleet_sync.fleet_state_dir()))
    store = ContentStore(content_dir, clock, watch=watch)
    printer = HandoutPrinter(store.content.site.printer, clock)
    window = KioskWindow(store, clock, printer, kiosk_mode=not windowed)
    store.setParent(window)
    printer.setParent(window)
    if live:
        _start_fleet_and_metrics(window, store, clock, printer)
    return window


def _start_fleet_and_metrics(
    window: KioskWindow, store: ContentStore, clock: Clock, printer: HandoutPrinter
) -> None:
    """`[fleet]` and `[metrics]`, each imported only when the site has it (the metrics library alone
    costs a tenth of a second)."""
    site = store.content.site
    sync = None
    if site.fleet.url:
        from kiosk.services.fleet_sync import start_fleet

        sync = start_fleet(store, clock)
        window.staff.show_fleet(sync)
    if site.metrics.textfile_dir or site.metrics.port:
        from kiosk.services.metrics import KioskMetrics, count_start

        KioskMetrics(site.metrics, clock, printer, sync, count_start(), parent=window)


def dispose(window: KioskWindow) -> None:
    """Close and delete a kiosk built for a one-off job (`shot`, `selftest`): its timers stop with it."""
    window.quit_cleanly()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# Staff quit for maintenance: the service manager is told not to restart (RestartPreventExitStatus=75).
MAINTENANCE_EXIT = 75
# Another kiosk already runs in this session; the service manager may try again later.
ALREADY_RUNNING_EXIT = 3


def run(content_dir: Path, windowed: bool) -> int:
    """Run the kiosk until the OS stops it (exit 0) or staff quit it for maintenance (MAINTENANCE_EXIT)."""
    from kiosk.content.site import load_site
    from kiosk.services.screens import choose_screen, lock_label
    from kiosk.services.single_instance import claim_single_instance, lock_path
    from kiosk.services.watchdog import start_watchdog

    app = create_application()
    screen = choose_screen(load_site(content_dir, []).kiosk.screen, say=False)  # the window says it
    instance = claim_single_instance(lock_path(lock_label(screen)))  # one kiosk per screen
    if instance is None:
        print(
            f"Another Wachtkamer kiosk is already running on screen {screen.name()}; this one stops.",
            file=sys.stderr,
        )
        return ALREADY_RUNNING_EXIT
    os_stop = _OsStopRequest(app)  # before anything slow: a SIGTERM during start-up also ends cleanly
    window = build_kiosk(content_dir, windowed, watch=True, live=True)
    os_stop.window = window
    if os_stop.requested:  # during start-up: close what was built (the slideshow's worker may be rendering)
        os_stop.close()
        return 0
    window.show_kiosk()
    start_watchdog(window)  # systemd (Type=notify): READY=1 now, WATCHDOG=1 while the GUI thread runs
    log.info("kiosk %s running", __version__)
    code = app.exec()
    instance.unlock()
    return MAINTENANCE_EXIT if window.quit_for_maintenance else code


class _OsStopRequest:
    """SIGTERM/SIGINT end the kiosk cleanly. Python runs a signal handler between any two steps of whatever
    the GUI thread is doing (halfway through writing a log line, say), so the handler only notes the signal;
    the signal also writes to a pipe that Qt's event loop watches, and the closing happens there, as an
    ordinary event."""

    def __init__(self, app: QApplication) -> None:
        self.signum: int | None = None
        self._closing = False
        self.window: KioskWindow | None = None
        self._reader, self._writer = os.pipe()
        os.set_blocking(self._reader, False)
        os.set_blocking(self._writer, False)
        signal.set_wakeup_fd(self._writer)
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, app)
        self._notifier.activated.connect(self._drain)
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)

    @property
    def requested(self) -> bool:
        return self.signum is not None

    def _stop(self, signum: int, _frame: object) -> None:
        self.signum = signum  # nothing more here: see the class's docstring

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            os.read(self._reader, 64)
        if self.requested:
            self.close()

    def close(self) -> None:
        """On the event loop (or before it started): close the window, its worker and the application."""
        if self._closing:
            return
        self._closing = True
        log.info("signal %d received: closing", self.signum)
        if self.window is not None:
            self.window.quit_cleanly()
        QCoreApplication.quit()
