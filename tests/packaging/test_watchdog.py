"""The systemd watchdog, against a datagram socket standing in for systemd's NOTIFY_SOCKET."""

from __future__ import annotations

import socket
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.services.watchdog import SystemdNotifier, notify_address, ping_interval_ms, start_watchdog

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sd_notify: Linux")


class FakeSystemd:
    """A bound datagram socket, read without blocking."""

    def __init__(self, address: str) -> None:
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(address)
        self.socket.setblocking(False)

    def messages(self) -> list[str]:
        received = []
        while True:
            try:
                received.append(self.socket.recv(4096).decode())
            except BlockingIOError:
                return received


@pytest.fixture
def systemd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSystemd]:
    path = tmp_path / "notify"
    fake = FakeSystemd(str(path))
    monkeypatch.setenv("NOTIFY_SOCKET", str(path))
    monkeypatch.setenv("WATCHDOG_USEC", "100000")  # WatchdogSec=0.1 s: a ping every 50 ms
    yield fake
    fake.socket.close()


WINDOWS: list[QWidget] = []  # the notifier is the window's child: keep the window alive as the kiosk does


def started(qtbot: QtBot) -> SystemdNotifier:
    window = QWidget()
    qtbot.addWidget(window)
    WINDOWS[:] = [window]
    window.show()
    return start_watchdog(window)


def test_ready_once_shown_then_watchdog_pings(qtbot: QtBot, systemd: FakeSystemd) -> None:
    notifier = started(qtbot)
    assert notifier.interval_ms == 50
    seen: list[str] = []

    def pinged() -> bool:
        seen.extend(systemd.messages())
        return "WATCHDOG=1" in seen

    qtbot.waitUntil(pinged, timeout=2000)
    assert seen[0].splitlines()[0] == "READY=1"
    assert seen.index("WATCHDOG=1") > 0


def test_no_ping_while_the_event_loop_is_blocked(qtbot: QtBot, systemd: FakeSystemd) -> None:
    started(qtbot)
    qtbot.waitUntil(lambda: "WATCHDOG=1" in systemd.messages(), timeout=2000)
    systemd.messages()  # drain
    time.sleep(0.4)  # the GUI thread is stuck: eight intervals without an event loop
    assert systemd.messages() == []
    qtbot.waitUntil(lambda: "WATCHDOG=1" in systemd.messages(), timeout=2000)  # and alive again after


def test_abstract_socket(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    name = f"kiosk-test-{uuid.uuid4().hex}"
    fake = FakeSystemd("\0" + name)
    monkeypatch.setenv("NOTIFY_SOCKET", "@" + name)
    monkeypatch.delenv("WATCHDOG_USEC", raising=False)
    try:
        notifier = started(qtbot)
        qtbot.waitUntil(lambda: any(m.startswith("READY=1") for m in fake.messages()), timeout=2000)
        assert notifier.interval_ms is None and not notifier.timer.isActive()  # no WatchdogSec: no pings
        notifier.stopping()
        assert fake.messages() == ["STOPPING=1"]
    finally:
        fake.socket.close()


def test_without_notify_socket_it_does_nothing(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    notifier = started(qtbot)
    assert not notifier.enabled and notifier.interval_ms is None
    notifier.ready()
    assert not notifier.timer.isActive()
    assert notifier.send("WATCHDOG=1") is False


def test_a_vanished_socket_is_logged_not_fatal(qtbot: QtBot, tmp_path: Path) -> None:
    notifier = SystemdNotifier(environ={"NOTIFY_SOCKET": str(tmp_path / "gone"), "WATCHDOG_USEC": "30000000"})
    notifier.ready()
    assert notifier.interval_ms == 15000 and notifier.timer.isActive()
    assert notifier.send("WATCHDOG=1") is False
    notifier.stopping()


@pytest.mark.parametrize(
    ("value", "address"),
    [
        ("/run/systemd/notify", "/run/systemd/notify"),
        ("@abstract", "\0abstract"),
        ("", None),
        ("vsock:2:9", None),
    ],
)
def test_notify_address(value: str, address: str | None) -> None:
    assert notify_address(value) == address


@pytest.mark.parametrize(
    ("usec", "ms"), [("30000000", 15000), ("1000", 1), ("0", None), ("x", None), ("", None)]
)
def test_ping_interval_is_half_of_watchdog_sec(usec: str, ms: int | None) -> None:
    assert ping_interval_ms(usec) == ms
