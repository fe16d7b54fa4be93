"""A publisher (keys, a content folder, a repository) and a web host serving it, for the fleet tests."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.fleet.client import Update, check_for_update
from kiosk.fleet.keys import init_keys, root_file
from kiosk.fleet.publish import Published, publish_content
from tests.conftest import DEFAULT_CONTENT
from tests.fleet.server import RepoServer


@dataclass
class Publisher:
    content: Path
    repo: Path
    keys: Path

    def publish(
        self, channel: str = "stable", reason: str | None = None, now: dt.datetime | None = None
    ) -> Published:
        return publish_content(self.content, self.repo, self.keys, channel, reason, now)

    def edit_slide(self, name: str = "slides/010-welkom.nl.md", words: str = "Nieuwe zin.") -> Path:
        """Change one slide's text, as an editor would: the file stays valid."""
        path = self.content / name
        path.write_text(path.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")
        return path


@dataclass
class Kiosk:
    """One kiosk's state: the metadata it trusts (starting from the bundle's root.json) and its cache."""

    url: str
    metadata: Path
    cache: Path

    def check(self, channel: str = "stable", now: dt.datetime | None = None, timeout_s: float = 5) -> Update:
        return check_for_update(self.url, channel, self.metadata, self.cache, now=now, timeout_s=timeout_s)


@pytest.fixture
def publisher(tmp_path: Path) -> Publisher:
    content = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT, content)
    keys = tmp_path / "keys"
    init_keys(keys)
    return Publisher(content, tmp_path / "repo", keys)


@pytest.fixture
def server(publisher: Publisher) -> Iterator[RepoServer]:
    publisher.repo.mkdir()
    web = RepoServer(publisher.repo)
    yield web
    web.stop()


NewKiosk = Callable[..., Kiosk]


@pytest.fixture
def new_kiosk(tmp_path: Path, publisher: Publisher, server: RepoServer) -> NewKiosk:
    """Makes kiosks whose bundle carries the publisher's root.json as it is now (or the `root` given)."""
    made = 0

    def make(root: Path | None = None) -> Kiosk:
        nonlocal made
        made += 1
        state = tmp_path / f"kiosk{made}"
        (state / "metadata").mkdir(parents=True)
        shutil.copyfile(root or root_file(publisher.keys), state / "metadata" / "root.json")
        return Kiosk(server.url, state / "metadata", state / "cache")

    return make
