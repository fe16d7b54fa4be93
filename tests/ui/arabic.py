"""A small Arabic site for the right-to-left tests: the built-in content plus tests/fixtures/arabic (a slide
with a list and a quote, the signs, the contact slide, the handout and the site's own texts in Arabic), so
these tests depend on no one's translation of the real content."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

from tests.conftest import DEFAULT_CONTENT, FIXTURES

ARABIC = FIXTURES / "arabic"


def arabic_content(target: Path, default_language: str = "nl") -> Path:
    """A copy of the built-in content at `target` offering Dutch and Arabic."""
    shutil.copytree(DEFAULT_CONTENT, target)
    for source in ARABIC.rglob("*.md"):
        shutil.copy(source, target / source.relative_to(ARABIC))
    texts = tomllib.loads((ARABIC / "site-ar.toml").read_text(encoding="utf-8"))
    site = (target / "site.toml").read_text(encoding="utf-8")
    site = site.replace('languages = ["nl"]', 'languages = ["nl", "ar"]')
    site = site.replace('default_language = "nl"', f'default_language = "{default_language}"')
    for key in ("offer", "hours"):
        dutch = re.search(rf"^{key} = (.*)$", site, flags=re.M)
        assert dutch is not None, key
        site = site.replace(dutch[0], f'{key}.nl = {dutch[1]}\n{key}.ar = "{texts[key]}"', 1)
    site = site.replace('text = """', f'text.ar = "{texts["urgent"]}"\ntext.nl = """', 1)
    (target / "site.toml").write_text(site, encoding="utf-8")
    return target
