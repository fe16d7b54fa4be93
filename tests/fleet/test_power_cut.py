"""A power cut (SIGKILL) at any step of taking a new version leaves the kiosk a whole version to show: the
old one or the new one, never a mix, never a missing slide, and the site's own settings as they were."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from kiosk.content import load_content
from kiosk.fleet.versions import Versions
from kiosk.services.fleet_sync import FleetRecords, recover_at_start
from tests.conftest import ROOT
from tests.fleet.kiosk_side import make_release, make_site

KILLS = int(os.environ.get("FLEET_POWER_CUTS", 24))
STEPS = 4  # stage, install, activate, prune: see swap_child


def test_a_swap_killed_at_any_step_leaves_a_whole_version(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    own = (site / "site.toml").read_bytes()
    releases = [make_release(tmp_path, name, f"Versie {name}") for name in ("A", "B")]
    titles = {"Versie A", "Versie B"}
    expected_files = {p.relative_to(releases[0]).as_posix() for p in releases[0].rglob("*") if p.is_file()}
    first = Versions(site)
    first.install(
        first.stage(
            {p.relative_to(releases[0]).as_posix(): p for p in releases[0].rglob("*") if p.is_file()}
        ),
        1,
    )
    first.activate(1)
    steps_seen: set[str] = set()
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.fleet.swap_child", str(site), *map(str, releases)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        for _ in range(1 + kill % (2 * STEPS)):  # cut the power at each step in turn, and later ones
            line = child.stdout.readline()
            steps_seen.add(line.split()[0])
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)

        assert recover_at_start(site, FleetRecords(tmp_path / "state")) == ""  # as at every start
        versions = Versions(site)
        current = versions.current()
        assert current is not None, f"kill {kill}: no version left"
        content = load_content(site)
        assert content.errors == [], f"kill {kill}: {content.errors}"
        welcome = next(s.title["nl"] for s in content.slides if s.id == "010-welkom")
        assert welcome in titles, f"kill {kill}: {welcome}"
        for number in versions.kept():  # the one shown, and each one a return could go to
            folder = versions.versions / str(number)
            files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
            assert files == expected_files - {"site.toml"}, f"kill {kill}: version {number} is not whole"
        assert (site / "site.toml").read_bytes() == own
        assert len(versions.kept()) <= 3
    assert steps_seen == {"stage", "install", "activate", "prune"}
