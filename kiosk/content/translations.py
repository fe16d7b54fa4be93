"""Which translations lag behind their Dutch source, and recording that one has caught up.

Every translated file (`010-welkom.en.md`, `handout.tr.md`) records in `translated_from` the version of
its Dutch file it was made from: `source_hash` in kiosk/content/loader.py says what is hashed. The loader
warns about each one that is stale or missing; this module sums that up for staff and the technician, and
`stamp` records the current version after a translator has updated a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kiosk.content import toml_text
from kiosk.content.editing import _write_atomically
from kiosk.content.loader import SLIDE_FILE, TRANSLATED_FROM, source_hash, split_front_matter
from kiosk.content.model import SOURCE_LANGUAGE, Content
from kiosk.content.staff_messages import LANGUAGES_NL

STALE = "stale"
MISSING = "missing"


@dataclass(frozen=True)
class Gap:
    """One translation a visitor who picks `lang` should have and does not: `missing` (the Dutch is shown
    instead) or `stale` (made from an older Dutch text, or not recording which)."""

    file: str  # relative to the content folder, like the loader's problems
    lang: str
    state: str


def translation_gaps(content: Content) -> list[Gap]:
    """The stale and missing translations in the languages offered to visitors, slide by slide."""
    gaps = []
    texts = [(f"slides/{s.id}", s.title, s.stale) for s in content.slides]
    if content.handout is not None:
        texts.append(("handout", content.handout.title, content.handout.stale))
    for lang in content.visitor_languages():
        if lang == SOURCE_LANGUAGE:
            continue
        for stem, title, stale in texts:
            state = MISSING if lang not in title else STALE if lang in stale else ""
            if state:
                gaps.append(Gap(f"{stem}.{lang}.md", lang, state))
    return gaps


def translation_status_nl(content: Content) -> str:
    """One short Dutch line for staff's status page: which languages visitors get, and what lags behind."""
    offered = [
        LANGUAGES_NL.get(lang, lang) for lang in content.visitor_languages() if lang != SOURCE_LANGUAGE
    ]
    if not offered:
        return "alleen Nederlands"
    gaps = translation_gaps(content)
    stale = sum(g.state == STALE for g in gaps)
    missing = len(gaps) - stale
    counts = [
        f"{stale} verouderd" if stale else "",
        f"{missing} {'ontbreekt' if missing == 1 else 'ontbreken'}" if missing else "",
    ]
    if not gaps:
        return f"bijgewerkt ({', '.join(offered)})"
    languages = [LANGUAGES_NL.get(lang, lang) for lang in dict.fromkeys(g.lang for g in gaps)]
    return f"{' en '.join(c for c in counts if c)} ({', '.join(languages)}); zie de meldingen"


class StampError(Exception):
    """Why a file could not be stamped, in words for the technician."""


def stamp(path: Path) -> str:
    """Record in the translated file `path` the current version of its Dutch source; returns that version.

    Run it after the translation was brought in line with the Dutch: it tells the kiosk so, nothing more.
    """
    found = SLIDE_FILE.match(path.name)
    if not found or found["lang"] == SOURCE_LANGUAGE:
        raise StampError(f"{path}: not a translated file (named like 010-welkom.en.md or handout.en.md)")
    dutch = path.with_name(f"{found['id']}.{SOURCE_LANGUAGE}.md")
    version = source_hash(*_front_and_body(dutch))
    text = _read(path)
    if split_front_matter(text) is None:
        raise StampError(f"{path}: does not start with a +++ line, its settings, and another +++ line")
    line = f'{TRANSLATED_FROM} = "{version}"'
    recorded = re.compile(rf"(?m)^{TRANSLATED_FROM}\s*=.*$")
    front_end = text.index("\n+++", text.index("+++") + 3)
    if recorded.search(text, 0, front_end):
        text = recorded.sub(line, text, count=1)
    else:  # below the opening +++ and the comments that follow it
        start = re.compile(r"\+\+\+[^\n]*\n(#[^\n]*\n)*").match(text)
        end = start.end() if start else text.index("\n") + 1
        text = f"{text[:end]}{line}\n{text[end:]}"
    _write_atomically(path, text.encode("utf-8"))
    return version


def _front_and_body(path: Path) -> tuple[dict[str, object], str]:
    split = split_front_matter(_read(path))
    if split is None:
        raise StampError(f"{path}: the Dutch source has no +++ settings block")
    try:
        return toml_text.parse(split[0]), split[1]
    except toml_text.TomlError as err:
        raise StampError(f"{path}: the Dutch source's settings are not valid TOML: {err}") from err


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as err:
        raise StampError(f"{path}: cannot be read ({err})") from err
