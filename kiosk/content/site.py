"""`site.toml`: the clinic, its contact details, QR target, urgent-help line, printer and kiosk timings."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kiosk.content import toml_text
from kiosk.content.fields import Fields, read_text
from kiosk.content.files import Overlay, in_overlay, inside_folder
from kiosk.content.model import (
    SOURCE_LANGUAGE,
    WEEKDAYS,
    Clinic,
    FleetSettings,
    KioskSettings,
    MetricsSettings,
    PrinterSettings,
    Problem,
    QrTarget,
    Schedule,
    Severity,
    Site,
    SlideSelection,
    SpeechSettings,
    StaffSettings,
    UrgentHelp,
)

SITE_FILE = "site.toml"
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
PIN_SCHEME = "scrypt6"  # hashes of PINs chosen under the six-digit rule; older ones say "scrypt"
HOST_NAME = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")


def load_site(folder: Path, problems: list[Problem], overlay: Overlay | None = None) -> Site:
    path = folder / SITE_FILE
    data: dict[str, Any] = {}
    text = ""
    changed = in_overlay(overlay, SITE_FILE)
    if changed is False or (changed is None and not path.is_file()):
        problems.append(Problem(SITE_FILE, "missing; using example settings"))
    else:
        text = read_text(path, SITE_FILE, problems, folder, overlay) or ""
        try:
            data = toml_text.parse(text)
        except toml_text.TomlError as err:
            problems.append(Problem(SITE_FILE, f"is not valid TOML: {err}; using example settings", err.line))
    root = Fields(data, text, SITE_FILE, problems)
    clinic_t, qr_t, urgent_t = root.table("clinic"), root.table("qr"), root.table("urgent")
    printer_t, kiosk_t = root.table("printer"), root.table("kiosk")
    schedule_t, staff_t, slides_t = root.table("schedule"), root.table("staff"), root.table("slides")
    stats_t, speech_t = root.table("stats"), root.table("speech")
    fleet_t, metrics_t = root.table("fleet"), root.table("metrics")
    root.warn_unknown()

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
    _check_hosts(qr, clinic, qr_t, clinic_t)
    urgent = _urgent_help(urgent_t)
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
    staff = StaffSettings(
        pin_hash=staff_t.text_value("pin_hash"),
        session_timeout_s=staff_t.number("session_timeout", 180, 30, 3600),
    )
    if data and not staff.pin_hash:
        staff_t.report(
            "pin_hash",
            "no staff PIN is set, so staff mode stays locked; run 'python -m kiosk set-pin'",
            Severity.WARNING,
        )
    elif staff.pin_hash.startswith("scrypt$"):  # still opens staff mode, but may be four or five digits
        staff_t.report(
            "pin_hash",
            "is een pincode van vóór de regel van minstens 6 cijfers: kies een pincode van 6 cijfers "
            "(python -m kiosk set-pin)",
            Severity.WARNING,
        )
    staff_t.warn_unknown()
    selection = SlideSelection(tuple(slides_t.text_list("order")), tuple(slides_t.text_list("hidden")))
    slides_t.warn_unknown()
    stats_enabled = stats_t.flag("enabled", False)
    stats_t.warn_unknown()
    return Site(
        clinic,
        qr,
        urgent,
        printer,
        kiosk,
        _schedule(schedule_t),
        staff,
        selection,
        stats_enabled,
        _fleet(fleet_t, folder, overlay),
        _metrics(metrics_t),
        _speech(speech_t),
    )


CHANNEL = re.compile(r"[A-Za-z0-9_\-]+")


def _fleet(table: Fields, folder: Path, overlay: Overlay | None) -> FleetSettings:
    """`[fleet]`: where the publisher's updates come from. Any problem turns updates off (an empty url),
    and the kiosk keeps showing the content it has."""
    if not table.data:
        table.warn_unknown()
        return FleetSettings()
    url = table.text_value("url", required=True)
    if url and not re.fullmatch(r"https?://\S+", url):
        table.report("url", f"'{url}' is not a web address starting with https://")
        url = ""
    channel = table.text_value("channel", "stable")
    if not CHANNEL.fullmatch(channel):
        table.report("channel", "may only hold letters, digits, - and _")
        url = ""
    poll = table.number("poll_minutes", 5, 1, 24 * 60)
    root = table.text_value("root", FleetSettings.root)
    path = folder / root
    if in_overlay(overlay, root) is None and url and not (inside_folder(folder, path) and path.is_file()):
        table.report(
            "root",
            f"'{root}' is not a file next to site.toml; without the publisher's root.json the kiosk "
            "takes no updates",
        )
        url = ""
    table.warn_unknown()
    return FleetSettings(url, channel, poll, root)


def _metrics(table: Fields) -> MetricsSettings:
    folder = table.text_value("textfile_dir")
    if folder and not Path(folder).is_absolute():
        table.report("textfile_dir", f"'{folder}' is not a full folder path like /var/lib/node_exporter")
        folder = ""
    port = int(table.number("port", 0, 1024, 65535))
    table.warn_unknown()
    return MetricsSettings(folder, port)


HEADPHONE_VOLUME = 40  # the default with `loudspeaker = false`: the topic is private in a shared room


def _speech(table: Fields) -> SpeechSettings:
    """`[speech]`: whether visitors may have the screen read aloud, through the loudspeaker or only
    headphones, and how loud a visit starts."""
    loudspeaker = table.flag("loudspeaker", True)
    default = SpeechSettings.volume if loudspeaker else HEADPHONE_VOLUME
    engine = table.text_value("engine", max_chars=32)
    if engine and not re.fullmatch(r"[a-z0-9_-]+", engine):
        table.report("engine", f"'{engine}' is not the name of a text-to-speech engine, like \"speechd\"")
        engine = ""
    settings = SpeechSettings(
        enabled=table.flag("enabled", True),
        loudspeaker=loudspeaker,
        volume=round(table.number("volume", default, 0, 100)),
        engine=engine,
    )
    table.warn_unknown()
    return settings


def _urgent_help(table: Fields) -> UrgentHelp:
    """The site's crisis line; the built-in one stands in when it is empty, and a text that sends nobody
    to 113 or 112 is flagged, as a visitor in danger would read it."""
    given = {lang: line for lang, line in table.localized("text").items() if line}
    urgent = UrgentHelp(text=given, phone=table.text_value("phone"))
    table.warn_unknown()
    if "text" in table.data and not urgent.text:
        table.report("text", "is empty; the kiosk shows its built-in crisis line", Severity.WARNING)
    for lang, line in urgent.text.items():
        missing = [number for number in ("113", "112") if number not in line]
        if missing:
            table.report(
                "text",
                f"({lang}) does not mention {' or '.join(missing)}; the crisis line should send people "
                "thinking of suicide to 113 and people in danger to 112",
                Severity.WARNING,
            )
    return urgent


def _schedule(table: Fields) -> Schedule:
    days = tuple(table.text_list("days")) or WEEKDAYS
    for day in days:
        if day not in WEEKDAYS:
            table.report("days", f"'{day}' is not a day; use {', '.join(WEEKDAYS)}")
    opens, closes = _time(table, "opens"), _time(table, "closes")
    if opens and closes and closes <= opens:
        table.report("closes", "is not after opens")
        opens = closes = None
    outside = table.text_value("outside_hours", "closed")
    if outside not in ("closed", "dark"):
        table.report("outside_hours", f'is \'{outside}\'; use "closed" or "dark"')
        outside = "closed"
    table.warn_unknown()
    # Not one day right (Dutch "ma", say) counts as no days given, not as a kiosk that never opens.
    return Schedule(tuple(d for d in days if d in WEEKDAYS) or WEEKDAYS, opens, closes, outside)


def _time(table: Fields, key: str) -> dt.time | None:
    text = table.text_value(key)
    if not text:
        return None
    with contextlib.suppress(ValueError):
        time = dt.time.fromisoformat(text)
        if time.tzinfo is None:  # "08:30+01:00" could not be compared with the kiosk's local clock
            return time
    table.report(key, f"'{text}' is not a time like \"08:30\"")
    return None


def _qr_target(table: Fields, clinic: Clinic) -> QrTarget:
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
    hosts = tuple(host.lower().rstrip(".") for host in table.text_list("allowed_hosts"))
    for host in hosts:
        if not HOST_NAME.fullmatch(host):
            table.report(
                "allowed_hosts", f"'{host}' is not a host name like \"example.org\" (no https://, no /)"
            )
    table.warn_unknown()
    return QrTarget(kind, url, campaign, tuple(h for h in hosts if HOST_NAME.fullmatch(h)))


def host_of(url: str) -> str | None:
    """The host a browser would open for `url`; None for anything that is not a plain http(s) address
    (a user name before the host, a backslash, a port trick), which no allowed host can match."""
    if not re.match(r"^https?://", url) or "\\" in url:
        return None
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return None
    if "@" in parts.netloc or not HOST_NAME.fullmatch(host):
        return None
    return host


def on_allowed_host(url: str, allowed: tuple[str, ...]) -> bool:
    """`url` is on one of the `allowed` hosts or on a subdomain of one (www.example.org for example.org)."""
    host = host_of(url)
    return host is not None and any(host == a or host.endswith("." + a) for a in allowed)


def linked_addresses(qr: QrTarget, clinic: Clinic) -> dict[str, str]:
    """The addresses a visitor's phone or the handout may lead to, by the field that holds them."""
    return {key: url for key, url in (("qr.url", qr.url), ("clinic.website", clinic.website)) if url}


