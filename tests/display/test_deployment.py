"""The frozen kiosk (the PyInstaller folder CI builds) where kiosks really run, each checked on a screenshot:

- X with no window manager (Xvfb alone, as xinit + the kiosk) and X under Openbox: the window covers the
  whole 1920×1080 screen, a slide's text and picture are on it, and a tap (xdotool) brings the controls.
- cage, the Wayland kiosk compositor, headless (wlroots' headless backend, pixman renderer), as a normal
  user, the kiosk on Qt's wayland platform; the screenshot is grim's. Nothing can tap a Wayland client there:
  Debian 12's cage (0.1.4) offers no virtual-pointer protocol and the headless backend has no input devices.
  So the tap is checked with the kiosk as an X client of cage's Xwayland (xdotool's XTEST click).
- "dark" outside opening hours on X: DPMS asked with xset and confirmed with `xset q`; Xvfb has no DPMS
  extension, so there the kiosk must say so and paint black, and with an xset that answers as a real
  X server's does (Monitor is Off/On) the display is put to sleep and a tap wakes it.

Without a built bundle (and without KIOSK_BUNDLE_DIR) these skip; with KIOSK_BUNDLE_DIR set (CI) a missing
tool fails them.
"""

from __future__ import annotations

import datetime as dt
import os
import pwd
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.content.model import WEEKDAYS
from kiosk.render.theme import ACCENT, BACKGROUND, HALO
from tests.conftest import DEFAULT_CONTENT
from tests.display.conftest import SCREEN, Display, Kiosk, spawn, start_kiosk, wait_for

CAGE_TOOLS = {"cage": "cage", "Xwayland": "xwayland", "grim": "grim", "setpriv": "util-linux"}
CAGE_USER = "wachtkamer-test"  # cage refuses to run as root
# cage -r rotates the headless output to portrait: with a rotated output cage composites the kiosk's window
# instead of scanning its buffer out directly, which grim cannot read back on the headless backend (the
# frame comes out black). The landscape run is checked through the kiosk's own log.
CAGE_PORTRAIT = (720, 1280)
CAGE_LANDSCAPE = (1280, 720)  # wlroots' headless output; Debian's cage cannot change its mode


def share(image: QImage, colour: QColor, box: tuple[int, int, int, int] | None = None, tol: int = 4) -> float:
    """The share of pixels (every 4th) in `box` (x, y, w, h; default: all) within `tol` of `colour`."""
    x0, y0, w, h = box or (0, 0, image.width(), image.height())
    hits = total = 0
    for y in range(y0, y0 + h, 4):
        for x in range(x0, x0 + w, 4):
            pixel = QColor(image.pixel(x, y))
            total += 1
            hits += (
                abs(pixel.red() - colour.red()) <= tol
                and abs(pixel.green() - colour.green()) <= tol
                and abs(pixel.blue() - colour.blue()) <= tol
            )
    return hits / max(1, total)


def slide_problems(shot: Path, size: tuple[int, int]) -> list[str]:
    """What is wrong with a screenshot that should show one slide over the whole output."""
    image = QImage(str(shot))
    if image.isNull():
        return [f"cannot read {shot}"]
    if (image.width(), image.height()) != size:
        return [f"the screenshot is {image.width()}×{image.height()}, not {size[0]}×{size[1]}"]
    wrong = []
    black, warm, halo = share(image, QColor("black")), share(image, BACKGROUND), share(image, HALO)
    if black > 0.01:
        wrong.append(f"{black:.0%} of the output is black: the window does not cover it")
    if not 0.5 < warm < 0.98:
        wrong.append(f"{warm:.0%} of the output is the kiosk's background (a slide on it: 50–98 %)")
    if halo < 0.03:
        wrong.append(f"the picture's halo covers {halo:.1%} of the output (a slide's picture: over 3 %)")
    if share(image, QColor("#2E2A28"), tol=40) + share(image, QColor("#1E4D4A"), tol=40) < 0.003:
        wrong.append("no text in the title's or body's colour")
    return wrong


