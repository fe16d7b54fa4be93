"""The content that ships: a Dutch article as 8–12 short, illustrated slides in six languages, and example
contact details."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.content import Severity, Slide, load_content
from kiosk.content.loader import WORDS_ADVISED
from kiosk.content.model import URGENT_DEFAULT, UrgentHelp
from tests.conftest import DEFAULT_CONTENT, SITE_BREAKS, break_site

LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk")
TRANSLATIONS = LANGUAGES[1:]


@dataclass(frozen=True)
class Words:
    """What a visitor must read in one language: the spray's effect and the article's cautions beside it,
    the loop's last words, the crisis line's three cases, and the Dutch terms explained."""

    effect: str  # how the spray's effect is stated (a regular expression)
    caveats: tuple[str, ...]  # the cautions the article gives in the next breath, in lower case
    talk: str  # "praat erover"
    spray: str  # what the last slide must not be about (a regular expression)
    suicide: tuple[str, ...]  # words of the crisis line's first case, besides 113 and 0800-0113
    baby: str
    danger: str
    explained: dict[str, str]  # a Dutch term -> the words that explain it (none needed in Dutch)


WORDS = {
    "nl": Words(
        r"ontspannen|alerter|oogcontact|positieve? effect|verbeter|versterk|soepeler|aanvulling|zetje",
        (
            "geen wondermiddel",
            "niet bij iedereen",
            "medische begeleiding",
            "niet standaard",
            "onderzoek nodig",
        ),
        "praat erover",
        r"oxytocine|neusspray|zetje",
        ("zelfdoding", "dag en nacht"),
        "baby",
        "levensgevaar",
        {"GGZ": "geestelijke gezondheidszorg"},
    ),
    "en": Words(
        r"relaxed|alert|eye contact|positive effect|improv|strengthen|smoother",
        (
            "not a miracle cure",
            "not work for everyone",
            "medical supervision",
            "not yet standard",
            "more research is needed",
        ),
        "talk about it",
        r"oxytocin|nasal spray",
        ("suicide", "day and night"),
        "baby",
        "danger",
        {
            "huisartsenpost": "out-of-hours GP",
            "huisarts": "GP",
            "verloskundige": "midwife",
            "GGZ": "mental health care",
        },
    ),
    "tr": Words(
        r"rahat|uyanık|göz teması|olumlu etki|iyileş|güçlendir",
        ("mucize", "herkeste işe yaramaz", "tıbbi gözetim", "henüz standart değil", "daha fazla araştırma"),
        "bunu konuşun",
        r"oksitosin|burun spreyi",
        ("İntihar", "gece gündüz"),
        "bebeğiniz",
        "tehlike",
        {
            "huisartsenpost": "nöbetçi aile hekimi",
            "huisarts": "aile hekim",
            "verloskundige": "ebe",
            "GGZ": "ruh sağlığı",
        },
    ),
    "ar": Words(
        r"استرخاء|انتباه|تواصل بصري|إيجابي|تحسين|تقوية",
        ("علاجًا سحريًا", "لا ينفع الجميع", "إشراف طبي", "ليس بعد", "مزيد من البحث"),
        "تحدثي عن الأمر",
        r"الأوكسيتوسين|بخاخ",
        ("الانتحار", "ليلًا ونهارًا"),
        "طفلكِ",
        "خطر",
        {
            "huisartsenpost": "المناوب",
            "huisarts": "طبيب العائلة",
            "verloskundige": "القابلة",
            "GGZ": "الصحة النفسية",
        },
    ),
    "pl": Words(
        r"zrelaks|czujn|wzrokow|pozytywn|popraw|wzmacni|wzmocni",
        (
            "cudownym lekiem",
            "nie działa u każdego",
            "nadzorem medycznym",
            "nie jest jeszcze standardem",
            "potrzeba więcej badań",
        ),
        "porozmawiaj o tym",
        r"oksytocyn|aerozol",
        ("samobójstwie", "całą dobę"),
        "dziecko",
        "zagrożenie życia",
        {
            "huisartsenpost": "dyżuru lekarzy",
            "huisarts": "lekarz",
            "verloskundige": "położn",
            "GGZ": "zdrowiem psychicznym",
        },
    ),
    "uk": Words(
        r"розслаб|уважніше|в очі|позитивн|покращ|зміцн",
        (
            "не чудодійний засіб",
            "не на всіх",
            "медичним наглядом",
            "ще не є стандартом",
            "потрібні подальші дослідження",
        ),
        "говоріть про це",
        r"окситоцин|спре",
        ("самогубство", "цілодобово"),
        "дитину",
        "загроза життю",
        {
            "huisartsenpost": "чергової служби",
            "huisarts": "сімейн",
            "verloskundige": "акушерк",
            "GGZ": "психічного здоров",
        },
    ),
}

SPRAY_EFFECT = re.compile(WORDS["nl"].effect, re.I)  # for the printed handout's check (tests/ui)


def missing_caveats(text: str, lang: str = "nl") -> list[str]:
    """The cautions a text leaves out while it states the spray's effect; [] when it states none."""
    words = WORDS[lang]
    if not re.search(words.effect, text, re.I):
        return []
    flat = " ".join(text.split()).lower()
    return [caveat for caveat in words.caveats if caveat not in flat]