def _check_hosts(qr: QrTarget, clinic: Clinic, qr_t: Fields, clinic_t: Fields) -> None:
    if not qr.allowed_hosts:
        return
    for key, url in linked_addresses(qr, clinic).items():
        if not on_allowed_host(url, qr.allowed_hosts):
            table, field = (qr_t, "url") if key == "qr.url" else (clinic_t, "website")
            table.report(
                field,
                f"Het adres {url} ligt niet op een toegestane website ({', '.join(qr.allowed_hosts)}). "
                "Welke websites mogen, legt de installateur vast.",
            )


def _kiosk_settings(table: Fields) -> KioskSettings:
    listed = table.text_list("languages")
    for lang in listed:
        if not re.fullmatch(r"[a-z]{2}", lang):
            table.report("languages", f"'{lang}' is not a two-letter language code like \"nl\"")
    # Bad codes left out, and each good one once: the language button would stick on a code listed twice.
    good = (lang for lang in listed if re.fullmatch(r"[a-z]{2}", lang))
    languages = tuple(dict.fromkeys(good)) or (SOURCE_LANGUAGE,)
    default = table.text_value("default_language", languages[0])
    if default not in languages:
        table.report("default_language", f"'{default}' is not one of the languages {list(languages)}")
        default = languages[0]
    settings = KioskSettings(
        languages=languages,
        default_language=default,
        idle_timeout_s=table.number("idle_timeout", 60, 10, 3600),
        transition_ms=int(table.number("transition_ms", 400, 0, 2000)),
        screen=_screen(table),
        corner_qr=table.flag("corner_qr", True),
        overdue_grace_days=int(table.number("overdue_grace_days", 90, 0, 3650)),
        languages_line=table.line("languages"),
        screen_inches=table.number("screen_inches", 24, 7, 120),
        lower_edge_mm=_lower_edge(table),
        high_contrast=table.flag("high_contrast", False),
    )
    table.warn_unknown()
    return settings


MAX_SCREENS = 16


def _lower_edge(table: Fields) -> float | None:
    """`lower_edge_mm`: the screen's lower edge above the floor; None when not given (or not a height)."""
    edge = table.number("lower_edge_mm", -1, 0, 2500)
    return edge if edge >= 0 else None


def _screen(table: Fields) -> str | int | None:
    """`screen = "HDMI-1"` (a name as the OS gives it) or `screen = 2` (a number, 1 = the first screen)."""
    value = table.data.get("screen")
    if value is None or isinstance(value, str):
        name = table.text_value("screen", max_chars=64)
        if value is not None and not re.fullmatch(r"[A-Za-z0-9_.:\-]+", name):
            table.report(
                "screen", f"'{name}' is not a screen name like \"HDMI-1\" (or give its number: 1, 2, ...)"
            )
            return None
        return name or None
    number = table.number("screen", 0, 1, MAX_SCREENS)
    if number and number != int(number):
        table.report("screen", f"is {number:g}; a screen's number is a whole number (1 = the first screen)")
        return None
    return int(number) or None
