"""The Qt Linguist files (resources/i18n/kiosk_LL.ts) keep up with the code, and every shipped language is
finished: a word added to the interface without a translation fails here, not in front of a visitor.

To fix a failure: `./dev.sh translations`, then translate what it lists (see packaging/translations.py).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
import translations


@pytest.fixture(scope="module")
def from_the_code(tmp_path_factory: pytest.TempPathFactory) -> translations.Messages:
    """What lupdate finds in the sources today, in a fresh file outside the repository."""
    ts = tmp_path_factory.mktemp("lupdate") / "kiosk_xx.ts"
    translations.lupdate([ts])
    return translations.messages(ts)


def test_lupdate_finds_the_words_of_every_visitor_screen(from_the_code: translations.Messages) -> None:
    """Guards the fresh extraction itself: a context left out would make the freshness check blind to it."""
    contexts = {context for context, _source in from_the_code}
    assert {"BottomBar", "TopBar", "SignsScreen", "ContactScreen", "KioskWindow"} <= contexts
    assert {"SlideRenderer", "Handout"} <= contexts  # drawn for a language, not with self.tr()
    assert ("SlideRenderer", "Scan voor contact") in from_the_code
    assert not any(context.startswith("Staff") for context in contexts)  # staff mode speaks Dutch only


@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_each_translation_file_has_exactly_the_words_in_the_code(
    lang: str, from_the_code: translations.Messages
) -> None:
    shipped = translations.messages(translations.I18N / f"kiosk_{lang}.ts")
    missing = sorted(set(from_the_code) - set(shipped))
    gone = sorted(set(shipped) - set(from_the_code))
    assert not missing and not gone, (
        f"kiosk_{lang}.ts is out of date with the code: run ./dev.sh translations and translate.\n"
        f"  new in the code: {missing}\n  no longer in the code: {gone}"
    )


@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_each_shipped_language_is_finished(lang: str) -> None:
    shipped = translations.messages(translations.I18N / f"kiosk_{lang}.ts")
    unfinished = [source for (_context, source), text in shipped.items() if text is None]
    assert not unfinished, f"kiosk_{lang}.ts: not yet translated: {unfinished}"
    for (_context, source), text in shipped.items():  # "Signaal %1 van %2" keeps both numbers
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text or "")), (lang, source)


def test_a_word_added_to_the_code_is_caught(tmp_path: Path) -> None:
    """The freshness check really compares with the code: a new self.tr() in a copy of a screen shows up."""
    shutil.copytree(ROOT / "kiosk", tmp_path / "kiosk")
    controls = tmp_path / "kiosk" / "ui" / "controls.py"
    controls.write_text(
        controls.read_text(encoding="utf-8").replace('self.tr("Contact")', 'self.tr("Contact opnemen")'),
        encoding="utf-8",
    )
    ts = tmp_path / "kiosk_xx.ts"
    translations.lupdate([ts], root=tmp_path)
    shipped = translations.messages(translations.I18N / "kiosk_en.ts")
    assert set(translations.messages(ts)) - set(shipped) == {("TopBar", "Contact opnemen")}