def test_default_content_has_8_to_12_illustrated_slides_without_errors() -> None:
    content = load_content(DEFAULT_CONTENT)
    assert content.errors == []
    assert 8 <= len(content.slides) <= 12
    for slide in content.slides:
        if slide.kind != "contact":  # the contact slide shows the site's QR code in the picture's place
            assert slide.illustration is not None and slide.illustration.is_file(), slide.id
        assert slide.title["nl"], slide.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_default_slide_reads_from_two_metres(lang: str) -> None:
    for slide in load_content(DEFAULT_CONTENT).slides:
        words = len(re.findall(r"\w+", slide.body[lang]))
        assert 0 < words <= WORDS_ADVISED, f"{slide.id}.{lang} has {words} words"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_language_has_every_slide_the_signs_and_the_handout_without_a_problem(lang: str) -> None:
    content = load_content(DEFAULT_CONTENT)
    assert [str(p) for p in content.problems if f".{lang}.md" in p.file] == []
    assert lang in content.visitor_languages()
    for slide in content.slides:
        assert slide.title.get(lang) and slide.body.get(lang), slide.id
        assert lang not in slide.stale, slide.id
    signs = content.signs_slide
    assert signs is not None and signs.signs is not None
    assert signs.button.get(lang) and signs.signs.not_a_diagnosis.get(lang)
    assert all(sign.get(lang) for sign in signs.signs.signs)
    assert all(advice.get(lang) for advice in signs.signs.advice)
    assert content.handout is not None and content.handout.title.get(lang)
    assert len(re.findall(r"(?m)^- ", content.handout.points[lang])) == 4
    clinic = content.site.clinic
    assert clinic.offer.get(lang) and clinic.hours.get(lang)


def test_the_default_site_offers_six_languages_starting_in_dutch() -> None:
    content = load_content(DEFAULT_CONTENT)
    assert content.visitor_languages() == LANGUAGES
    assert content.site.kiosk.default_language == "nl"


def test_default_contact_details_are_flagged_as_the_example() -> None:
    content = load_content(DEFAULT_CONTENT)
    example = [p for p in content.problems if "example" in p.message]
    assert example and all(p.severity is Severity.WARNING for p in example)
    assert {p.field for p in example} >= {"clinic.email", "clinic.website"}
    assert all(p.line for p in example)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_default_content_carries_the_four_warning_signs_from_the_article(lang: str) -> None:
    signs = load_content(DEFAULT_CONTENT).signs_slide
    assert signs is not None and signs.signs is not None
    texts = [s[lang] for s in signs.signs.signs]
    assert len(texts) == 4 and len(set(texts)) == 4
    if lang == "nl":
        assert any("band met je baby" in t for t in texts)
        assert any("huilt" in t for t in texts)


def test_the_loop_has_a_contact_slide_just_before_the_last() -> None:
    slides = load_content(DEFAULT_CONTENT).slides
    assert [s.kind for s in slides].count("contact") == 1
    assert slides[-2].kind == "contact"


def test_no_default_slide_sets_its_duration_so_each_follows_its_words() -> None:
    for path in sorted((DEFAULT_CONTENT / "slides").glob("*.md")):
        assert not re.search(r"(?m)^duration\s*=", path.read_text(encoding="utf-8")), path.name


def text_of(slide: Slide, lang: str = "nl") -> str:
    return f"{slide.title[lang]}\n{slide.body[lang]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_that_states_the_sprays_effect_carries_the_articles_cautions(lang: str) -> None:
    content = load_content(DEFAULT_CONTENT)
    assert content.handout is not None
    texts = {s.id: text_of(s, lang) for s in content.slides}
    texts["handout"] = content.handout.points[lang]
    stating = [key for key, text in texts.items() if re.search(WORDS[lang].effect, text, re.I)]
    assert "050-resultaten" in stating and "handout" in stating  # the check looks where the effect is
    for key in stating:
        assert missing_caveats(texts[key], lang) == [], key


