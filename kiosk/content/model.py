"""The content model: plain dataclasses, no Qt. The UI receives these and never reads files itself."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

SOURCE_LANGUAGE = "nl"
LANGUAGE_NAMES = {
    "nl": "Nederlands",
    "en": "English",
    "tr": "Türkçe",
    "ar": "العربية",
    "pl": "Polski",
    "uk": "Українська",
}
# A language is offered to visitors when at least this share of the slides in the loop is in it; the rest
# fall back to Dutch. Fewer, and a visitor who picks it would mostly read Dutch.
MIN_TRANSLATED_SHARE = 0.5


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
class Review:
    """Where a text's facts come from and who at the clinic last checked it, as patient-information
    standards ask. `review_due` is the one that matters: past it, the text needs checking again."""

    source_title: str = ""
    source_url: str = ""
    reviewed_by: str = ""
    reviewed_on: dt.date | None = None
    review_due: dt.date | None = None  # as given, else three years after reviewed_on
    due_line: int | None = None  # where to fix it: the review_due line, else the reviewed_on line
    due_field: str = "review_due"

    def days_overdue(self, day: dt.date) -> int | None:
        """Days since the review fell due (0 on the due date itself); None while it is not yet due."""
        if self.review_due is None or day < self.review_due:
            return None
        return (day - self.review_due).days


@dataclass(frozen=True)
class Slide:
    id: str
    kind: str  # "article", "signs" or "contact" (the clinic's details and QR code, from site.toml)
    duration_s: float  # the slide's own `duration`, else the time its words take to read
    title: Localized
    body: Localized  # Markdown
    illustration: Path | None
    source: Path
    shown_from: dt.date | None = None
    shown_until: dt.date | None = None
    signs: SignsPart | None = None
    hidden: bool = False
    button: Localized = field(default_factory=dict)  # a signs slide's button label; empty: the kiosk's own
    review: Review = field(default_factory=Review)
    duration_set: bool = False  # the file sets `duration`; otherwise it follows the words
    stale: tuple[str, ...] = ()  # languages whose translation was not made from the current Dutch text

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


# The crisis line when a site gives none, or its settings cannot be read: built in, so that nothing in a
# content folder can take it off the screen. It separates the cases, because a postpartum psychosis or a
# baby in danger needs the huisarts or 112, not the suicide prevention line. In every language the kiosk
# ships; the numbers are the Dutch ones, and the Dutch names of the services are kept, explained.
URGENT_DEFAULT: Localized = {
    SOURCE_LANGUAGE: "Denk je aan zelfdoding? Bel 113 of gratis 0800-0113, dag en nacht.\n"
    "Acute zorgen om jezelf of je baby? Bel je huisarts, buiten kantoortijd de huisartsenpost.\n"
    "Is er direct levensgevaar? Bel 112.",
    "en": "Thinking about suicide? Call 113 or free 0800-0113, day and night.\n"
    "Urgent worries about yourself or your baby? Call your huisarts (GP, family doctor); outside office "
    "hours the huisartsenpost (out-of-hours GP service).\n"
    "Is a life in danger right now? Call 112.",
    "tr": "İntiharı mı düşünüyorsunuz? 113’ü ya da ücretsiz 0800-0113’ü arayın, gece gündüz.\n"
    "Kendiniz ya da bebeğiniz için acil bir endişeniz mi var? Aile hekiminizi (huisarts), mesai saatleri "
    "dışında nöbetçi aile hekimini (huisartsenpost) arayın.\n"
    "Hayati tehlike mi var? 112’yi arayın.",
    "ar": "هل تفكرين في الانتحار؟ اتصلي بـ 113 أو مجانًا بـ 0800-0113، ليلًا ونهارًا.\n"
    "هل لديكِ قلق عاجل على نفسكِ أو على طفلكِ؟ اتصلي بـ huisarts (طبيب العائلة)، وخارج أوقات العمل بـ "
    "huisartsenpost (خدمة طبيب العائلة المناوب).\n"
    "هل هناك خطر مباشر على الحياة؟ اتصلي بـ 112.",
    "pl": "Myślisz o samobójstwie? Zadzwoń pod 113 lub bezpłatnie pod 0800-0113, całą dobę.\n"
    "Pilne obawy o siebie lub dziecko? Zadzwoń do huisarts (lekarza rodzinnego), a poza godzinami pracy "
    "do huisartsenpost (dyżuru lekarzy rodzinnych).\n"
    "Bezpośrednie zagrożenie życia? Zadzwoń pod 112.",
    "uk": "Думаєте про самогубство? Телефонуйте 113 або безкоштовно 0800-0113, цілодобово.\n"
    "Гостра тривога за себе чи дитину? Телефонуйте своєму huisarts (сімейному лікарю), а поза робочими "
    "годинами — до huisartsenpost (чергової служби сімейних лікарів).\n"
    "Є пряма загроза життю? Телефонуйте 112.",
}


@dataclass(frozen=True)
class UrgentHelp:
    """The crisis line; `line()` is what every screen and the handout show."""

    text: Localized = field(default_factory=lambda: dict(URGENT_DEFAULT))
    phone: str = "0800-0113"

    def line(self, lang: str) -> str:
        """The site's crisis line in `lang`, or the built-in one: never empty."""
        return numbers_left_to_right(pick(self.text, lang).strip() or pick(URGENT_DEFAULT, lang), lang)


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
    # A small QR code of the contact details in a corner of every slide, for visitors who will not touch.
    corner_qr: bool = True
    # A slide this many days past its review date leaves the loop (the signs slide never does).
    overdue_grace_days: int = 90
    languages_line: int | None = None  # where `languages` stands in site.toml, for a problem about it
    # The screen as it hangs: its diagonal (sizes in millimetres follow from it), and its lower edge's height
    # above the floor (None: not given; controls then stay where they are).
    screen_inches: float = 24.0
    lower_edge_mm: float | None = None
    high_contrast: bool = False  # the high-contrast colours by default (a visitor can still switch)


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
class SpeechSettings:
    """`[speech]`: "Lees voor" for visitors. A waiting room is shared and the topic private: without the
    loudspeaker, speech mode first asks for headphones, and the default volume is lower."""

    enabled: bool = True
    loudspeaker: bool = True
    volume: int = 70  # 0-100; the site's default, and each new visit's
    engine: str = ""  # Qt's text-to-speech engine; empty: "speechd" on Linux, the platform's own elsewhere


