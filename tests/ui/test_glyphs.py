"""Every character the kiosk can show is in its bundled fonts, and Qt really draws Arabic with Noto Sans
Arabic, not with whatever font the machine has (or boxes, on a machine with none)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QRawFont, QTextLayout

from kiosk.app import create_application
from kiosk.render import theme
from kiosk.resources import font_files
from tests.conftest import DEFAULT_CONTENT, ROOT
from tests.ui.arabic import ARABIC

ARABIC_SAMPLE = "اكتئاب ما بعد الولادة قابل للعلاج"
BUNDLED = {"Noto Sans", "Noto Sans Arabic"}
# Symbols on buttons that neither Noto Sans nor Noto Sans Arabic has: Qt takes them from a system font
# (DejaVu Sans, where installed), else draws a box. Listed so the test fails when one more appears, and
# when one is fixed (a bundled symbol font, or a drawn icon) so it leaves this list.


def _python_strings(path: Path) -> str:
    """The string literals of a module that can reach a screen or paper: docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return "".join(
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    )


def shipped_text() -> dict[str, str]:
    """Every text the kiosk ships, by where it comes from: the content folder, the kiosk's own strings,
    their translations, and the Arabic of the right-to-left tests (until the content carries its own)."""
    texts = {
        str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
        for p in sorted(DEFAULT_CONTENT.rglob("*"))
        if p.suffix in (".md", ".toml")
    }
    texts |= {str(p.relative_to(ROOT)): _python_strings(p) for p in sorted((ROOT / "kiosk").rglob("*.py"))}
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        root = ET.parse(ts).getroot()
        texts[str(ts.relative_to(ROOT))] = "".join(
            e.text or "" for e in root.iter() if e.tag in ("source", "translation")
        )
    texts |= {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted(ARABIC.rglob("*.*"))}
    return texts


def _drawn(char: str) -> bool:
    """Characters with a glyph of their own: not spaces, line breaks or the invisible bidi marks.
    (supportsCharacter is given the code point: PySide6's str overload says no to anything beyond ASCII.)"""
    return unicodedata.category(char)[0] not in ("C", "Z")


def test_the_bundled_fonts_cover_every_character_the_kiosk_ships() -> None:
    create_application()
    fonts = [QRawFont(str(path), 20) for path in font_files()]
    assert fonts and all(font.isValid() for font in fonts)
    missing: dict[str, set[str]] = {}
    for where, text in shipped_text().items():
        for char in set(filter(_drawn, text)):
            if not any(font.supportsCharacter(ord(char)) for font in fonts):
                missing.setdefault(where, set()).add(
                    f"{char} U+{ord(char):04X} {unicodedata.name(char, '?')}"
                )
    assert not missing, f"not in the bundled fonts (a box on a machine without system fonts): {missing}"
    assert any("ar" in where for where in shipped_text())  # the Arabic was looked at, too


def families_drawing(text: str, weight: QFont.Weight) -> set[str]:
    """The fonts Qt draws `text` with in the kiosk's own font, and whether any glyph is missing (0)."""
    layout = QTextLayout(text, theme.font(40, weight))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert all(0 not in run.glyphIndexes() for run in runs), "a glyph is missing (drawn as a box)"
    return {run.rawFont().familyName() for run in runs}


@pytest.mark.parametrize("weight", [QFont.Weight.Normal, QFont.Weight.DemiBold, QFont.Weight.Bold])
def test_arabic_is_drawn_with_noto_sans_arabic_even_where_the_system_has_other_fonts(
    weight: QFont.Weight,
) -> None:
    create_application()
    assert families_drawing(ARABIC_SAMPLE, weight) == BUNDLED  # the spaces come from Noto Sans
    assert families_drawing("Herken je de signalen?", weight) == {"Noto Sans"}


def test_arabic_is_drawn_with_noto_sans_arabic_on_a_machine_without_fonts(tmp_path: Path) -> None:
    """A fontconfig that knows no folder: only the kiosk's own fonts exist."""
    config = tmp_path / "fonts.conf"
    config.write_text(f"<?xml version='1.0'?><fontconfig><cachedir>{tmp_path}</cachedir></fontconfig>")
    script = (
        "from kiosk.app import create_application\n"
        "from PySide6.QtGui import QFont\n"
        "from tests.ui.test_glyphs import ARABIC_SAMPLE, families_drawing\n"
        "create_application()\n"
        "print(sorted(families_drawing(ARABIC_SAMPLE, QFont.Weight.Normal)))\n"
    )
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(config),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == str(sorted(BUNDLED))


def test_the_symbols_on_buttons_are_drawn_with_the_bundled_symbol_font() -> None:
    create_application()
    for label in ("✓ Dit herken ik", "▲ Omhoog", "● ● ●", "⌫ ⇧ ⏎"):
        families = families_drawing(label, QFont.Weight.Normal)
        assert families <= {"Noto Sans", "Noto Sans Symbols2"}, (label, families)
        assert "Noto Sans Symbols2" in families, label