def test_the_caveat_check_sees_a_caution_left_out() -> None:
    results = load_content(DEFAULT_CONTENT).slides[4]
    assert missing_caveats(text_of(results, "en").replace("not yet standard", "standard"), "en") == [
        "not yet standard"
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_loop_ends_on_talking_about_it_not_on_the_spray(lang: str) -> None:
    last = load_content(DEFAULT_CONTENT).loop_slides(dt.date(2030, 1, 1))[-1]
    text = text_of(last, lang)
    assert WORDS[lang].talk in text.lower()
    assert not re.search(WORDS[lang].spray, text, re.I)


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_dutch_care_terms_are_explained_where_a_translation_names_them(lang: str) -> None:
    """A visitor will meet the huisarts and the GGZ by their Dutch names: each is kept, and explained."""
    content = load_content(DEFAULT_CONTENT)
    signs = content.signs_slide
    assert content.handout is not None and signs is not None and signs.signs is not None
    texts = [text_of(s, lang) for s in content.slides]
    texts += [content.handout.points[lang], *(a[lang] for a in signs.signs.advice)]
    texts += [content.site.urgent.line(lang)]
    named = set()
    for text in texts:
        rest = text
        for term, explanation in WORDS[lang].explained.items():  # huisartsenpost before huisarts
            if term in rest:
                named.add(term)
                assert explanation in text, (term, text)
                rest = rest.replace(term, "")
    assert named == set(WORDS[lang].explained)


def test_the_default_wording_follows_the_article() -> None:
    content = load_content(DEFAULT_CONTENT)
    assert content.handout is not None
    signs = content.signs_slide
    assert signs is not None and signs.signs is not None
    texts = [text_of(s) for s in content.slides]
    texts += [content.handout.points["nl"], *(a["nl"] for a in signs.signs.advice)]
    for text in texts:
        assert "hulp werkt" not in text  # the article: "helpt"
        assert "GGZ" not in text or "geestelijke gezondheidszorg" in text  # spelled out where it is used
    assert "vragen" not in signs.signs.not_a_diagnosis["nl"]  # the cards are statements, not questions
    (results,) = [s for s in content.slides if "oogcontact" in s.body["nl"]]
    assert "gaven aan" in results.body["nl"]  # what the mothers reported stays a report


@pytest.mark.parametrize("how", [*SITE_BREAKS, "no [urgent] table"])
def test_the_crisis_line_survives_any_broken_site_file(content_copy: Path, how: str) -> None:
    if how in SITE_BREAKS:
        break_site(content_copy, how)
    else:
        site = content_copy / "site.toml"
        site.write_text(site.read_text(encoding="utf-8").replace("[urgent]", "[elsewhere]"), "utf-8")
    urgent = load_content(content_copy).site.urgent
    for lang in LANGUAGES:
        for part in ("113", "0800-0113", "huisarts", "huisartsenpost", "112"):
            assert part in urgent.line(lang), (how, lang, part)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("where", ["site.toml", "built in"])
def test_the_default_crisis_line_separates_suicidal_thoughts_acute_worries_and_danger(
    lang: str, where: str
) -> None:
    urgent = load_content(DEFAULT_CONTENT).site.urgent if where == "site.toml" else UrgentHelp()
    lines = urgent.line(lang).splitlines()
    assert len(lines) == 3
    suicide, acute, danger = lines
    words = WORDS[lang]
    assert all(part in suicide for part in (*words.suicide, "113", "0800-0113"))
    assert all(part in acute for part in (words.baby, "huisarts", "huisartsenpost")) and "113" not in acute
    assert all(part in danger for part in (words.danger, "112"))


def test_the_built_in_crisis_line_is_the_shipped_one_in_every_language() -> None:
    shipped = load_content(DEFAULT_CONTENT).site.urgent.text
    assert set(shipped) == set(URGENT_DEFAULT) == set(LANGUAGES)
    assert all(shipped[lang] == URGENT_DEFAULT[lang] for lang in LANGUAGES)


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ('"Bel ons gerust."', "113 or 112"),
        ('"Denk je aan zelfdoding? Bel 113."', "112"),
        ('""', "is empty"),
        ('{ nl = "Bel 113 of 112.", en = "Call your doctor." }', "(en) does not mention 113 or 112"),
    ],
)
def test_validate_warns_when_a_sites_crisis_line_drops_113_or_112(
    content_copy: Path, text: str, warned: str
) -> None:
    site = content_copy / "site.toml"
    old = site.read_text(encoding="utf-8")
    start = old.index("\n[urgent.text]")  # the table of texts per language, up to the next table
    new = old[:start] + old[old.index("\n[", start + 1) :]
    site.write_text(new.replace("[urgent]\n", f"[urgent]\ntext = {text}\n", 1), encoding="utf-8")
    problems = [p for p in load_content(content_copy).problems if p.field == "urgent.text"]
    assert [p.severity for p in problems] == [Severity.WARNING], problems
    assert warned in problems[0].message and problems[0].line


def test_the_default_crisis_line_draws_no_warning() -> None:
    assert not [p for p in load_content(DEFAULT_CONTENT).problems if p.field == "urgent.text"]