def controls_share(shot: Path) -> float:
    """The share of the bottom eighth of the screen in the accent colour of the 'Volgende ›' button."""
    image = QImage(str(shot))
    h = image.height()
    return share(image, ACCENT, (0, h - h // 8, image.width(), h // 8), tol=8)


def poll_shot(
    take: Callable[[], Path], check: Callable[[Path], list[str]], what: str, within: float = 10.0
) -> Path:
    """Screenshots until `check(shot)` returns no problems; fails with the last ones after `within` s."""
    since = time.monotonic()
    while True:
        shot = take()
        problems = check(shot)
        if not problems:
            return shot
        if time.monotonic() - since > within:
            pytest.fail(f"{what} ({shot}): {'; '.join(problems)}")
        time.sleep(0.1)


def tap_brings_controls(before: Path, tap: Callable[[], object], take: Callable[[], Path], name: str) -> None:
    """After `tap`, screenshots show more of the 'Volgende ›' button's colour than `before` did."""
    was = controls_share(before)
    tap()
    poll_shot(
        take,
        lambda shot: [] if controls_share(shot) > was + 0.01 else [f"controls {controls_share(shot):.1%}"],
        f"{name}: no 'Volgende ›' button after a tap",
    )


def x_slide_then_tap(display: Display, kiosk: Kiosk, tmp: Path, name: str) -> None:
    """The X stacks: covers the screen, a slide on it, and a tap brings the visitor's controls."""
    wait_for(
        "the kiosk's window covers the screen",
        lambda: display.geometry(kiosk.window) == (0, 0, *SCREEN),
        timeout=5,
    )
    poll_shot(
        lambda: display.screenshot(tmp / f"{name}.png"),
        lambda shot: slide_problems(shot, SCREEN),
        f"{name}: the slide is not on the whole screen",
    )
    tap_brings_controls(
        tmp / f"{name}.png",
        lambda: display.run("xdotool", "mousemove", str(SCREEN[0] // 2), str(SCREEN[1] // 2), "click", "1"),
        lambda: display.screenshot(tmp / f"{name}-tapped.png"),
        name,
    )
    assert kiosk.log_count("skipping slide") == 0, "a slide was skipped"
    assert kiosk.alive()


def test_frozen_kiosk_on_x_without_a_window_manager(
    bundle: Path, bare_display: Display, tmp_path: Path
) -> None:
    for kiosk in start_kiosk(bare_display, tmp_path, bundle=bundle):
        x_slide_then_tap(bare_display, kiosk, tmp_path, "x-no-wm")


def test_frozen_kiosk_on_x_under_openbox(bundle: Path, display: Display, tmp_path: Path) -> None:
    for kiosk in start_kiosk(display, tmp_path, bundle=bundle):
        wait_for("openbox made it fullscreen", lambda: "FULLSCREEN" in display.net_wm_state(kiosk.window))  # noqa: B023
        x_slide_then_tap(display, kiosk, tmp_path, "x-openbox")


# -- dark outside opening hours ----------------------------------------------------------------------
def closed_today_content(tmp: Path) -> Path:
    """The built-in content, open only on a day that is not today, dark outside hours."""
    content = tmp / "content"
    shutil.copytree(DEFAULT_CONTENT, content)
    other_day = WEEKDAYS[(dt.date.today().weekday() + 3) % 7]
    site = content / "site.toml"
    site.write_text(
        site.read_text() + f'\n[schedule]\ndays = ["{other_day}"]\noutside_hours = "dark"\n', encoding="utf-8"
    )
    return content


FAKE_XSET = """#!/bin/sh
# Answers as an X server with DPMS does; records every call.
echo "$*" >> "$FAKE_XSET_DIR/calls"
case "$*" in
  "dpms force off") echo off > "$FAKE_XSET_DIR/state" ;;
  "dpms force on -dpms") echo on > "$FAKE_XSET_DIR/state" ;;
  q) if [ "$(cat "$FAKE_XSET_DIR/state" 2>/dev/null)" = off ]; then echo "  Monitor is Off"; \
     else echo "  Monitor is On"; fi ;;
esac
"""


def test_dark_on_xvfb_says_it_cannot_sleep_and_paints_black(
    bundle: Path, bare_display: Display, tmp_path: Path
) -> None:
    for kiosk in start_kiosk(bare_display, tmp_path, bundle=bundle, content=closed_today_content(tmp_path)):
        missing = "does not have the dpms extension"
        wait_for("the kiosk says DPMS is missing", lambda: kiosk.log_count(missing))  # noqa: B023
        poll_shot(
            lambda: bare_display.screenshot(tmp_path / "dark-xvfb.png"),
            lambda shot: [] if share(QImage(str(shot)), QColor("black")) > 0.99 else ["not black"],
            "the dark screen is not black",
        )


def test_dark_puts_the_display_to_sleep_and_a_tap_wakes_it(
    bundle: Path, bare_display: Display, tmp_path: Path
) -> None:
    fake = tmp_path / "fake-xset"
    fake.mkdir()
    (fake / "xset").write_text(FAKE_XSET)
    (fake / "xset").chmod(0o755)
    env = {"PATH": f"{fake}:{os.environ['PATH']}", "FAKE_XSET_DIR": str(fake)}
    calls = fake / "calls"
    content = closed_today_content(tmp_path)
    for kiosk in start_kiosk(bare_display, tmp_path, bundle=bundle, content=content, extra_env=env):
        wait_for("the display is put to sleep", lambda: kiosk.log_count("display put to sleep"))  # noqa: B023
        assert calls.read_text().splitlines() == ["dpms force off", "q"]
        bare_display.run("xdotool", "mousemove", "960", "540", "click", "1")
        wait_for("a tap wakes the display", lambda: kiosk.log_count("display woken"))  # noqa: B023
        assert calls.read_text().splitlines()[2:] == ["dpms force on -dpms", "q"]
        poll_shot(  # lit, for staff: the closed notice
            lambda: bare_display.screenshot(tmp_path / "dark-tapped.png"),
            lambda shot: [] if share(QImage(str(shot)), BACKGROUND) > 0.5 else ["not the lit closed notice"],
            "after a tap the closed notice is not lit",
        )


# -- cage ------------------------------------------------------------------------------------------
def _require_cage_tools() -> None:
    missing = sorted(f"{cmd} ({pkg})" for cmd, pkg in CAGE_TOOLS.items() if shutil.which(cmd) is None)
    if missing:
        pytest.fail(f"the cage tests need {', '.join(missing)}: ./dev.sh test installs them", pytrace=False)


def _cage_user() -> pwd.struct_passwd:
    """Root's tests run cage as an unprivileged user (made once); anyone else runs it as themselves."""
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid())
    try:
        return pwd.getpwnam(CAGE_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", CAGE_USER], check=True
        )
        return pwd.getpwnam(CAGE_USER)


@pytest.fixture(scope="module")
def cage_bundle() -> Iterator[tuple[Path, pwd.struct_passwd]]:
    """The frozen kiosk copied where the cage user can read it (not under root's pytest folder)."""
    folder = frozen_bundle_or_skip()
    _require_cage_tools()
    user = _cage_user()
    place = Path(tempfile.mkdtemp(prefix="kiosk-cage-"))
    try:
        place.chmod(0o755)
        shutil.copytree(folder, place / "kiosk", symlinks=True)
        yield place / "kiosk", user
    finally:
        shutil.rmtree(place, ignore_errors=True)


def frozen_bundle_or_skip() -> Path:
    from tests.display.conftest import frozen_bundle

    folder = frozen_bundle()
    if folder is None:
        pytest.skip("no built kiosk: run `pyinstaller --noconfirm build.spec` (or set KIOSK_BUNDLE_DIR)")
    return folder


class Cage:
    def __init__(
        self, kiosk: Path, user: pwd.struct_passwd, portrait: bool, platform: str = "wayland"
    ) -> None:
        self.user = user
        self.runtime = Path(tempfile.mkdtemp(prefix="kiosk-cage-run-"))
        os.chown(self.runtime, user.pw_uid, user.pw_gid)
        self.runtime.chmod(0o700)
        self.log = self.runtime / "kiosk.log"
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(self.runtime),
            "XDG_RUNTIME_DIR": str(self.runtime),
            "WLR_BACKENDS": "headless",
            "WLR_LIBINPUT_NO_DEVICES": "1",
            "WLR_RENDERER": "pixman",
            "QT_QPA_PLATFORM": platform,
            "KIOSK_LOG_DIR": str(self.runtime),
        }
        self.process = spawn(
            [*self._as_user(), "cage", *(["-r"] if portrait else []), "--", str(kiosk / "kiosk")],
            self.env,
            self.runtime / "cage.log",
            start_new_session=True,
        )

    def _as_user(self) -> list[str]:
        if os.geteuid() != 0:
            return []
        return ["setpriv", f"--reuid={self.user.pw_uid}", f"--regid={self.user.pw_gid}", "--clear-groups"]

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def running(self) -> bool:
        if self.process.poll() is not None:
            cage_log = (self.runtime / "cage.log").read_text(errors="replace")[-2000:]
            pytest.fail(f"cage exited: {cage_log}\n{self.log_text()[-2000:]}")
        return bool(re.search(r"kiosk \S+ running", self.log_text()))

    def screenshot(self, keep: Path) -> Path:
        shot = self.runtime / "grim.png"
        env = {**self.env, "WAYLAND_DISPLAY": "wayland-0"}
        done = subprocess.run([*self._as_user(), "grim", str(shot)], env=env, capture_output=True, timeout=10)
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        shutil.copyfile(shot, keep)
        return keep

    def xwayland_display(self) -> str | None:
        """The ":N" of the Xwayland server cage started for its X clients (in cage's session), if any."""
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
                session = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[3])
            except (OSError, IndexError, ValueError):
                continue
            if session == self.process.pid and Path(command[0].decode()).name == "Xwayland":
                return command[1].decode()
        return None

    def tap(self, x: int, y: int) -> None:
        """A click through Xwayland's XTEST: it reaches X clients only, so the kiosk runs on xcb for it."""
        display = self.xwayland_display()
        assert display, "cage started no Xwayland"
        env = {"PATH": "/usr/bin:/bin", "DISPLAY": display, "HOME": str(self.runtime)}
        command = [*self._as_user(), "xdotool", "mousemove", str(x), str(y), "click", "1"]
        done = subprocess.run(command, env=env, capture_output=True, timeout=10)
        assert done.returncode == 0, done.stderr.decode(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        shutil.rmtree(self.runtime, ignore_errors=True)


@pytest.mark.parametrize("portrait", [True, False], ids=["portrait", "landscape"])
def test_frozen_kiosk_fills_cage(
    cage_bundle: tuple[Path, pwd.struct_passwd], tmp_path: Path, portrait: bool
) -> None:
    kiosk, user = cage_bundle
    cage = Cage(kiosk, user, portrait)
    size = CAGE_PORTRAIT if portrait else CAGE_LANDSCAPE
    try:
        wait_for("the kiosk runs under cage", cage.running, timeout=30)
        filling = f"window {size[0]}×{size[1]}, filling screen HEADLESS-1"
        wait_for(f"the kiosk logs '{filling}'", lambda: filling in cage.log_text(), timeout=10)
        if portrait:
            poll_shot(
                lambda: cage.screenshot(tmp_path / "cage.png"),
                lambda shot: slide_problems(shot, size),
                "under cage the slide is not on the whole output",
            )
        log = cage.log_text()
        assert "skipping slide" not in log, log
        assert "not its screen's size" not in log, log
    finally:
        cage.stop()


def test_frozen_kiosk_under_cage_takes_a_tap_through_xwayland(
    cage_bundle: tuple[Path, pwd.struct_passwd], tmp_path: Path
) -> None:
    """cage offers no way to send a Wayland client input; its Xwayland takes XTEST clicks for X clients.
    So the kiosk runs here as an X client of cage (Qt's xcb platform): it fills the output, shows a slide,
    and a tap brings the visitor's controls."""
    kiosk, user = cage_bundle
    cage = Cage(kiosk, user, portrait=True, platform="xcb")
    size = CAGE_PORTRAIT
    try:
        wait_for("the kiosk runs under cage on Xwayland", cage.running, timeout=30)
        filling = f"window {size[0]}×{size[1]}, filling screen XWAYLAND0"
        wait_for(f"the kiosk logs '{filling}'", lambda: filling in cage.log_text(), timeout=10)
        shot = poll_shot(
            lambda: cage.screenshot(tmp_path / "cage-x.png"),
            lambda shot: slide_problems(shot, size),
            "under cage (Xwayland) the slide is not on the whole output",
        )
        tap_brings_controls(
            shot,
            lambda: cage.tap(size[0] // 2, size[1] // 2),
            lambda: cage.screenshot(tmp_path / "cage-x-tapped.png"),
            "under cage (Xwayland)",
        )
        assert "skipping slide" not in cage.log_text()
    finally:
        cage.stop()
