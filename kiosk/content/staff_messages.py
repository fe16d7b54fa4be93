"""What staff read about a content problem: plain Dutch that names the field by its on-screen label and says
what to do. File names, lines and the validator's own words are kept apart as details for a technician.

This is the ONE table from validator problems to staff messages. A problem is matched by the kind of its
message (a regular expression), and the field is named from its dotted key, so a new check on a known kind
of value ("should be a date", "is missing") reads well without a new row. A problem no rule matches gets a
generic Dutch sentence and `mapped = False`; tests/content/test_staff_messages.py fails on those, so a new
kind of check comes with its Dutch here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.content.model import SOURCE_LANGUAGE, Problem

ASK_ADMIN = "Vraag de beheerder van de kiosk om hulp."

# Dutch names of the languages, as staff read them in a sentence (the language buttons use each language's
# own name).
LANGUAGES_NL = {
    "nl": "Nederlands",
    "en": "Engels",
    "tr": "Turks",
    "ar": "Arabisch",
    "pl": "Pools",
    "uk": "Oekraïens",
}

# Settings in site.toml: the tab and the label staff see on screen. Keys not on a staff screen say what they
# are in words a receptionist knows.
SITE_LABELS = {
    "clinic.name": "Contact › Naam",
    "clinic.offer": "Contact › Wat we bieden",
    "clinic.phone": "Contact › Telefoon",
    "clinic.email": "Contact › E-mail",
    "clinic.website": "Contact › Website",
    "clinic.hours": "Contact › Openingstijden praktijk",
    "clinic": "Contact",
    "qr.kind": "Contact › QR-code opent",
    "qr.url": "Contact › QR-adres",
    "qr.campaign": "Contact › Campagnecode",
    "qr": "Contact › QR-code",
    "urgent.text": "Contact › Spoedlijn: tekst",
    "urgent.phone": "Contact › Spoedlijn: telefoon",
    "urgent": "Contact › Spoedlijn",
    "printer.name": "Kiosk › Printer",
    "printer.min_interval": "Kiosk › Eén folder per",
    "printer.max_per_day": "Kiosk › Folders per dag",
    "printer": "Kiosk › Printer",
    "kiosk.idle_timeout": "Kiosk › Terug naar de dia's na",
    "kiosk.languages": "Kiosk › Talen",
    "kiosk.default_language": "Kiosk › Standaardtaal",
    "kiosk.transition_ms": "De overgang tussen dia's",
    "kiosk.screen": "De keuze van het beeldscherm",
    "kiosk": "Kiosk",
    "schedule.days": "Kiosk › Scherm aan op",
    "schedule.opens": "Kiosk › Scherm aan/uit",
    "schedule.closes": "Kiosk › Scherm aan/uit",
    "schedule.outside_hours": "Kiosk › Als het scherm uit is",
    "schedule": "Kiosk › Scherm aan/uit",
    "staff.pin_hash": "De pincode van de medewerkersmodus",
    "staff.session_timeout": "De tijd waarna de medewerkersmodus sluit",
    "staff": "De medewerkersmodus",
    "slides.order": "Dia's › volgorde",
    "slides.hidden": "Dia's › Tonen in de lus",
    "slides": "Dia's",
    "fleet.url": "Het adres voor nieuwe inhoud van de uitgever",
    "fleet.channel": "Het kanaal voor nieuwe inhoud",
    "fleet.poll_minutes": "Hoe vaak de kiosk naar nieuwe inhoud kijkt",
    "fleet.root": "Het sleutelbestand voor nieuwe inhoud",
    "fleet": "Nieuwe inhoud van de uitgever",
    "metrics.textfile_dir": "De map voor de bewaking van de kiosk",
    "metrics.port": "De poort voor de bewaking van de kiosk",
    "metrics": "De bewaking van de kiosk",
    "speech.enabled": "Voorlezen voor bezoekers",
    "speech.loudspeaker": "Voorlezen via de luidspreker",
    "speech.volume": "Het standaardvolume van het voorlezen",
    "speech.engine": "De spraakmotor van het voorlezen",
    "speech": "Voorlezen",
}

# Settings of one slide (or of the handout), as labelled on the Dia's tab.
SLIDE_LABELS = {
    "title": "Titel",
    "body": "Tekst",
    "duration": "Duur",
    "illustration": "Plaatje",
    "shown_from": "Alleen tonen tussen deze data",
    "shown_until": "Alleen tonen tussen deze data",
    "kind": "Soort dia",
    "sign.text": "Signalen",
    "sign.illustration": "Plaatje bij een signaal",
    "sign": "Signalen",
    "advice": "Adviezen",
    "not_a_diagnosis": "Geen diagnose",
    "source": "Bron",
    "reviewed_by": "Gecontroleerd door",
    "reviewed_on": "Gecontroleerd op",
    "review_due": "Opnieuw controleren vóór",
}

_PICTURE_FIX = "Er staat nu een vervangend plaatje. Kies bij {label} een ander plaatje."
_FILE_BROKEN = "Dit bestand is beschadigd en wordt niet gebruikt. " + ASK_ADMIN

# (message pattern, Dutch). Patterns are searched in order; named groups fill the template, with {label}
# the field's on-screen label (or the file's, for a problem about a whole file).
RULES: tuple[tuple[str, str], ...] = (
    # -- any value ------------------------------------------------------------------------------
    (r"^is missing$", "{label} is niet ingevuld. Vul het in."),
    (r"^is empty$", "{label} is leeg. Vul het in."),
    (
        r"^is (?P<n>\d+) characters long; keep it under (?P<max>\d+)$",
        "{label} is te lang ({n} tekens). Maak het korter dan {max} tekens.",
    ),
    (r"^should be text", "{label} moet gewone tekst zijn. Vul het opnieuw in."),
    (r"^should be a number", "{label} moet een getal zijn. Vul een getal in."),
    (
        r"^is .*; it must be between (?P<low>\S+) and (?P<high>\S+)$",
        "{label} moet tussen {low} en {high} liggen. Kies een waarde daartussen.",
    ),
    (r"^should be a date", "{label} moet een datum zijn, zoals 1-3-2026. Kies een datum."),
    (r"^should be a list", "{label} is op een verkeerde manier ingevuld. " + ASK_ADMIN),
    (r"^should be a table", "{label} is op een verkeerde manier ingevuld. " + ASK_ADMIN),
    (r"^is not a setting the kiosk knows", "Een instelling die de kiosk niet kent; ze wordt overgeslagen."),
    (r"^is '.*'; use ", "{label} heeft een waarde die de kiosk niet kent. Kies een van de mogelijkheden."),
    (r"^unknown slide kind", "{label} heeft een waarde die de kiosk niet kent. " + ASK_ADMIN),
    (r"^is still the example", "{label} is nog het voorbeeld. Vul de gegevens van uw eigen praktijk in."),
    (r"^should be true or false", "{label} moet aan of uit staan. " + ASK_ADMIN),
    # -- reading pace, sources and reviews (health information) ---------------------------------
    (
        r"^(?P<value>\S+) seconds is short for (?P<n>\d+) words.*; leave it out to get (?P<max>\S+) seconds",
        "{label}: {value} seconden is kort om {n} woorden rustig te lezen. Maak de duur langer, "
        "of laat de kiosk hem kiezen ({max} seconden).",
    ),
    (
        r"^is missing, and so is its review",
        "Bij deze tekst staat nog niet waar de informatie vandaan komt en wie hem heeft gecontroleerd. "
        + ASK_ADMIN,
    ),
    (r"^is missing: name the evidence", "{label} ontbreekt: waar komt deze informatie vandaan? " + ASK_ADMIN),
    (r"^is missing: the title of the evidence", "{label} ontbreekt: de titel van de bron. " + ASK_ADMIN),
    (
        r"^is not filled in: the name and role of who at the clinic checked",
        "{label} is nog niet ingevuld: wie in de praktijk heeft deze tekst gecontroleerd (naam en functie), "
        "en wanneer? " + ASK_ADMIN,
    ),
    (r"^is missing: the date of that check", "{label} ontbreekt: de datum van de controle. " + ASK_ADMIN),
    (r"^is not after reviewed_on$", "{label} moet na de datum van de controle liggen. " + ASK_ADMIN),
    (
        r"^was due for review on (?P<value>\S+):.*it stays shown",
        "Deze tekst had op {value} opnieuw gecontroleerd moeten worden. Hij blijft te zien, want bezoekers "
        "hebben hem nodig. Laat hem zo snel mogelijk controleren.",
    ),
    (
        r"^was due for review on (?P<value>\S+):.*it has left the loop",
        "Deze tekst had op {value} opnieuw gecontroleerd moeten worden en staat daarom niet meer in de lus. "
        "Laat hem controleren; daarna komt hij terug.",
    ),
    (
        r"^was due for review on (?P<value>\S+):",
        "Deze tekst had op {value} opnieuw gecontroleerd moeten worden. Laat hem controleren, anders "
        "verdwijnt hij binnenkort uit de lus.",
    ),
    (
        r"^is due for review on (?P<value>\S+), in (?P<n>\d+) days",
        "Deze tekst moet op {value} opnieuw gecontroleerd worden (over {n} dagen). Plan de controle.",
    ),
    # -- who may change what (already written in Dutch by the check) ---------------------------
    (
        r"^(?P<value>Het adres .* ligt (niet )?op (een toegestane|een andere) website.*)$",
        "{label}: {value}",
    ),
    (
        r"^is een pincode van vóór de regel van minstens 6 cijfers",
        "{label} is nog van vóór de regel van minstens 6 cijfers. Vraag de beheerder om een nieuwe pincode "
        "van 6 cijfers in te stellen.",
    ),
    # -- the crisis line -------------------------------------------------------------------------
    (
        r"^is empty; the kiosk shows its built-in crisis line",
        "{label} is leeg; de kiosk toont de vaste tekst met 113, de huisarts en 112.",
    ),
    (
        r"^\((?P<value>\w+)\) does not mention .*; the crisis line",
        "{label} ({value}) mist een nummer. Zet erin: bij gedachten aan zelfdoding 113, "
        "bij levensgevaar 112.",
    ),
    # -- the settings (site.toml) ---------------------------------------------------------------
    (
        r"^missing; using example settings$",
        "De instellingen van de kiosk ontbreken; de kiosk gebruikt voorbeeldinstellingen. " + ASK_ADMIN,
    ),
    (
        r"^is not valid TOML",
        "De instellingen van de kiosk zijn beschadigd; de kiosk gebruikt voorbeeldinstellingen. " + ASK_ADMIN,
    ),
    (
        r"is not a file next to site.toml; without the publisher's root.json",
        "{label} ontbreekt; de kiosk haalt geen nieuwe inhoud op en toont wat hij heeft. " + ASK_ADMIN,
    ),
    (r"is not a full folder path like", "{label} klopt niet. " + ASK_ADMIN),
    (r"^no staff PIN is set", "Er is nog geen pincode voor de medewerkersmodus. " + ASK_ADMIN),
    (r"^'(?P<value>.*)' is not a day", "{label}: '{value}' is geen dag. Kies de dagen met de vakjes."),
    (r"^is not after opens$", "{label}: het scherm moet later uit gaan dan het aan gaat. Pas de tijden aan."),
    (r"^'(?P<value>.*)' is not a time", "{label}: '{value}' is geen tijd. Gebruik een tijd zoals 08:30."),
    (
        r"^'(?P<value>.*)' is not a web address",
        "{label}: '{value}' is geen webadres. Begin het adres met https://, zoals https://www.praktijk.nl.",
    ),
    (r"^may only hold letters, digits", "{label} mag alleen letters, cijfers, - en _ bevatten. Pas het aan."),
    (
        r"^'(?P<value>.*)' is not a two-letter language code",
        "{label}: '{value}' is geen taal. Kies de talen met de vakjes.",
    ),
    (
        r"^'(?P<value>.*)' is not one of the languages",
        "{label} moet een van de gekozen talen zijn. Kies er een uit de lijst.",
    ),
    (r"screen name like|a screen's number", "{label} klopt niet. " + ASK_ADMIN),
    (r"is not the name of a text-to-speech engine", "{label} klopt niet. " + ASK_ADMIN),
    (
        r"^slide '(?P<value>.*)' does not exist",
        "{label}: de dia '{value}' bestaat niet (meer); ze wordt overgeslagen. Sla de volgorde opnieuw op.",
    ),
    # -- the folder and its files ---------------------------------------------------------------
    (r"^content folder does not exist$", "De map met de inhoud van de kiosk is niet gevonden. " + ASK_ADMIN),
    (
        r"^no usable slides",
        "Er is geen dia die getoond kan worden; de kiosk meldt 'buiten gebruik'. "
        "Zet bij Dia's een dia aan. Lukt dat niet? " + ASK_ADMIN,
    ),
    (
        r"outside the content folder; the kiosk only reads",
        "Dit bestand staat buiten de map met de inhoud en wordt niet gelezen. " + ASK_ADMIN,
    ),
    (
        r"^ignored: slide files are named like",
        "Een bestand tussen de dia's heeft een naam die de kiosk niet kent; het wordt overgeslagen.",
    ),
    (
        r"^missing: every slide needs its Dutch text",
        "De Nederlandse tekst van deze dia ontbreekt; de dia wordt niet getoond. " + ASK_ADMIN,
    ),
    (
        r"^'(?P<value>.*)' is not among the site's languages",
        "Deze vertaling wordt niet getoond: de kiosk biedt die taal niet aan. "
        "Zet de taal aan bij Kiosk › Talen als u haar wilt tonen.",
    ),
    (r"^must start with a \+\+\+ line", _FILE_BROKEN),
    (r"^settings between the \+\+\+ lines are not valid", _FILE_BROKEN),
    (r"^has no settings block", _FILE_BROKEN),
    (r"^not UTF-8", _FILE_BROKEN),
    (r"^cannot be read", "Dit bestand kan niet worden gelezen en wordt niet gebruikt. " + ASK_ADMIN),
    (r"^is not an ordinary file", "Dit is geen gewoon bestand en wordt niet gelezen. " + ASK_ADMIN),
    (r"; a slide or settings file is at most", "Dit bestand is te groot en wordt niet gelezen. " + ASK_ADMIN),
    (r"^missing: the printed handout", "Er staan geen kernpunten in. " + ASK_ADMIN),
    (
        r"^has (?P<n>\d+) key points",
        "Er staan {n} kernpunten in; op één bladzijde passen er 3 tot 5. " + ASK_ADMIN,
    ),
    (r"^has no text below the settings$", "{label} is leeg. Vul de tekst van de dia in."),
    (
        r"^text is (?P<n>\d+) words, too long.*at most (?P<max>\d+)",
        "{label} is te lang ({n} woorden; hooguit {max}). Verdeel de tekst over twee dia's.",
    ),
    (
        r"^text is (?P<n>\d+) words; aim for at most (?P<max>\d+)",
        "{label} is lang ({n} woorden). Houd het bij {max} woorden, dan is het op twee meter te lezen.",
    ),
    (
        r"^HTML tags are shown",
        "{label} bevat codes tussen < en >; die komen letterlijk op het scherm. Haal ze weg.",
    ),
    (
        r"^pictures in the text are not shown",
        "{label}: een plaatje in de tekst wordt niet getoond. Kies het bij Plaatje.",
    ),
    (r"^is before shown_from$", "{label}: de einddatum ligt vóór de begindatum. Pas de data aan."),
    (r"^a signs slide needs", "{label} ontbreken op deze dia. " + ASK_ADMIN),
    # -- translations ----------------------------------------------------------------------------
    (
        r"^the Dutch text changed after this translation was made",
        "De Nederlandse tekst is veranderd nadat deze vertaling is gemaakt; bezoekers lezen nog de oude "
        "vertaling. Laat de vertaling bijwerken. " + ASK_ADMIN,
    ),
    (
        r"^does not record which Dutch text it was translated from",
        "Bij deze vertaling staat niet van welke Nederlandse tekst ze is gemaakt. Laat de vertaling "
        "nakijken. " + ASK_ADMIN,
    ),
    (
        r"^missing: visitors who chose '.*' see this slide in Dutch",
        "Deze vertaling ontbreekt: wie deze taal kiest, ziet deze dia in het Nederlands.",
    ),
    (
        r"^missing: visitors who chose '.*' get the handout in Dutch",
        "Deze vertaling ontbreekt: wie deze taal kiest, krijgt de folder in het Nederlands.",
    ),
    (
        r"^'(?P<value>.*)' is not offered to visitors: (?P<n>\d+) of (?P<m>\d+) slides",
        "{label}: de taal '{value}' wordt bezoekers niet aangeboden, want maar {n} van de {m} dia's zijn "
        "erin vertaald (minstens de helft is nodig). " + ASK_ADMIN,
    ),
    (
        r"^none of the languages .* has slides in this folder",
        "{label}: geen van de gekozen talen heeft dia's; bezoekers zouden de Nederlandse dia's lezen. "
        "Zet Nederlands aan.",
    ),
    (
        r"^has (?P<n>\d+) signs; the Dutch file has (?P<m>\d+)",
        "Deze vertaling heeft {n} signalen, de Nederlandse dia {m}. " + ASK_ADMIN,
    ),
    # -- pictures (each ends "; a placeholder is shown") ----------------------------------------
    (
        r"^picture '(?P<value>.*)' does not exist",
        "{label}: het plaatje '{value}' is niet gevonden. " + _PICTURE_FIX,
    ),
    (
        r"^'(?P<value>.*)' is not an SVG, PNG or JPEG",
        "{label}: '{value}' is geen plaatje dat de kiosk kan tonen. " + _PICTURE_FIX,
    ),
    (
        r"^picture '(?P<value>.*)' is (\d|.*pixels)",
        "{label}: het plaatje '{value}' is te groot. " + _PICTURE_FIX,
    ),
    (
        r"^picture '(?P<value>.*)' (is damaged|is incomplete|is not (valid SVG|an SVG)|cannot be read)",
        "{label}: het plaatje '{value}' is beschadigd. " + _PICTURE_FIX,
    ),
    (
        r"^picture '(?P<value>.*)' (contains a DOCTYPE|refers to files)",
        "{label}: het plaatje '{value}' bevat onderdelen die de kiosk niet toestaat. " + _PICTURE_FIX,
    ),
    (
        r"^picture '(?P<value>.*)' leads outside",
        "{label}: het plaatje '{value}' staat niet in de map met plaatjes. " + _PICTURE_FIX,
    ),
    # -- saving and undoing (content/editing.py) ------------------------------------------------
    (r"^there is no save to undo$", "Er is geen opslag om ongedaan te maken."),
    (r"^kan niet worden gelezen", "Dit bestand kan niet worden gelezen; er is niets veranderd. " + ASK_ADMIN),
    (
        r"^(?P<why>De map met de inhoud is alleen-lezen|De schijf van deze computer is vol"
        r"|Het bestand is geen gewoon bestand)",
        "{why}. Er is niets veranderd. " + ASK_ADMIN,
    ),
    (r"^Opslaan lukte niet", "Opslaan lukte niet. Er is niets veranderd. " + ASK_ADMIN),
)
_COMPILED = tuple((re.compile(pattern), text) for pattern, text in RULES)
_SLIDE_FILE = re.compile(r"^slides/(?P<id>[^/]+?)\.(?P<lang>[a-z]{2})\.md$")
_HANDOUT_FILE = re.compile(r"^handout\.(?P<lang>[a-z]{2})\.md$")


@dataclass(frozen=True)
class StaffMessage:
    text: str  # plain Dutch for staff: where (by on-screen label), what is wrong, what to do
    details: str  # for a technician: file, line, field and the validator's words
    mapped: bool  # False: no rule knew this problem and a generic sentence stands in


def staff_message(problem: Problem, slide_titles: Mapping[str, str] | None = None) -> StaffMessage:
    """`problem` for staff; `slide_titles` (slide id -> Dutch title) names a slide the way staff know it."""
    where, label = _where_and_label(problem, slide_titles or {})
    message = problem.message.removesuffix("; a placeholder is shown")
    for pattern, template in _COMPILED:
        found = pattern.search(message)
        if found:
            text = template.format(label=label, **found.groupdict())
            return StaffMessage(_join(where, text), str(problem), True)
    generic = f"{label}: hier klopt iets niet. " + ASK_ADMIN
    return StaffMessage(_join(where, generic), str(problem), False)


def staff_text(
    problems: tuple[Problem, ...] | list[Problem], slide_titles: Mapping[str, str] | None = None
) -> str:
    return "\n".join(staff_message(p, slide_titles).text for p in problems)


def _where_and_label(problem: Problem, titles: Mapping[str, str]) -> tuple[str, str]:
    """Which slide or file the problem is in (empty for the settings), and the field's label."""
    slide = _SLIDE_FILE.match(problem.file)
    handout = _HANDOUT_FILE.match(problem.file)
    if slide or handout:
        found = slide or handout
        assert found is not None
        language = found["lang"]
        if slide:
            title = titles.get(slide["id"])
            where = f"Dia '{title}'" if title else f"Dia {slide['id'].split('-')[0]}"
        else:
            where = "De folder om mee te geven"
        if language != SOURCE_LANGUAGE:
            where += f" ({LANGUAGES_NL.get(language, 'vertaling')})"
        return where, _label(problem.field, SLIDE_LABELS, "Een instelling") if problem.field else "Deze dia"
    if problem.field:
        return "", _label(problem.field, SITE_LABELS, "Een instelling van de kiosk")
    return "", "Dit bestand"


def _label(dotted: str, labels: Mapping[str, str], unknown: str) -> str:
    """The label of `dotted` or of the nearest table it is in (`clinic.hours.nl` -> `clinic.hours`)."""
    parts = dotted.split(".")
    while parts:
        label = labels.get(".".join(parts))
        if label:
            return label
        parts.pop()
    return unknown


def _join(where: str, text: str) -> str:
    return f"{where}: {text}" if where else text
