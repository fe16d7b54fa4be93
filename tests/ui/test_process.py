"""The kiosk as the OS sees it: SIGTERM and SIGINT end it cleanly, also while it starts; one kiosk a session;
set-pin stores a hash, never the digits; the contact QR code as the screen shows it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage

from kiosk.__main__ import main
from kiosk.app import ALREADY_RUNNING_EXIT
from kiosk.content import load_content
from kiosk.content.qr import qr_payload
from kiosk.render.qr import qr_modules
from kiosk.services.pin import pin_matches
from kiosk.ui.window import KioskWindow
from tests.conftest import ROOT
from tests.ui.conftest import SIZES

MakeKiosk = Callable[..., KioskWindow]
STANDARD_QUIET_ZONE = 4  # modules of light margin a QR code needs around it (ISO/IEC 18004)


def start_kiosk(session: Path) -> subprocess.Popen[str]:
    """The fullscreen kiosk in its own process; `session` stands for the user's runtime and log folders."""
    env = {**os.environ, "KIOSK_LOG_DIR": str(session), "XDG_RUNTIME_DIR": str(session)}
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )


def wait_for_log(kiosk: subprocess.Popen[str], session: Path, pattern: str, times: int = 1) -> str:
    """The kiosk's log once `pattern` is in it `times` times (polled, within a deadline); it still runs."""
    log = session / "kiosk.log"
    deadline = time.monotonic() + 30
    found = re.compile(pattern)
    text = ""
    while time.monotonic() < deadline and len(found.findall(text)) < times and kiosk.poll() is None:
        time.sleep(0.005)  # polling another process's file: the kiosk's own timers are not waited on
        text = log.read_text() if log.exists() else ""
    assert len(found.findall(text)) >= times, f"no '{pattern}' in the log within 30 s:\n{text}"
    assert kiosk.poll() is None, "the kiosk stopped by itself"
    return text


def wait_until_running(kiosk: subprocess.Popen[str], session: Path, times: int = 1) -> None:
    wait_for_log(kiosk, session, r"kiosk \S+ running", times)


def assert_clean_exit(kiosk: subprocess.Popen[str], session: Path, signum: int) -> str:
    """Exit status 0 after the signal, which the log names, and nothing in log or stderr went wrong."""
    try:
        _, said = kiosk.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        kiosk.kill()
        kiosk.wait(timeout=10)
        pytest.fail(f"the kiosk was still running 10 s after signal {signum}")
    assert kiosk.returncode == 0, said
    log = (session / "kiosk.log").read_text()
    assert f"signal {signum} received: closing" in log
    for text in (log, said):
        assert not re.search(r"Traceback|ERROR|CRITICAL|Segmentation|Abort", text), text
    return log


def test_sigterm_ends_the_fullscreen_kiosk_cleanly(tmp_path: Path) -> None:
    kiosk = start_kiosk(tmp_path)
    wait_until_running(kiosk, tmp_path)
    kiosk.send_signal(signal.SIGTERM)
    assert "kiosk closing" in assert_clean_exit(kiosk, tmp_path, signal.SIGTERM)


def test_sigint_ends_the_running_kiosk_cleanly(tmp_path: Path) -> None:
    """Ctrl+C in the terminal it was started from (or `kill -INT`): no KeyboardInterrupt traceback."""
    kiosk = start_kiosk(tmp_path)
    wait_until_running(kiosk, tmp_path)
    kiosk.send_signal(signal.SIGINT)
    assert "kiosk closing" in assert_clean_exit(kiosk, tmp_path, signal.SIGINT)


def test_sigterm_during_start_up_ends_the_kiosk_cleanly_and_it_starts_again(tmp_path: Path) -> None:
    """Stopped while still building its window (systemd stopping a kiosk that is starting): exit 0."""
    tmp_path.chmod(0o700)
    kiosk = start_kiosk(tmp_path)
    wait_for_log(kiosk, tmp_path, r"content loaded from ")
    kiosk.send_signal(signal.SIGTERM)
    log = assert_clean_exit(kiosk, tmp_path, signal.SIGTERM)
    assert not re.search(r"kiosk \S+ running", log), "the signal came too late to test a start-up"
    again = start_kiosk(tmp_path)  # nothing left behind keeps the next start from running
    try:
        wait_until_running(again, tmp_path)
    finally:
        again.send_signal(signal.SIGTERM)
        assert again.wait(timeout=10) == 0


def test_sigterm_while_qt_is_still_loading_ends_it_cleanly(tmp_path: Path) -> None:
    kiosk = start_kiosk(tmp_path)
    wait_for_log(kiosk, tmp_path, r"kiosk starting")  # its first line: Python runs, Qt is not loaded yet
    kiosk.send_signal(signal.SIGTERM)
    log = assert_clean_exit(kiosk, tmp_path, signal.SIGTERM)
    assert "content loaded from" not in log, "the signal came too late to test the very start"


def test_a_second_kiosk_refuses_to_start_and_says_so(tmp_path: Path) -> None:
    tmp_path.chmod(0o700)
    first = start_kiosk(tmp_path)
    try:
        wait_until_running(first, tmp_path)
        second = start_kiosk(tmp_path)
        _, said = second.communicate(timeout=30)
        assert second.returncode == ALREADY_RUNNING_EXIT
        assert "already running" in said
        assert f"process {first.pid}" in said
        assert first.poll() is None, "the first kiosk must keep running"
    finally:
        first.kill()  # no clean exit: the lock it leaves behind is stale
        first.wait(timeout=10)
    third = start_kiosk(tmp_path)  # e.g. systemd restarting the kiosk after a crash
    try:
        wait_until_running(third, tmp_path, times=2)
    finally:
        third.send_signal(signal.SIGTERM)
        assert third.wait(timeout=10) == 0


