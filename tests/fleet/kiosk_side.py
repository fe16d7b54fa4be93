"""For the kiosk side of the fleet tests: sites, published versions as plain folders, and a fake publisher
with `check_for_update`'s signature (fleet-core's TUF client is tested against a real server elsewhere)."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from pathlib import Path

from kiosk.fleet import fleet_owned
from kiosk.fleet.client import FleetError, Update
from tests.conftest import DEFAULT_CONTENT

FLEET_TOML = '\n[fleet]\nurl = "https://inhoud.voorbeeld-uitgever.nl/kiosk"\nchannel = "stable"\n'
WELCOME = "slides/010-welkom.nl.md"
TITLE_V1 = "Oxytocine en het contact met je baby"


def make_site(root: Path, name: str = "site") -> Path:
    """A clinic's folder: the default content, with `[fleet]` and the publisher's root file added."""
    folder = root / name
    shutil.copytree(DEFAULT_CONTENT, folder)
    with (folder / "site.toml").open("a", encoding="utf-8") as site:
        site.write(FLEET_TOML)
    (folder / "fleet-root.json").write_text('{"signed": {"_type": "root"}}\n', encoding="utf-8")
    return folder


def make_release(root: Path, name: str, title: str = TITLE_V1, broken: bool = False) -> Path:
    """What a publisher sends, as a plain folder: the default slides, pictures and handouts, with the
    welcome slide's title set to `title` (or its settings broken)."""
    folder = root / "releases" / name
    for path in DEFAULT_CONTENT.rglob("*"):
        relative = path.relative_to(DEFAULT_CONTENT).as_posix()
        if path.is_file() and fleet_owned(relative):
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, folder / relative)
    welcome = folder / WELCOME
    text = welcome.read_text(encoding="utf-8").replace(f'title = "{TITLE_V1}"', f'title = "{title}"')
    welcome.write_text("+++\ntitle = [\n" + text if broken else text, encoding="utf-8")
    # A file the fleet does not own, published by mistake: a kiosk never takes it.
    (folder / "site.toml").write_text('[clinic]\nname = "Overschreven"\n', encoding="utf-8")
    return folder


class FakePublisher:
    """`check_for_update` over plain folders: `publish(n, folder)` makes version n the newest; `fail`
    makes every check raise the given FleetError. Remembers on which thread each check ran."""

    def __init__(self) -> None:
        self.releases: dict[int, Path] = {}
        self.failure: FleetError | None = None
        self.threads: list[threading.Thread] = []
        self.checks = 0

    def publish(self, version: int, folder: Path) -> None:
        self.releases[version] = folder

    def __call__(
        self,
        url: str,
        channel: str,
        metadata_dir: Path,
        cache_dir: Path,
        now: dt.datetime | None = None,
        timeout_s: float = 30,
    ) -> Update:
        self.threads.append(threading.current_thread())
        self.checks += 1
        assert (metadata_dir / "root.json").is_file(), "the client must start from the site's root"
        if self.failure is not None:
            raise self.failure
        version = max(self.releases)
        folder = self.releases[version]
        files = {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}
        expires = (now or dt.datetime.now(dt.UTC)) + dt.timedelta(days=7)
        return Update(version, files, sum(p.stat().st_size for p in files.values()), expires)


def offline() -> FleetError:
    return FleetError(
        "De server van de uitgever is niet bereikbaar.",
        "connection refused by inhoud.voorbeeld-uitgever.nl",
    )
