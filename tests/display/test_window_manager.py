"""The kiosk on a real X server under a real window manager: it covers the screen, and whatever the window
manager is asked to do to it (minimise, show the desktop, raise another window, Alt+Tab, Alt+F4), it is
back on top, fullscreen, within about two seconds. Offscreen Qt has no window manager, so only this shows it.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.render.theme import BACKGROUND
from tests.display.conftest import SCREEN, Display, Kiosk, spawn, start_kiosk, wait_for

BACK_WITHIN = 2.5  # seconds: the kiosk waits 1 s before pushing back (BACK_ON_TOP_MS), plus slack
BROUGHT_BACK = "bringing it back on top"
CLOSE_REFUSED = "close request ignored"


@dataclass(frozen=True)
class OnScreen:
    """What the X server and the window manager say about the kiosk's window."""

    geometry: tuple[int, int, int, int]
    mapped: bool
    fullscreen: bool
    active: bool
    on_top: bool
    showing_desktop: bool

    @property
    def covers(self) -> bool:
        return (
            self.geometry == (0, 0, *SCREEN)
            and self.mapped
            and self.fullscreen
            and self.active
            and self.on_top
            and not self.showing_desktop
        )


def on_screen(display: Display, kiosk: Kiosk) -> OnScreen:
    assert kiosk.alive(), "the kiosk exited"
    stacking = display.stacking()
    return OnScreen(
        geometry=display.geometry(kiosk.window),
        mapped=display.is_mapped(kiosk.window),
        fullscreen="_NET_WM_STATE_FULLSCREEN" in display.net_wm_state(kiosk.window),
        active=display.active_window() == kiosk.window,
        on_top=bool(stacking) and stacking[-1] == kiosk.window,
        showing_desktop="= 1" in display.run("xprop", "-root", "_NET_SHOWING_DESKTOP", check=False),
    )


def assert_back_on_top(display: Display, kiosk: Kiosk, since: float, within: float = BACK_WITHIN) -> None:
    """Polls until the kiosk covers the screen again; fails with what it saw if not within `within` s."""
    state = on_screen(display, kiosk)
    while not state.covers and time.monotonic() - since < within:
        time.sleep(0.05)
        state = on_screen(display, kiosk)
    assert state.covers, f"the kiosk is not back on top {within:g} s later: {state}"


def wm_does(display: Display, command: list[str], happened: Callable[[], bool], tries: int = 3) -> float:
    """Runs `command` until there is evidence the window manager acted on it (a key pressed while Openbox is
    still busy can go unseen); returns when it did, for the come-back deadline."""
    for _ in range(tries):
        since = time.monotonic()
        display.run(*command)
        while time.monotonic() - since < 1.0:
            if happened():
                return since
            time.sleep(0.02)
    pytest.fail(f"the window manager did not act on {' '.join(command)} ({tries} tries)")


def warm_share(shot: Path) -> float:
    """The share of the frame (sampled every 8th pixel) in the kiosk's warm background colour."""
    image = QImage(str(shot))
    assert not image.isNull(), f"cannot read {shot}"
    assert (image.width(), image.height()) == SCREEN
    warm = BACKGROUND
    hits = total = 0
    for y in range(0, image.height(), 8):
        for x in range(0, image.width(), 8):
            pixel = QColor(image.pixel(x, y))
            total += 1
            hits += (
                abs(pixel.red() - warm.red()) <= 4
                and abs(pixel.green() - warm.green()) <= 4
                and abs(pixel.blue() - warm.blue()) <= 4
            )
    return hits / total


def assert_slide_on_screen(display: Display, shot: Path, within: float = 3.0) -> None:
    """Screenshots of the whole root window show the kiosk, painted: mostly its warm background, with a
    slide on it. (A window the X server has just mapped is black until its program paints it.)"""
    since = time.monotonic()
    share = warm_share(display.screenshot(shot))
    while not 0.5 < share < 0.98 and time.monotonic() - since < within:
        time.sleep(0.05)
        share = warm_share(display.screenshot(shot))
    assert 0.5 < share < 0.98, f"{shot}: {share:.0%} of the screen is the kiosk's background"


def start_intruder(display: Display, kiosk: Kiosk, tmp_path: Path) -> tuple[subprocess.Popen[bytes], int]:
    """Another program's window (xmessage), mapped and managed by the window manager."""
    intruder = spawn(["xmessage", "-center", "Another program"], display.env, tmp_path / "xmessage.log")

    def managed() -> int | None:
        others = [w for w in display.root_windows("_NET_CLIENT_LIST") if w != kiosk.window]
        return others[0] if others and display.is_mapped(others[0]) else None

    return intruder, wait_for("the other window is mapped", managed)


def test_the_kiosk_covers_the_whole_screen(display: Display, kiosk: Kiosk, tmp_path: Path) -> None:
    assert_back_on_top(display, kiosk, since=time.monotonic(), within=10)
    assert_slide_on_screen(display, tmp_path / "kiosk.png")


def test_a_minimised_kiosk_comes_back_fullscreen(display: Display, kiosk: Kiosk, tmp_path: Path) -> None:
    assert_back_on_top(display, kiosk, since=time.monotonic(), within=10)
    for _ in range(2):
        before = kiosk.log_count(BROUGHT_BACK)
        since = wm_does(  # the window manager iconifies it; the kiosk is back at once
            display,
            ["xdotool", "windowminimize", str(kiosk.window)],
            # iconified (unmapped), or already back and saying so
            lambda: not display.is_mapped(kiosk.window) or kiosk.log_count(BROUGHT_BACK) > before,  # noqa: B023
        )
        assert_back_on_top(display, kiosk, since)
    assert_slide_on_screen(display, tmp_path / "after-minimise.png")


