"""The content model: plain dataclasses, no Qt. The UI receives these and never reads files itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

SOURCE_LANGUAGE = "nl"
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "tr": "Türkçe", "ar": "العربية", "pl": "Polski"}


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content folder, precise enough for a technician to fix it."""

    file: str
    message: str
    line: int | None = None
    field: str | None = None
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        # A file name that is not UTF-8 on disk arrives with surrogate escapes, which a UTF-8 terminal or log
        # file refuses to print: keep it as text that prints, with those characters escaped.
        readable = self.file.encode("utf-8", "backslashreplace").decode("utf-8")
        object.__setattr__(self, "file", readable)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = f" [{self.field}]" if self.field else ""
        return f"{where}:{what} {self.severity.value}: {self.message}"


# Text in every language the content carries, keyed by language code ("nl", "en", ...).
Localized = dict[str, str]


def pick(text: Localized, lang: str) -> str:
    """The text in `lang`, falling back to the source language so a visitor never sees a gap."""
    return text.get(lang) or text.get(SOURCE_LANGUAGE) or next(iter(text.values()), "")


@dataclass(frozen=True)
class SignsPart:
    """The warning-signs flow that a `signs` slide opens: cards, advice and a gentle disclaimer."""

    signs: tuple[Localized, ...]
    sign_illustrations: tuple[Path | None, ...]
    advice: tuple[Localized, ...]
    not_a_diagnosis: Localized


@dataclass(frozen=True)
class Slide:
    id: str
    kind: str  # "article" or "signs"
    duration_s: float
    title: Localized
    body: Localized  # Markdown
    illustration: Path | None
    source: Path
    shown_from: dt.date | None = None
    shown_until: dt.date | None = None
    signs: SignsPart | None = None
    hidden: bool = False

    def is_shown_on(self, day: dt.date) -> bool:
        return (self.shown_from is None or self.shown_from <= day) and (
            self.shown_until is None or day <= self.shown_until
        )


@dataclass(frozen=True)
class Clinic:
    name: str
    offer: Localized
    phone: str
    email: str
    website: str
    hours: Localized


@dataclass(frozen=True)
class QrTarget:
    """What the contact QR code carries: a web address, or a contact card for the phone's address book."""

    kind: str  # "url" or "vcard"
    url: str
    campaign: str = ""
    allowed_hosts: tuple[str, ...] = ()  # set at installation: the hosts url and the website may be on

    def web_address(self) -> str:
        if not self.campaign or not self.url:
            return self.url
        joiner = "&" if "?" in self.url else "?"
        return f"{self.url}{joiner}utm_source={self.campaign}"


@dataclass(frozen=True)
class UrgentHelp:
    text: Localized
    phone: str


@dataclass(frozen=True)
class PrinterSettings:
    name: str  # empty: the system's default printer
    min_interval_s: int
    max_per_day: int


@dataclass(frozen=True)
class KioskSettings:
    languages: tuple[str, ...]
    default_language: str
    idle_timeout_s: float
    transition_ms: int
    # Which screen the kiosk fills on a machine with several: its name ("HDMI-1") or its number (1 = the
    # first); None: the primary screen.
    screen: str | int | None = None


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Schedule:
    """Opening hours: outside them the kiosk shows a 'closed' notice or goes dark."""

    days: tuple[str, ...] = WEEKDAYS
    opens: dt.time | None = None  # None: open all day
    closes: dt.time | None = None
    outside_hours: str = "closed"  # or "dark"

    def is_open(self, now: dt.datetime) -> bool:
        if WEEKDAYS[now.weekday()] not in self.days:
            return False
        if self.opens is None or self.closes is None:
            return True
        return self.opens <= now.time() < self.closes


@dataclass(frozen=True)
class StaffSettings:
    pin_hash: str = ""  # empty: staff mode cannot be opened until `set-pin` has run
    session_timeout_s: float = 180


@dataclass(frozen=True)
class SlideSelection:
    """Staff's choices about the loop: an explicit order, and slides kept out of it."""

    order: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Site:
    clinic: Clinic
    qr: QrTarget
    urgent: UrgentHelp
    printer: PrinterSettings
    kiosk: KioskSettings
    schedule: Schedule = field(default_factory=Schedule)
    staff: StaffSettings = field(default_factory=StaffSettings)
    selection: SlideSelection = field(default_factory=SlideSelection)


@dataclass(frozen=True)
class Handout:
    """What the printed A4 handout says besides the signs and contact details."""

    title: Localized
    points: Localized  # Markdown list of 3–5 key points


@dataclass(frozen=True)
class Content:
    """A loaded content folder: the site's settings and the slides that passed validation, in order."""

    folder: Path
    site: Site
    slides: tuple[Slide, ...]
    problems: tuple[Problem, ...] = field(default=())
    handout: Handout | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    def loop_slides(self, day: dt.date) -> list[Slide]:
        """The slides a visitor sees today: not hidden by staff, inside their date range."""
        return [s for s in self.slides if not s.hidden and s.is_shown_on(day)]

    @property
    def signs_slide(self) -> Slide | None:
        return next((s for s in self.slides if s.signs is not None), None)
