"""Loads and validates a content folder: `site.toml`, `slides/*.LL.md` and `images/`.

Every problem is collected with file, line and field; a slide with an error is left out, a broken
picture becomes a placeholder, and broken settings fall back to safe defaults, so the kiosk can
always show *something* and `validate` can always say *what* to fix.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.content import toml_text
from kiosk.content.images import image_problem
from kiosk.content.model import (
    SOURCE_LANGUAGE,
    Clinic,
    Content,
    Handout,
    KioskSettings,
    Localized,
    PrinterSettings,
    Problem,
    QrTarget,
    Severity,
    SignsPart,
    Site,
    Slide,
    UrgentHelp,
)

SITE_FILE = "site.toml"
SLIDE_FILE = re.compile(r"^(?P<id>[A-Za-z0-9_\-]+)\.(?P<lang>[a-z]{2})\.md$")
SLIDE_KINDS = ("article", "signs")
FRONT_MATTER_FENCE = "+++"
WORDS_ADVISED = 60
WORDS_MAX = 90
TITLE_MAX_CHARS = 70
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")


@dataclass
class _Fields:
    """Typed access to one parsed TOML table that records a Problem (with line) for every bad value."""

    data: dict[str, Any]
    text: str
    file: str
    problems: list[Problem]
    line_offset: int = 0
    prefix: str = ""
    used: set[str] = field(default_factory=set)

    def report(self, key: str, message: str, severity: Severity = Severity.ERROR) -> None:
        dotted = f"{self.prefix}{key}"
        line = toml_text.line_of(self.text, dotted)
        self.problems.append(
            Problem(self.file, message, None if line is None else line + self.line_offset, dotted, severity)
        )

    def _get(self, key: str) -> Any:
        self.used.add(key)
        return self.data.get(key)

    def text_value(self, key: str, default: str = "", required: bool = False, max_chars: int = 0) -> str:
        value = self._get(key)
        if value is None:
            if required:
                self.report(key, "is missing")
            return default
        if not isinstance(value, str):
            self.report(key, f"should be text in quotes, not {value!r}")
            return default
        if required and not value.strip():
            self.report(key, "is empty")
        if max_chars and len(value) > max_chars:
            self.report(key, f"is {len(value)} characters long; keep it under {max_chars}")
        return value.strip()

    def localized(self, key: str, required: bool = False) -> Localized:
        """A text given either plainly (in the source language) or as a table of languages."""
        value = self._get(key)
        if isinstance(value, str):
            return {SOURCE_LANGUAGE: value.strip()}
        if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            return {lang: text.strip() for lang, text in value.items()}
        if value is not None:
            self.report(key, 'should be text, or a table of texts per language (nl = "...")')
        elif required:
            self.report(key, "is missing")
        return {}

    def number(self, key: str, default: float, low: float, high: float) -> float:
        value = self._get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.report(key, f"should be a number, not {value!r}")
            return default
        if not low <= value <= high:
            self.report(key, f"is {value}; it must be between {low:g} and {high:g}")
            return default
        return float(value)

    def date(self, key: str) -> dt.date | None:
        value = self._get(key)
        if value is None:
            return None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        self.report(key, "should be a date like 2026-03-01 (no quotes)")
        return None

    def text_list(self, key: str) -> list[str]:
        value = self._get(key)
        if value is None:
            return []
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [v.strip() for v in value]
        self.report(key, 'should be a list of texts: ["...", "..."]')
        return []

    def table(self, key: str) -> _Fields:
        value = self._get(key)
        if value is not None and not isinstance(value, dict):
            self.report(key, "should be a table")
            value = None
        return _Fields(
            value or {}, self.text, self.file, self.problems, self.line_offset, f"{self.prefix}{key}."
        )

    def tables(self, key: str) -> list[_Fields]:
        value = self._get(key)
        if value is None:
            return []
        if not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
            self.report(key, f"should be a list of [[{key}]] tables")
            return []
        return [
            _Fields(v, self.text, self.file, self.problems, self.line_offset, f"{self.prefix}{key}.")
            for v in value
        ]

    def warn_unknown(self, known: tuple[str, ...] = ()) -> None:
        for key in self.data:
            if key not in self.used and key not in known:
                self.report(key, "is not a setting the kiosk knows; check its spelling", Severity.WARNING)


def load_content(folder: Path) -> Content:
    """Load a content folder. Never raises for bad content: problems are listed on the result."""
    folder = Path(folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        problems.append(Problem(str(folder), "content folder does not exist"))
        return Content(folder, _load_site(folder, problems), (), tuple(problems))
    site = _load_site(folder, problems)
    slides = _load_slides(folder, site, problems)
    if not slides:
        problems.append(Problem("slides/", "no usable slides: the kiosk would show 'out of service'"))
    handout = _load_handout(folder, site, problems)
    return Content(folder, site, tuple(slides), tuple(problems), handout)


def _read_text(path: Path, name: str, problems: list[Problem]) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as err:
        problems.append(Problem(name, f"cannot be read ({err.strerror})"))
        return None
    line, message = toml_text.first_bad_byte_line(data)
    if message:
        problems.append(Problem(name, message, line))
        return None
    return data.decode("utf-8").replace("\r\n", "\n")


def _load_site(folder: Path, problems: list[Problem]) -> Site:
    path = folder / SITE_FILE
    data: dict[str, Any] = {}
    text = ""
    if not path.is_file():
        problems.append(Problem(SITE_FILE, "missing; using example settings"))
    else:
        text = _read_text(path, SITE_FILE, problems) or ""
        try:
            data = toml_text.parse(text)
        except toml_text.TomlError as err:
            problems.append(Problem(SITE_FILE, f"is not valid TOML: {err}; using example settings", err.line))
    root = _Fields(data, text, SITE_FILE, problems)
    clinic_t, qr_t, urgent_t = root.table("clinic"), root.table("qr"), root.table("urgent")
    printer_t, kiosk_t = root.table("printer"), root.table("kiosk")
    root.warn_unknown(known=("schedule", "staff"))

    clinic = Clinic(
        name=clinic_t.text_value("name", "Praktijk", required=bool(data)),
        offer=clinic_t.localized("offer"),
        phone=clinic_t.text_value("phone"),
        email=clinic_t.text_value("email"),
        website=clinic_t.text_value("website"),
        hours=clinic_t.localized("hours"),
    )
    clinic_t.warn_unknown()
    qr = _qr_target(qr_t, clinic)
    urgent = UrgentHelp(text=urgent_t.localized("text"), phone=urgent_t.text_value("phone"))
    urgent_t.warn_unknown()
    printer = PrinterSettings(
        name=printer_t.text_value("name"),
        min_interval_s=int(printer_t.number("min_interval", 60, 0, 3600)),
        max_per_day=int(printer_t.number("max_per_day", 50, 0, 10_000)),
    )
    printer_t.warn_unknown()
    kiosk = _kiosk_settings(kiosk_t)

    for key, value in (("email", clinic.email), ("website", clinic.website), ("url", qr.url)):
        if any(domain in value for domain in EXAMPLE_DOMAINS):
            table = qr_t if key == "url" else clinic_t
            table.report(key, f"is still the example ({value}); fill in the clinic's own", Severity.WARNING)
    return Site(clinic, qr, urgent, printer, kiosk)


def _qr_target(table: _Fields, clinic: Clinic) -> QrTarget:
    kind = table.text_value("kind", "url")
    if kind not in ("url", "vcard"):
        table.report("kind", f'is \'{kind}\'; use "url" or "vcard"')
        kind = "url"
    url = table.text_value("url", clinic.website)
    if (url or table.data) and kind == "url" and not re.match(r"^https?://\S+\.\S+", url):
        table.report("url", f"'{url}' is not a web address starting with https://")
    campaign = table.text_value("campaign")
    if campaign and not re.fullmatch(r"[A-Za-z0-9_\-]+", campaign):
        table.report("campaign", "may only hold letters, digits, - and _")
        campaign = ""
    table.warn_unknown()
    return QrTarget(kind, url, campaign)


def _kiosk_settings(table: _Fields) -> KioskSettings:
    languages = tuple(table.text_list("languages")) or (SOURCE_LANGUAGE,)
    for lang in languages:
        if not re.fullmatch(r"[a-z]{2}", lang):
            table.report("languages", f"'{lang}' is not a two-letter language code like \"nl\"")
    default = table.text_value("default_language", languages[0])
    if default not in languages:
        table.report("default_language", f"'{default}' is not one of the languages {list(languages)}")
        default = languages[0]
    settings = KioskSettings(
        languages=languages,
        default_language=default,
        idle_timeout_s=table.number("idle_timeout", 60, 10, 3600),
        transition_ms=int(table.number("transition_ms", 400, 0, 2000)),
    )
    table.warn_unknown()
    return settings


def _split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line where the body starts) for a file that opens with a +++ fence."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == FRONT_MATTER_FENCE:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]).strip(), index + 2
    return None


def _load_slides(folder: Path, site: Site, problems: list[Problem]) -> list[Slide]:
    slides_dir = folder / "slides"
    files: dict[str, dict[str, Path]] = {}
    for path in sorted(slides_dir.iterdir()) if slides_dir.is_dir() else []:
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
        slide = _load_slide(folder, slide_id, by_lang, site, problems)
        if slide is not None:
            slides.append(slide)
    return slides


def _parse_languages(
    by_lang: dict[str, Path], prefix: str, site: Site, problems: list[Problem], slide: bool = True
) -> tuple[dict[str, _Fields], dict[str, str]]:
    """Settings and Markdown body of one text in each of its languages, source language first."""
    parsed: dict[str, _Fields] = {}
    bodies: dict[str, str] = {}
    for lang, path in sorted(by_lang.items(), key=lambda item: item[0] != SOURCE_LANGUAGE):
        name = f"{prefix}{path.name}"
        if lang not in site.kiosk.languages:
            problems.append(
                Problem(
                    name, f"'{lang}' is not among the site's languages; not shown", severity=Severity.WARNING
                )
            )
            continue
        text = _read_text(path, name, problems)
        if text is None:
            continue
        split = _split_front_matter(text)
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
        parsed[lang] = _Fields(data, front, name, problems, line_offset=1)
        bodies[lang] = body
        if slide:
            _check_body(name, body, body_line, problems)
    return parsed, bodies


def _load_handout(folder: Path, site: Site, problems: list[Problem]) -> Handout | None:
    """The printed handout's own text (`handout.LL.md`): a title and 3–5 key points of the article."""
    by_lang = {}
    for path in sorted(folder.glob("handout.*.md")):
        found = SLIDE_FILE.match(path.name)
        if found:
            by_lang[found["lang"]] = path
    if SOURCE_LANGUAGE not in by_lang:
        problems.append(
            Problem(
                f"handout.{SOURCE_LANGUAGE}.md",
                "missing: the printed handout has no key points",
                severity=Severity.WARNING,
            )
        )
        return None
    parsed, bodies = _parse_languages(by_lang, "", site, problems, slide=False)
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
    for fields in parsed.values():
        fields.warn_unknown()
    return Handout(title=title, points=bodies)


