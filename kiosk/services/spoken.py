"""What "Lees voor" says: the words a screen shows, made into text a voice reads well.

Pure text work, tested without audio: Markdown becomes plain sentences, a list's lines become sentences
(a voice runs lines together otherwise), the direction marks of right-to-left text go, and a phone number is
read digit by digit in its groups ("0800-0113": "0 8 0 0, 0 1 1 3"), the way a caller dials it, not as
"eight hundred". The screens give their own words (kiosk.ui); a slide's text comes whole, with every
caveat it shows, in the language it is shown in (a slide not translated yet: its Dutch, for the Dutch voice).
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextDocument

from kiosk.content import Slide
from kiosk.content.model import SOURCE_LANGUAGE, Localized, Site
from kiosk.render.slide import contact_details

Part = tuple[str, str]  # text, language
_MARKS = re.compile("[\u2066\u2067\u2068\u2069\u200e\u200f\u202a-\u202e]")
# A phone number: digits in groups split by spaces or hyphens, at least three digits, not a time or a
# decimal (9.00, 17:30) and not inside a word.
_PHONE = re.compile(r"(?<![\d.:,])\+?\d[\d \-]*\d(?![\d.:]\d)")
_END = re.compile(r"[.!?:;…؟]$")


def plain(markdown: str) -> str:
    """Markdown as the plain text a reader sees: no asterisks, hashes or bullets."""
    document = QTextDocument()
    document.setMarkdown(markdown, QTextDocument.MarkdownFeature.MarkdownNoHTML)
    return document.toPlainText()


def read_numbers(text: str) -> str:
    """Every phone number in `text` digit by digit, its groups apart: "Bel 113" → "Bel 1 1 3"."""

    def digits(found: re.Match[str]) -> str:
        number = found.group()
        if sum(c.isdigit() for c in number) < 3:
            return number
        groups = [g for g in re.split(r"[ \-]+", number) if g]
        return ", ".join(" ".join(group) for group in groups)

    return _PHONE.sub(digits, text)


def sentences(*texts: str) -> str:
    """Texts (and each of their lines) as sentences one after the other: a voice pauses between them."""
    lines = [
        _MARKS.sub("", line).strip(" \t•·-–")
        for text in texts
        for line in text.replace("\u2029", "\n").splitlines()
    ]
    said = [line if _END.search(line) else line + "." for line in lines if line]
    return " ".join(said)


def in_language(text: Localized, lang: str) -> str:
    """The language `pick` shows `text` in: the visit's, else Dutch (the source every slide has)."""
    return lang if text.get(lang) else SOURCE_LANGUAGE


def slide_parts(slide: Slide, lang: str, site: Site | None) -> list[Part]:
    """A slide's title and its whole text (a contact slide: with the clinic's details), each in the language
    it is shown in."""
    title_lang, body_lang = in_language(slide.title, lang), in_language(slide.body, lang)
    parts = [
        (sentences(slide.title.get(title_lang, "")), title_lang),
        (sentences(plain(slide.body.get(body_lang, ""))), body_lang),
    ]
    if slide.kind == "contact" and site is not None:
        parts.append((read_numbers(sentences(plain(contact_details(site, lang)))), lang))
    return merged(parts)


def merged(parts: list[Part]) -> list[Part]:
    """Neighbouring parts in one language as one text: one utterance, no pause of the engine between."""
    out: list[Part] = []
    for text, lang in parts:
        if out and out[-1][1] == lang:
            out[-1] = (f"{out[-1][0]} {text}", lang)
        elif text:
            out.append((text, lang))
    return out
