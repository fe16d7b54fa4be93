"""packaging/linux/install.sh into a scratch root (--root: no apt; the user made in that root), and units."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux installer")
INSTALL = ROOT / "packaging" / "linux" / "install.sh"
UNITS = ROOT / "packaging" / "linux"


def fake_bundle(folder: Path, selftest_passes: bool = True, site: str = "Kliniek") -> Path:
    """Shaped like dist/kiosk; its `kiosk selftest` passes or fails on demand."""
    content = folder / "_internal" / "resources" / "content"
    content.mkdir(parents=True)
    (content / "site.toml").write_text(f'[clinic]\nname = "{site}"\n', encoding="utf-8")
    (folder / "kiosk").write_text(f'#!/bin/sh\necho "kiosk $*"\nexit {0 if selftest_passes else 1}\n')
    (folder / "kiosk").chmod(0o755)
    return folder


def install(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(INSTALL), *map(str, args)], capture_output=True, text=True)


def test_installs_the_folder_the_content_and_the_unit(tmp_path: Path) -> None:
    root = tmp_path / "root"
    done = install(fake_bundle(tmp_path / "kiosk"), "--root", root)
    assert done.returncode == 0, done.stderr
    assert (root / "opt/wachtkamer-kiosk/kiosk").is_file()
    assert "Kliniek" in (root / "var/lib/wachtkamer-kiosk/content/site.toml").read_text()
    unit = (root / "etc/systemd/system/wachtkamer-kiosk.service").read_text()
    assert unit == (UNITS / "wachtkamer-kiosk.service").read_text()
    assert "kiosk selftest --content" in done.stderr
    assert_enabled(root)
    if os.geteuid() == 0:  # CI: the kiosk user is made in the scratch root's own database, once
        assert install(fake_bundle(tmp_path / "again"), "--root", root).returncode == 0
        users = [line.split(":") for line in (root / "etc/passwd").read_text().splitlines()]
        (kiosk,) = [u for u in users if u[0] == "kiosk"]
        assert kiosk[5:] == ["/var/lib/wachtkamer-kiosk", "/usr/sbin/nologin"]
        assert any(g.split(":")[0] == "kiosk" for g in (root / "etc/group").read_text().splitlines())
        content = root / "var/lib/wachtkamer-kiosk/content"
        assert (content / "site.toml").stat().st_uid == int(kiosk[2])  # staff mode can save


def test_an_update_keeps_the_sites_content_unless_asked(tmp_path: Path) -> None:
    root = tmp_path / "root"
    assert install(fake_bundle(tmp_path / "v1"), "--root", root).returncode == 0
    site = root / "var/lib/wachtkamer-kiosk/content/site.toml"
    site.write_text('[clinic]\nname = "Saved by staff"\n')
    with tarfile.open(tmp_path / "kiosk-x-0.2.0-linux-x86_64.tar.gz", "w:gz") as tar:
        tar.add(fake_bundle(tmp_path / "v2", site="Nieuw"), arcname="kiosk")
    archive = tmp_path / "kiosk-x-0.2.0-linux-x86_64.tar.gz"
    assert install(archive, "--root", root, "--session", "x11").returncode == 0
    assert "Saved by staff" in site.read_text()
    assert "xset s off -dpms s noblank" in (root / "etc/systemd/system/wachtkamer-kiosk.service").read_text()
    assert install(archive, "--root", root, "--replace-content").returncode == 0
    assert "Nieuw" in site.read_text()
    assert [p.name for p in site.parent.parent.glob("content.bak-*")]


def test_a_failing_selftest_changes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "root"
    assert install(fake_bundle(tmp_path / "good"), "--root", root).returncode == 0
    done = install(fake_bundle(tmp_path / "bad", selftest_passes=False, site="Kapot"), "--root", root)
    assert done.returncode != 0 and "selftest failed" in done.stderr
    assert "Kliniek" in (root / "var/lib/wachtkamer-kiosk/content/site.toml").read_text()
    assert not (root / "opt/wachtkamer-kiosk.new").exists()


def test_not_a_bundle_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = install(tmp_path / "empty", "--root", tmp_path / "root")
    assert done.returncode != 0 and "not a kiosk bundle" in done.stderr


def test_the_built_folder_installs_and_passes_its_selftest(bundle_dir: Path, tmp_path: Path) -> None:
    """The real thing: ldd finds every library, and the frozen kiosk's selftest passes from /opt."""
    root = tmp_path / "root"
    env = {**os.environ, "KIOSK_LOG_DIR": str(tmp_path / "logs")}
    done = subprocess.run(
        ["bash", str(INSTALL), str(bundle_dir), "--root", str(root)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (root / "opt/wachtkamer-kiosk/_internal/resources/content/site.toml").is_file()
    assert_enabled(root)
    for session in ("cage", "x11"):
        assert (
            subprocess.run(
                ["bash", str(INSTALL), str(bundle_dir), "--root", str(root), "--session", session],
                capture_output=True,
                env=env,
            ).returncode
            == 0
        )
        assert_unit_verifies(root)


def assert_enabled(root: Path) -> None:
    """Enabled: graphical.target wants the unit (what `systemctl enable` links), pointing at it."""
    link = root / "etc/systemd/system/graphical.target.wants/wachtkamer-kiosk.service"
    assert link.is_symlink() and os.readlink(link) == "/etc/systemd/system/wachtkamer-kiosk.service"


def assert_unit_verifies(root: Path) -> None:
    """`systemd-analyze verify` (no booted systemd needed with --man=no) on the installed unit, its program
    paths pointed into the scratch root: the syntax, every key, and that each command is executable here."""
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.fail("systemd-analyze (Debian package systemd) is needed to check the units", pytrace=False)
    unit = (root / "etc/systemd/system/wachtkamer-kiosk.service").read_text()
    check = root / "check" / "wachtkamer-kiosk.service"
    check.parent.mkdir(exist_ok=True)
    check.write_text(unit.replace("/opt/wachtkamer-kiosk/", f"{root}/opt/wachtkamer-kiosk/"))
    done = subprocess.run(
        [tool, "verify", "--man=no", "--recursive-errors=no", str(check)], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr


@pytest.mark.parametrize("name", ["wachtkamer-kiosk.service", "wachtkamer-kiosk-x11.service"])
def test_the_units_restart_and_watch_the_kiosk(name: str) -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(UNITS / name)
    service = unit["Service"]
    assert service["Type"] == "notify" and service["NotifyAccess"] == "all"
    assert service["WatchdogSec"] == "30"
    assert service["Restart"] == "always" and service["RestartSec"] == "5"
    assert service["User"] == "kiosk"
    assert "/opt/wachtkamer-kiosk/kiosk --content /var/lib/wachtkamer-kiosk/content" in service["ExecStart"]
    assert unit["Install"]["WantedBy"] == "graphical.target"


def test_the_installer_scripts_parse() -> None:
    assert subprocess.run(["bash", "-n", str(INSTALL)]).returncode == 0
    if shutil.which("shellcheck"):
        assert subprocess.run(["shellcheck", str(INSTALL)]).returncode == 0