def test_set_pin_stores_only_a_salted_hash(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["482617", "482617"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["set-pin", "--content", str(content_copy)]) == 0
    site = (content_copy / "site.toml").read_text(encoding="utf-8")
    assert "482617" not in site
    assert pin_matches("482617", load_content(content_copy).site.staff.pin_hash)


def test_set_pin_refuses_a_short_easy_or_mistyped_pin_in_dutch(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (content_copy / "site.toml").read_text(encoding="utf-8")
    for answers, why in (
        (["4826", "4826"], "Kies een pincode van 6 tot 8 cijfers."),
        (["123456", "123456"], "opeenvolgende cijfers"),
        (["010190", "010190"], "datum"),
        (["482617", "482716"], "De twee pincodes verschillen"),
    ):
        replies = iter(answers)
        monkeypatch.setattr("getpass.getpass", lambda prompt="", r=replies: next(r))
        assert main(["set-pin", "--content", str(content_copy)]) == 2
        assert why in capsys.readouterr().err
    assert (content_copy / "site.toml").read_text(encoding="utf-8") == before


def grey_rows(image: QImage) -> list[bytes]:
    """The image's rows of grey levels (0 black, 255 white), one byte a pixel."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride = bytes(grey.constBits()), grey.bytesPerLine()
    return [data[y * stride : y * stride + grey.width()] for y in range(grey.height())]


def dark_box(rows: list[bytes], area: QRect) -> QRect:
    """The smallest rectangle holding every dark pixel in `area`."""
    xs, ys = [], []
    for y in range(area.top(), area.bottom() + 1):
        dark = [x for x, level in enumerate(rows[y][area.left() : area.right() + 1]) if level < 128]
        if dark:
            xs += [area.left() + dark[0], area.left() + dark[-1]]
            ys.append(y)
    assert xs, "no code is drawn"
    return QRect(QPoint(min(xs), ys[0]), QPoint(max(xs), ys[-1]))


def symbol(modules: list[list[bool]]) -> list[list[bool]]:
    """The modules without their quiet zone: the code runs from finder pattern to finder pattern."""
    rows = [y for y, row in enumerate(modules) if any(row)]
    cols = [x for x in range(len(modules[0])) if any(row[x] for row in modules)]
    return [row[cols[0] : cols[-1] + 1] for row in modules[rows[0] : rows[-1] + 1]]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_contact_qr_on_screen_is_the_sites_code_with_a_white_four_module_quiet_zone(
    make_kiosk: MakeKiosk, size: QSize
) -> None:
    """Read from the screen's pixels, as a phone would: the modules, the quiet zone around them, the code."""
    kiosk = make_kiosk(size=size)
    kiosk.show_contact()
    shot = kiosk.grab()
    assert shot.devicePixelRatio() == 1
    screen = shot.toImage()
    grey = grey_rows(screen)
    view = kiosk.contact.qr
    code = dark_box(grey, QRect(view.mapTo(kiosk, QPoint(0, 0)), view.size()))
    # The top-left finder pattern is 7 modules wide: that gives the module size in pixels.
    finder = next(x for x in range(code.left(), code.right() + 2) if grey[code.top()][x] >= 128)
    module = (finder - code.left()) / 7
    expected = symbol(qr_modules(qr_payload(kiosk.content.site)))
    shown = round(code.width() / module)
    assert shown == len(expected), f"a code {shown} modules wide, not the site's {len(expected)}"

    # The module at each centre, against the site's payload.
    centres = [(i + 0.5) * module for i in range(len(expected))]
    rows = [grey[round(code.top() + y)] for y in centres]
    assert [[row[round(code.left() + x)] < 128 for x in centres] for row in rows] == expected

    # White on all four sides, as deep as the QR standard asks, on the screen (not just inside the widget).
    quiet = round(STANDARD_QUIET_ZONE * module)
    zone = code.adjusted(-quiet, -quiet, quiet, quiet)
    assert QRect(QPoint(0, 0), size).contains(zone), f"the quiet zone {zone} is cut off by the screen"
    sides = {
        "left": QRect(zone.left(), zone.top(), quiet, zone.height()),
        "right": QRect(code.right() + 1, zone.top(), quiet, zone.height()),
        "top": QRect(zone.left(), zone.top(), zone.width(), quiet),
        "bottom": QRect(zone.left(), code.bottom() + 1, zone.width(), quiet),
    }
    for side, band in sides.items():
        part = screen.copy(band).convertToFormat(QImage.Format.Format_RGB32)
        colours = set(memoryview(part.constBits()).cast("I"))
        assert colours == {QColor("white").rgb()}, f"the {side} quiet zone is not all white"

    # And a decoder nobody here wrote reads the site's address, at error correction M or better.
    found = [r for r in zxingcpp.read_barcodes(screen) if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert [r.text for r in found] == [qr_payload(kiosk.content.site)]
    assert found[0].ec_level in ("M", "Q", "H")
