"""Swaps versions for ever, for the power-cut test: `python -m tests.fleet.swap_child SITE RELEASE...`.

Each round stages the next release, installs it, swaps it in and prunes, as the kiosk does; it says which
step it starts before each, so the test can cut the power at every step in turn.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from kiosk.fleet.versions import Versions


def main(site: Path, releases: list[Path]) -> None:
    versions = Versions(site)
    start = max(versions.kept(), default=0) + 1
    for number, release in zip(itertools.count(start), itertools.cycle(releases), strict=False):
        files = {p.relative_to(release).as_posix(): p for p in release.rglob("*") if p.is_file()}
        for step in ("stage", "install", "activate", "prune"):
            print(step, number, flush=True)
            if step == "stage":
                staging = versions.stage(files)
            elif step == "install":
                versions.install(staging, number)
            elif step == "activate":
                versions.activate(number)
            else:
                versions.prune()


if __name__ == "__main__":
    main(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
