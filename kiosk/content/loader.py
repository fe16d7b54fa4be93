"""Loads and validates a content folder: `site.toml`, `slides/*.LL.md` and `images/`.

Every problem is collected with file, line and field; a slide with an error is left out, a broken
picture becomes a placeholder, and broken settings fall back to safe defaults, so the kiosk can
always show *something* and `validate` can always say *what* to fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from kiosk.content import toml_text
from kiosk.content.digest import sha256
from kiosk.content.fields import Fields, read_text
from kiosk.content.files import OUTSIDE_FOLDER, Overlay, inside_folder, listed
from kiosk.content.images import image_problem
from kiosk.content.model import (
    LANGUAGE_NAMES,
    SOURCE_LANGUAGE,
    Content,
    Handout,
    Localized,
    Problem,
    Review,
    Severity,
    SignsPart,
    Site,
    Slide,
)
from kiosk.content.review import is_review_field, read_review
from kiosk.content.site import load_site

SLIDE_FILE = re.compile(r"^(?P<id>[A-Za-z0-9_\-]+)\.(?P<lang>[a-z]{2})\.md$")
SLIDE_KINDS = ("article", "signs", "contact")
FRONT_MATTER_FENCE = "+++"
WORDS_ADVISED = 60
WORDS_MAX = 90
TITLE_MAX_CHARS = 70
BUTTON_MAX_CHARS = 40
# Reading pace: a tired or non-native reader needs about half a second a word (120 words a minute); a set
# duration under 0.35 s a word (170 a minute) is warned about. A contact slide stands long enough to take
# a phone out of a bag and scan its code.
SECONDS_PER_WORD = 0.5
MIN_SECONDS_PER_WORD = 0.35
MIN_DURATION_S = 8.0
CONTACT_MIN_DURATION_S = 15.0
# A translated file records the version of its Dutch source it was made from (see source_hash).
TRANSLATED_FROM = "translated_from"
TRANSLATED_KEYS = ("title", "button", "not_a_diagnosis", "advice")
STAMP_COMMAND = "python -m kiosk translations --stamp FILE"


def load_content(folder: Path, overlay: Overlay | None = None) -> Content:
    """Load a content folder. Never raises for bad content: problems are listed on the result.

    With `overlay`, some files read as the change being checked would leave them (nothing is written).
    """
    folder = Path(folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        problems.append(Problem(str(folder), "content folder does not exist"))
        return Content(folder, load_site(folder, problems), (), tuple(problems))
    site = load_site(folder, problems, overlay)
    slides = _load_slides(folder, site, problems, overlay)
    if not slides:
        problems.append(Problem("slides/", "no usable slides: the kiosk would show 'out of service'"))
    handout = _load_handout(folder, site, problems, overlay)
    content = Content(folder, site, tuple(slides), tuple(problems), handout)
    return replace(content, problems=(*problems, *_language_problems(content)))


def source_hash(data: Mapping[str, Any], body: str) -> str:
    """The version of a Dutch file that a translation records in `translated_from`: the SHA-256 of the
    texts a translation carries (title, button, advice, not-a-diagnosis line, the signs' texts, the body),
    each with its runs of white space made one space. Settings that are not translated (review, source,
    pictures, duration, dates) are left out, so a review or a new picture does not stale a translation."""
    cards = data.get("sign")
    parts = [(key, data.get(key)) for key in TRANSLATED_KEYS]
    for card in cards if isinstance(cards, list) else []:
        parts.append(("sign", card.get("text") if isinstance(card, dict) else card))
    parts.append(("body", body))
    text = "\n".join(f"{key}: {_flat(value)}" for key, value in parts)
    return sha256(text.encode("utf-8")).hexdigest()


def _flat(value: object) -> str:
    """A value as one line of text, whatever TOML made of it (a table or list nested in a table, too)."""
    if isinstance(value, list):
        return " | ".join(_flat(item) for item in value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flat(item)}" for key, item in sorted(value.items())) + "}"
    if isinstance(value, int) and not isinstance(value, bool):
        return hex(value)  # TOML's integers have no limit; Python refuses decimal text past 4300 digits
    return "" if value is None else " ".join(str(value).split())


def _language_problems(content: Content) -> list[Problem]:
    """What a visitor who picks a language would miss: the slides and handout that fall back to Dutch,
    a language left out of the picker for want of slides, and a `languages` setting that leaves none."""
    kiosk = content.site.kiosk
    offered = content.visitor_languages()
    if not content.slides:
        return []  # "no usable slides" says it already
    if not set(offered) & set(kiosk.languages):
        return [
            Problem(
                "site.toml",
                f"none of the languages {list(kiosk.languages)} has slides in this folder; visitors would "
                f'read the Dutch slides: add "{SOURCE_LANGUAGE}" to languages, or the translations',
                kiosk.languages_line,
                "kiosk.languages",
            )
        ]
    problems = []
    shown = sum(not s.hidden for s in content.slides)
    for lang in kiosk.languages:
        if lang not in offered:
            count = round(content.translated_share(lang) * shown)
            problems.append(
                Problem(
                    "site.toml",
                    f"'{lang}' is not offered to visitors: {count} of {shown} slides are in that language "
                    "(at least half must be)",
                    kiosk.languages_line,
                    "kiosk.languages",
                    Severity.WARNING,
                )
            )
    for lang in offered:
        for slide in content.slides:
            if lang not in slide.title:
                problems.append(
                    Problem(
                        f"slides/{slide.id}.{lang}.md",
                        f"missing: visitors who chose '{lang}' see this slide in Dutch",
                        severity=Severity.WARNING,
                    )
                )
        if content.handout is not None and lang not in content.handout.title:
            problems.append(
                Problem(
                    f"handout.{lang}.md",
                    f"missing: visitors who chose '{lang}' get the handout in Dutch",
                    severity=Severity.WARNING,
                )
            )
    return problems


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line where the body starts) for a file that opens with a +++ fence."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == FRONT_MATTER_FENCE:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]).strip(), index + 2
    return None


def _load_slides(folder: Path, site: Site, problems: list[Problem], overlay: Overlay | None) -> list[Slide]:
    slides_dir = folder / "slides"
    files: dict[str, dict[str, Path]] = {}
    listed_out_ok = slides_dir.is_dir() and inside_folder(folder, slides_dir)
    if slides_dir.is_dir() and not listed_out_ok:
        problems.append(Problem("slides/", OUTSIDE_FOLDER))
    on_disk = [p.name for p in slides_dir.iterdir()] if listed_out_ok else []
    for path in (slides_dir / name for name in listed(folder, "slides", on_disk, overlay)):
        if path.name.startswith("."):
            continue  # editors' and interrupted saves' temporary files
        found = SLIDE_FILE.match(path.name)
        if not found:
            problems.append(
                Problem(
                    f"slides/{path.name}",
                    "ignored: slide files are named like 010-name.nl.md",
                    severity=Severity.WARNING,
                )
            )
            continue
        files.setdefault(found["id"], {})[found["lang"]] = path
    slides = []
    for slide_id, by_lang in files.items():
        if SOURCE_LANGUAGE not in by_lang:
            problems.append(
                Problem(
                    f"slides/{slide_id}.{SOURCE_LANGUAGE}.md",
                    "missing: every slide needs its Dutch text, the source of translations",
                )
            )
            continue
        slide = _load_slide(folder, slide_id, by_lang, site, problems, overlay)
        if slide is not None:
            slides.append(slide)
    return _apply_selection(slides, site, problems)


def _apply_selection(slides: list[Slide], site: Site, problems: list[Problem]) -> list[Slide]:
    """Staff's order first, then the rest by file name; hidden slides stay in the model, marked."""
    order, hidden = site.selection.order, set(site.selection.hidden)
    known = {s.id for s in slides}
    for slide_id in [*order, *sorted(hidden)]:
        if slide_id not in known:
            problems.append(
                Problem(
                    "site.toml",
                    f"slide '{slide_id}' does not exist (or is broken)",
                    None,
                    "slides.order" if slide_id in order else "slides.hidden",
                    Severity.WARNING,
                )
            )
    rank = {slide_id: i for i, slide_id in enumerate(order)}
    ordered = sorted(slides, key=lambda s: (rank.get(s.id, len(rank)), s.id))
    return [replace(s, hidden=s.id in hidden) for s in ordered]


def _parse_languages(
    folder: Path,
    by_lang: dict[str, Path],
    prefix: str,
    site: Site,
    problems: list[Problem],
    overlay: Overlay | None,
    slide: bool = True,
) -> tuple[dict[str, Fields], dict[str, str]]:
    """Settings and Markdown body of one text in each of its languages, source language first."""
    parsed: dict[str, Fields] = {}
    bodies: dict[str, str] = {}
    for lang, path in sorted(by_lang.items(), key=lambda item: item[0] != SOURCE_LANGUAGE):
        name = f"{prefix}{path.name}"
        if lang != SOURCE_LANGUAGE and lang not in site.kiosk.languages:  # Dutch: every slide's fallback
            if lang not in LANGUAGE_NAMES:  # one staff can tick is left out by choice: no need to say so
                problems.append(
                    Problem(
                        name,
                        f"'{lang}' is not among the site's languages; not shown",
                        severity=Severity.WARNING,
                    )
                )
            continue
        text = read_text(path, name, problems, folder, overlay)
        if text is None:
            continue
        split = split_front_matter(text)
        if split is None:
            problems.append(
                Problem(name, "must start with a +++ line, its settings, and another +++ line", 1)
            )
            continue
        front, body, body_line = split
        try:
            data = toml_text.parse(front)
        except toml_text.TomlError as err:
            line = None if err.line is None else err.line + 1
            problems.append(Problem(name, f"settings between the +++ lines are not valid TOML: {err}", line))
            continue
        parsed[lang] = Fields(data, front, name, problems, line_offset=1)
        bodies[lang] = body
        if slide:
            _check_body(name, body, body_line, problems)
    return parsed, bodies


def _stale_translations(parsed: dict[str, Fields], bodies: dict[str, str]) -> tuple[str, ...]:
    """The languages whose file records another version of the Dutch text than the current one (or none),
    each warned about at its `translated_from`: its words may no longer say what the Dutch says."""
    source = parsed.get(SOURCE_LANGUAGE)
    if source is None:
        return ()
    current = source_hash(source.data, bodies[SOURCE_LANGUAGE])
    stale = []
    for lang, fields in parsed.items():
        recorded = fields.text_value(TRANSLATED_FROM) if lang != SOURCE_LANGUAGE else current
        if recorded == current:
            continue
        stale.append(lang)
        why = (
            "the Dutch text changed after this translation was made"
            if recorded
            else "does not record which Dutch text it was translated from"
        )
        fields.report(
            TRANSLATED_FROM,
            f"{why}; have the translation checked, then record it with {STAMP_COMMAND}",
            Severity.WARNING,
        )
    return tuple(stale)


def _load_handout(
    folder: Path, site: Site, problems: list[Problem], overlay: Overlay | None
) -> Handout | None:
    """The printed handout's own text (`handout.LL.md`): a title and 3–5 key points of the article."""
    by_lang = {}
    on_disk = [p.name for p in folder.glob("handout.*.md")]
    for name in listed(folder, "", on_disk, overlay):
        found = SLIDE_FILE.match(name) if name.startswith("handout.") else None
        if found:
            by_lang[found["lang"]] = folder / name
    if SOURCE_LANGUAGE not in by_lang:
        problems.append(
            Problem(
                f"handout.{SOURCE_LANGUAGE}.md",
                "missing: the printed handout has no key points",
                severity=Severity.WARNING,
            )
        )
        return None
    parsed, bodies = _parse_languages(folder, by_lang, "", site, problems, overlay, slide=False)
    if SOURCE_LANGUAGE not in parsed:
        return None
    for lang, fields in parsed.items():
        points = len(re.findall(r"^\s*[-*] ", bodies[lang], flags=re.MULTILINE))
        if not 3 <= points <= 5:
            problems.append(
                Problem(
                    fields.file,
                    f"has {points} key points; a one-page handout wants 3 to 5",
                    None,
                    "body",
                    Severity.WARNING,
                )
            )
    title = {
        lang: f.text_value("title", required=True, max_chars=TITLE_MAX_CHARS) for lang, f in parsed.items()
    }
    review = read_review(parsed[SOURCE_LANGUAGE])
    stale = _stale_translations(parsed, bodies)
    for fields in parsed.values():
        fields.warn_unknown()
    return Handout(title=title, points=bodies, review=review, stale=stale)


def _load_slide(
    folder: Path,
    slide_id: str,
    by_lang: dict[str, Path],
    site: Site,
    problems: list[Problem],
    overlay: Overlay | None,
) -> Slide | None:
    """One slide from its Dutch file (which holds its settings) and its translations."""
    first_new = len(problems)
    parsed, bodies = _parse_languages(folder, by_lang, "slides/", site, problems, overlay)
    source = parsed.get(SOURCE_LANGUAGE)
    if source is None:
        return None
    kind = source.text_value("kind", "article")
    if kind not in SLIDE_KINDS:
        source.report("kind", f"unknown slide kind '{kind}'; use one of {', '.join(SLIDE_KINDS)}")
        return None
    illustration = _illustration(folder, source, "illustration")
    shown_from, shown_until = source.date("shown_from"), source.date("shown_until")
    if shown_from and shown_until and shown_until < shown_from:
        source.report("shown_until", "is before shown_from")
    title = {
        lang: f.text_value("title", required=True, max_chars=TITLE_MAX_CHARS) for lang, f in parsed.items()
    }
    signs = _signs_part(folder, parsed) if kind == "signs" else None
    button = (
        {lang: f.text_value("button", max_chars=BUTTON_MAX_CHARS) for lang, f in parsed.items()}
        if kind == "signs"
        else {}
    )
    duration = _duration(
        source, kind, max(count_words(title.get(lang, "") + " " + bodies[lang]) for lang in parsed)
    )
    # The contact slide shows the clinic's own details, not health information: no evidence to name.
    asks_review = kind != "contact" or any(map(is_review_field, source.data))
    review = read_review(source) if asks_review else Review()
    stale = _stale_translations(parsed, bodies)
    for fields in parsed.values():
        fields.warn_unknown()
    if kind == "article" and not bodies.get(SOURCE_LANGUAGE):
        problems.append(Problem(source.file, "has no text below the settings", None, "body"))
    if not _only_picture_errors(problems[first_new:]):
        return None
    return Slide(
        id=slide_id,
        kind=kind,
        duration_s=duration,
        duration_set="duration" in source.data,
        title=title,
        body=bodies,
        illustration=illustration,
        source=by_lang[SOURCE_LANGUAGE],
        shown_from=shown_from,
        shown_until=shown_until,
        signs=signs,
        button={lang: text for lang, text in button.items() if text},
        review=review,
        stale=stale,
    )


def count_words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _duration(source: Fields, kind: str, words: int) -> float:
    """The slide's own `duration`, or the time its words take to read; a set duration that leaves less
    than MIN_SECONDS_PER_WORD a word is warned about (it is still used: staff may mean it)."""
    floor = CONTACT_MIN_DURATION_S if kind == "contact" else MIN_DURATION_S
    reading = float(min(600, max(floor, round(words * SECONDS_PER_WORD))))
    duration = source.number("duration", reading, 3, 600)
    if "duration" in source.data and duration < words * MIN_SECONDS_PER_WORD:
        source.report(
            "duration",
            f"{duration:g} seconds is short for {words} words (under {MIN_SECONDS_PER_WORD:g} s a word); "
            f"leave it out to get {reading:g} seconds, about {SECONDS_PER_WORD:g} s a word",
            Severity.WARNING,
        )
    return duration


def _only_picture_errors(new: list[Problem]) -> bool:
    """A broken picture alone does not drop a slide: the kiosk shows a neutral placeholder instead. Nor
    does a mistyped review date: it is listed, and the text it is about stays for visitors."""
    return all(
        p.severity is Severity.WARNING or (p.field or "").endswith("illustration") or is_review_field(p.field)
        for p in new
    )


def _check_body(name: str, body: str, body_line: int, problems: list[Problem]) -> None:
    words = count_words(body)
    if words > WORDS_MAX:
        problems.append(
            Problem(
                name,
                f"text is {words} words, too long for one slide (at most {WORDS_MAX}); "
                "split it over two slides",
                body_line,
                "body",
            )
        )
    elif words > WORDS_ADVISED:
        problems.append(
            Problem(
                name,
                f"text is {words} words; aim for at most {WORDS_ADVISED} so it reads from two metres",
                body_line,
                "body",
                Severity.WARNING,
            )
        )
    if re.search(r"<\s*[a-zA-Z]", body):
        problems.append(
            Problem(
                name, "HTML tags are shown as plain text; use Markdown", body_line, "body", Severity.WARNING
            )
        )
    if re.search(r"!\[[^\]]*\]\(", body):  # the kiosk opens no file that a text names
        problems.append(
            Problem(
                name,
                "pictures in the text are not shown; give the slide an illustration instead",
                body_line,
                "body",
                Severity.WARNING,
            )
        )


def _illustration(folder: Path, fields: Fields, key: str) -> Path | None:
    name = fields.text_value(key)
    if not name:
        return None
    path = folder / "images" / name
    problem = (
        image_problem(path)
        if inside_folder(folder, path)
        else f"picture '{name}' leads outside the content folder (a link, ../ or a full path); "
        "put the picture itself in images/"
    )
    if problem:
        fields.report(key, f"{problem}; a placeholder is shown")
        return None
    return path


def _signs_part(folder: Path, parsed: dict[str, Fields]) -> SignsPart | None:
    source = parsed[SOURCE_LANGUAGE]
    cards = source.tables("sign")
    if not cards:
        source.report("sign", 'a signs slide needs [[sign]] entries with text = "..."')
        return None
    signs: list[Localized] = [{SOURCE_LANGUAGE: c.text_value("text", required=True)} for c in cards]
    pictures = tuple(_illustration(folder, card, "illustration") for card in cards)
    advice: list[Localized] = [{SOURCE_LANGUAGE: a} for a in source.text_list("advice")]
    disclaimer: Localized = {}
    for lang, fields in parsed.items():
        translated = fields.tables("sign") if lang != SOURCE_LANGUAGE else cards
        if len(translated) != len(cards):
            fields.report("sign", f"has {len(translated)} signs; the Dutch file has {len(cards)}")
        for target, card in zip(signs, translated, strict=False):
            if lang != SOURCE_LANGUAGE:
                target[lang] = card.text_value("text", required=True)
            card.warn_unknown()
        for target, text in zip(
            advice, fields.text_list("advice") if lang != SOURCE_LANGUAGE else [], strict=False
        ):
            target[lang] = text
        disclaimer[lang] = fields.text_value("not_a_diagnosis")
    return SignsPart(tuple(signs), pictures, tuple(advice), disclaimer)