def test_show_desktop_does_not_leave_the_desktop_showing(
    display: Display, kiosk: Kiosk, tmp_path: Path
) -> None:
    """Super+D: Openbox unmaps every window without minimising it; raising the kiosk is not enough."""
    assert_back_on_top(display, kiosk, since=time.monotonic(), within=10)
    for _ in range(2):
        since = wm_does(display, ["xdotool", "key", "super+d"], lambda: not display.is_mapped(kiosk.window))
        assert_back_on_top(display, kiosk, since)
    assert_slide_on_screen(display, tmp_path / "after-show-desktop.png")


def test_a_window_raised_over_the_kiosk_is_pushed_back(
    display: Display, kiosk: Kiosk, tmp_path: Path
) -> None:
    assert_back_on_top(display, kiosk, since=time.monotonic(), within=10)
    intruder, window = start_intruder(display, kiosk, tmp_path)
    try:
        for how in (["xdotool", "windowactivate", str(window)], ["wmctrl", "-i", "-a", hex(window)]):
            assert_back_on_top(display, kiosk, since=time.monotonic())  # from the last round
            # raised and given the focus, as a click on it or a taskbar would
            since = wm_does(display, how, lambda: display.active_window() == window)
            assert_back_on_top(display, kiosk, since)
            assert window in display.stacking(), "the other window should still be there, under the kiosk"
        assert_slide_on_screen(display, tmp_path / "after-cover.png")
    finally:
        intruder.kill()
        intruder.wait(timeout=5)


@pytest.mark.parametrize("keys", ["alt+Tab", "alt+F4", "alt+Escape", "Escape", "ctrl+q"])
def test_keys_the_window_manager_acts_on_leave_the_kiosk_on_top(
    display: Display, kiosk: Kiosk, tmp_path: Path, keys: str
) -> None:
    """Sent through the X server (XTEST), as a keyboard would: Openbox's own bindings see them first."""
    intruder, _ = start_intruder(display, kiosk, tmp_path)  # somewhere for Alt+Tab to go
    try:
        assert_back_on_top(display, kiosk, since=time.monotonic())
        closes = kiosk.log_count(CLOSE_REFUSED)
        evidence: dict[str, Callable[[], bool]] = {
            "alt+Tab": lambda: display.active_window() != kiosk.window,  # the other window has the focus
            "alt+Escape": lambda: display.active_window() != kiosk.window,  # the kiosk lowered, unfocused
            "alt+F4": lambda: kiosk.log_count(CLOSE_REFUSED) > closes,  # Openbox asked, the kiosk said no
        }
        if keys in evidence:
            since = wm_does(display, ["xdotool", "key", keys], evidence[keys])
        else:  # keys only the kiosk sees: nothing may happen at all
            since = time.monotonic()
            display.run("xdotool", "key", keys)
        assert_back_on_top(display, kiosk, since)
        assert kiosk.alive()
    finally:
        intruder.kill()
        intruder.wait(timeout=5)


def test_without_a_window_manager_the_kiosk_still_covers_the_screen(
    bare_display: Display, kiosk_without_wm: Kiosk
) -> None:
    """No window manager at all, as in a bare X session: the kiosk must size itself to the screen."""
    since = time.monotonic()
    geometry = bare_display.geometry(kiosk_without_wm.window)
    while geometry != (0, 0, *SCREEN) and time.monotonic() - since < 2:
        time.sleep(0.05)
        geometry = bare_display.geometry(kiosk_without_wm.window)
    assert geometry == (0, 0, *SCREEN)
    assert kiosk_without_wm.log_count("skipping slide") == 0, "a slide was fitted to a size never shown"


def test_a_screen_swapped_for_another_size_is_filled_again(bare_display: Display, tmp_path: Path) -> None:
    """A monitor unplugged and another plugged in (RandR 1.5 monitors, as `xrandr --setmonitor` makes them):
    Qt loses the old screen and gains a 1280×800 one; the kiosk moves there, fills it, and lays its slides
    out for that size, then fills the full screen again when it comes back. Without a window manager, as
    the kiosk sizes itself there (Openbox does not follow RandR 1.5 monitors, so Xvfb cannot show it
    this; it follows real outputs)."""
    display, small = bare_display, (0, 0, 1280, 800)
    for kiosk in start_kiosk(display, tmp_path):

        def fills(geometry: tuple[int, int, int, int]) -> Callable[[], bool]:
            return lambda: display.geometry(kiosk.window) == geometry  # noqa: B023

        wait_for("the kiosk fills the screen", fills((0, 0, *SCREEN)))
        display.run("xrandr", "--setmonitor", "KIOSK-SMALL", "1280/338x800/211+0+0", "screen")
        wait_for("the kiosk fills the 1280×800 screen", fills(small))
        wait_for(
            "the kiosk says it fills the new screen",
            lambda: kiosk.log_count("window 1280×800, filling screen KIOSK-SMALL"),  # noqa: B023
        )
        display.run("xrandr", "--setmonitor", "KIOSK-FULL", f"{SCREEN[0]}/508x{SCREEN[1]}/286+0+0", "none")
        display.run("xrandr", "--delmonitor", "KIOSK-SMALL")
        wait_for("the kiosk fills the full screen again", fills((0, 0, *SCREEN)))
        assert kiosk.log_count("skipping slide") == 0, "a slide was skipped"
        assert kiosk.alive()