@dataclass(frozen=True)
class StaffSettings:
    pin_hash: str = ""  # empty: staff mode cannot be opened until `set-pin` has run
    session_timeout_s: float = 180


@dataclass(frozen=True)
class FleetSettings:
    """`[fleet]`: signed content from a publisher (kiosk.fleet); no url: only the site's own folder."""

    url: str = ""
    channel: str = "stable"
    poll_minutes: float = 5
    root: str = "fleet-root.json"  # the publisher's trusted root.json, next to site.toml


@dataclass(frozen=True)
class MetricsSettings:
    """`[metrics]`: the kiosk's state for Prometheus; both off unless given."""

    textfile_dir: str = ""  # node_exporter's textfile collector folder
    port: int = 0  # serve /metrics on 127.0.0.1:port


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
    stats_enabled: bool = False  # [stats] enabled: anonymous counts per day (kiosk.services.counts)
    fleet: FleetSettings = field(default_factory=FleetSettings)
    metrics: MetricsSettings = field(default_factory=MetricsSettings)
    speech: SpeechSettings = field(default_factory=SpeechSettings)


@dataclass(frozen=True)
class Handout:
    """What the printed A4 handout says besides the signs and contact details."""

    title: Localized
    points: Localized  # Markdown list of 3–5 key points
    review: Review = field(default_factory=Review)
    stale: tuple[str, ...] = ()  # as Slide.stale


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
        """The slides a visitor sees today: not hidden by staff, inside their date range, and not left
        unchecked for too long past their review date (the warning signs always stay)."""
        grace = self.site.kiosk.overdue_grace_days
        return [
            s
            for s in self.slides
            if not s.hidden and s.is_shown_on(day) and (s.kind == "signs" or not _long_overdue(s, day, grace))
        ]

    def visitor_languages(self) -> tuple[str, ...]:
        """The site's languages a visitor may pick, in the site's order: Dutch (every slide has it), and
        each other language that at least MIN_TRANSLATED_SHARE of the slides in the loop carry. When none
        of the site's languages qualifies: Dutch alone, the source every slide falls back to."""
        return tuple(
            lang for lang in self.site.kiosk.languages if self.translated_share(lang) >= MIN_TRANSLATED_SHARE
        ) or (SOURCE_LANGUAGE,)

    def translated_share(self, lang: str) -> float:
        """The share of the slides staff keep in the loop that are in `lang` (1.0 for Dutch)."""
        shown = [s for s in self.slides if not s.hidden]
        if lang == SOURCE_LANGUAGE:
            return 1.0
        return sum(lang in s.title for s in shown) / len(shown) if shown else 0.0

    @property
    def signs_slide(self) -> Slide | None:
        return next((s for s in self.slides if s.signs is not None), None)


def _long_overdue(slide: Slide, day: dt.date, grace_days: int) -> bool:
    overdue = slide.review.days_overdue(day)
    return overdue is not None and overdue > grace_days


# Languages written right to left (ISO 639-1): the kiosk mirrors its layout for these.
RIGHT_TO_LEFT = frozenset({"ar", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"})
LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"  # isolates (left to right; by the first letter) and their end
_NUMBER = re.compile(r"\+?\(?\d[\d ()./-]*\d")


def is_right_to_left(lang: str) -> bool:
    return lang.lower()[:2] in RIGHT_TO_LEFT


def numbers_left_to_right(text: str, lang: str) -> str:
    """In right-to-left text, each phone number (020 123 45 67) isolated as left to right: the bidi
    algorithm would otherwise show its space-separated groups in reverse order (67 45 123 020)."""
    if not is_right_to_left(lang):
        return text
    return _NUMBER.sub(lambda found: LRI + found.group() + PDI, text)


def isolated(text: str, lang: str) -> str:
    """In right-to-left text, a line that takes the direction of its own first letter: a heading not (yet)
    translated reads "Wat kun je doen?", not "?Wat kun je doen"."""
    return FSI + text + PDI if is_right_to_left(lang) else text


def labelled_line(label: str, value: str, lang: str) -> str:
    """ "Telefoon: 020 123 45 67" for a contact detail; right to left, label and value each keep their own
    direction and the number its order."""
    return isolated(f"{label}: {isolated(numbers_left_to_right(value, lang), lang)}", lang)
