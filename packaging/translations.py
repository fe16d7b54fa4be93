"""The kiosk's own words in Qt Linguist files: made from the sources, compiled for the bundle.

    python packaging/translations.py update    (./dev.sh translations) the .ts files from the sources
    python packaging/translations.py compile DIR   the .qm files, with Qt's own qtbase_LL.qm, into DIR

resources/i18n/kiosk_LL.ts holds one language; the Dutch words in the code are the ids (Dutch needs no file).
They are made by PySide6's lupdate from every visitor-facing source: kiosk/**/*.py except staff mode
(kiosk/ui/staff_*.py), which speaks Dutch only. Translate the new entries (Qt Linguist: pyside6-linguist,
or by hand: fill in <translation> and remove type="unfinished"); tests/test_translations.py fails while a
file is out of date with the code or has an unfinished entry. build.spec compiles them with lrelease.
Not a package on purpose: build.spec and the tests put this folder on sys.path.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.content.model import SOURCE_LANGUAGE  # noqa: E402
from kiosk.render.words import qt_tool, qt_translations  # noqa: E402

I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("en", "tr", "ar", "pl", "uk")  # every language the kiosk ships a translation for

Messages = dict[tuple[str, str], str | None]  # (context, Dutch source) → translation; None: unfinished


def sources(root: Path = ROOT) -> list[Path]:
    """The files whose words a visitor reads (or takes home on the handout)."""
    return sorted(path for path in (root / "kiosk").rglob("*.py") if not path.name.startswith("staff_"))


def lupdate(ts_files: list[Path], root: Path = ROOT) -> None:
    """Bring `ts_files` up to date with the sources: new words added (unfinished), vanished ones dropped."""
    tool = qt_tool("lupdate")
    if tool is None:
        raise SystemExit("lupdate is missing: install PySide6 (pip install -e .)")
    files = [str(path.relative_to(root)) for path in sources(root)]
    command = [tool, "-silent", "-no-obsolete", "-locations", "none", "-source-language", SOURCE_LANGUAGE]
    command += [*files, "-ts", *map(str, ts_files)]
    subprocess.run(command, cwd=root, check=True)


def messages(ts: Path) -> Messages:
    """What a .ts file holds, obsolete entries left out."""
    found: Messages = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = translation.text if translation is not None else None
            done = kind != "unfinished" and bool(text and text.strip())
            found[(name, message.findtext("source", ""))] = text if done else None
    return found


def compile_into(folder: Path) -> list[Path]:
    """Every language's .qm, and Qt's own qtbase_LL.qm (Dutch too), in `folder`; for the bundle."""
    tool = qt_tool("lrelease")
    if tool is None:
        raise SystemExit("lrelease is missing: install PySide6 (pip install -e .)")
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for lang in LANGUAGES:
        qm = folder / f"kiosk_{lang}.qm"
        subprocess.run([tool, "-silent", str(I18N / f"kiosk_{lang}.ts"), "-qm", str(qm)], check=True)
        made.append(qm)
    for lang in (SOURCE_LANGUAGE, *LANGUAGES):
        qtbase = qt_translations() / f"qtbase_{lang}.qm"
        if qtbase.is_file():
            made.append(Path(shutil.copy2(qtbase, folder / qtbase.name)))
    return made


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["update"]:
            lupdate([I18N / f"kiosk_{lang}.ts" for lang in LANGUAGES])
            for lang in LANGUAGES:
                ts = I18N / f"kiosk_{lang}.ts"
                left = sum(1 for text in messages(ts).values() if text is None)
                print(f"{ts.relative_to(ROOT)}: {left} to translate" if left else f"{ts.name}: complete")
        case ["compile", folder]:
            for path in compile_into(Path(folder)):
                print(path)
        case _:
            raise SystemExit(__doc__)
