"""Versions on disk: a swap shows a whole version, the site's own files are never written, three are kept."""

from __future__ import annotations

from pathlib import Path

from kiosk.content import load_content
from kiosk.fleet.versions import Versions
from tests.fleet.kiosk_side import TITLE_V1, WELCOME, make_release, make_site


def welcome_title(folder: Path) -> str:
    content = load_content(folder)
    assert content.errors == [], content.errors
    return next(s.title["nl"] for s in content.slides if s.id == "010-welkom")


def take(versions: Versions, number: int, release: Path) -> None:
    files = {p.relative_to(release).as_posix(): p for p in release.rglob("*") if p.is_file()}
    versions.install(versions.stage(files), number)
    versions.activate(number)


def test_each_swap_shows_the_new_version_and_leaves_the_sites_own_files_alone(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    own = {name: (site / name).read_bytes() for name in ("site.toml", "fleet-root.json")}
    versions = Versions(site)
    assert versions.current() is None
    for number, title in ((1, TITLE_V1), (2, "Tweede versie"), (3, "Derde versie")):
        take(versions, number, make_release(tmp_path, f"v{number}", title))
        assert welcome_title(site) == title
        assert versions.current() == number
        assert {name: (site / name).read_bytes() for name in own} == own  # a published site.toml not taken
    assert load_content(site).site.clinic.name != "Overschreven"


def test_the_sites_slides_and_handouts_from_before_the_first_update_are_kept_aside(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    before = (site / WELCOME).read_bytes()
    (site / "handout.de.md").write_text((site / "handout.nl.md").read_text(encoding="utf-8"), "utf-8")
    take(Versions(site), 1, make_release(tmp_path, "v1", "Van de uitgever"))
    assert (site / ".fleet" / "site-before" / WELCOME).read_bytes() == before
    assert (site / ".fleet" / "site-before" / "handout.de.md").is_file()
    assert not (site / "handout.de.md").exists()  # the publisher's handouts only


def test_three_versions_are_kept_and_a_return_goes_to_the_one_before(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    versions = Versions(site)
    for number in range(1, 6):
        take(versions, number, make_release(tmp_path, f"v{number}", f"Versie {number}"))
        versions.prune()
    assert versions.kept() == [3, 4, 5]
    assert versions.previous() == 4
    versions.activate(4)
    assert welcome_title(site) == "Versie 4"
    assert versions.previous() == 3
    versions.prune()
    assert 4 in versions.kept() and len(versions.kept()) == 3


def test_a_handout_the_new_version_drops_leaves_no_broken_link(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    versions = Versions(site)
    take(versions, 1, make_release(tmp_path, "v1"))
    release = make_release(tmp_path, "v2", "Zonder Oekraïense folder")
    (release / "handout.uk.md").unlink()
    take(versions, 2, release)
    assert not (site / "handout.uk.md").exists() and not (site / "handout.uk.md").is_symlink()
    assert welcome_title(site) == "Zonder Oekraïense folder"
    versions.activate(1)
    assert (site / "handout.uk.md").is_file()