def _load_slide(
    folder: Path, slide_id: str, by_lang: dict[str, Path], site: Site, problems: list[Problem]
) -> Slide | None:
    """One slide from its Dutch file (which holds its settings) and its translations."""
    first_new = len(problems)
    parsed, bodies = _parse_languages(by_lang, "slides/", site, problems)
    source = parsed.get(SOURCE_LANGUAGE)
    if source is None:
        return None
    kind = source.text_value("kind", "article")
    if kind not in SLIDE_KINDS:
        source.report("kind", f"unknown slide kind '{kind}'; use one of {', '.join(SLIDE_KINDS)}")
        return None
    duration = source.number("duration", 12, 3, 600)
    illustration = _illustration(folder, source, "illustration")
    shown_from, shown_until = source.date("shown_from"), source.date("shown_until")
    if shown_from and shown_until and shown_until < shown_from:
        source.report("shown_until", "is before shown_from")
    title = {
        lang: f.text_value("title", required=True, max_chars=TITLE_MAX_CHARS) for lang, f in parsed.items()
    }
    signs = _signs_part(folder, parsed) if kind == "signs" else None
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
        title=title,
        body=bodies,
        illustration=illustration,
        source=by_lang[SOURCE_LANGUAGE],
        shown_from=shown_from,
        shown_until=shown_until,
        signs=signs,
    )


def _only_picture_errors(new: list[Problem]) -> bool:
    """A broken picture alone does not drop a slide: the kiosk shows a neutral placeholder instead."""
    return all(p.severity is Severity.WARNING or (p.field or "").endswith("illustration") for p in new)


def _check_body(name: str, body: str, body_line: int, problems: list[Problem]) -> None:
    words = len(re.findall(r"\w+", body))
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


def _illustration(folder: Path, fields: _Fields, key: str) -> Path | None:
    name = fields.text_value(key)
    if not name:
        return None
    path = folder / "images" / name
    problem = image_problem(path)
    if problem:
        fields.report(key, f"{problem}; a placeholder is shown")
        return None
    return path


def _signs_part(folder: Path, parsed: dict[str, _Fields]) -> SignsPart | None:
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
