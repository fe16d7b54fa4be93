"""A small Arabic site for the right-to-left tests: the built-in content plus tests/fixtures/arabic (a slide
with a list and a quote, the signs, the contact slide, the handout and the site's own texts in Arabic), so
these tests depend on no one's translation of the real content."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import DEFAULT_CONTENT, FIXTURES

ARABIC = FIXTURES / "arabic"


def arabic_content(target: Path, default_language: str = "nl") -> Path:
    """A copy of the built-in content at `target` (which offers Arabic with its own texts of the site), with
    the fixture's Arabic slides and handout in place of the shipped ones."""
    shutil.copytree(DEFAULT_CONTENT, target)
    for source in ARABIC.rglob("*.md"):
        shutil.copy(source, target / source.relative_to(ARABIC))
    site = (target / "site.toml").read_text(encoding="utf-8")
    assert re.search(r'^languages = \[.*"ar".*\]$', site, flags=re.M), "the built-in content offers Arabic"
    site = site.replace('default_language = "nl"', f'default_language = "{default_language}"')
    (target / "site.toml").write_text(site, encoding="utf-8")
    return target
