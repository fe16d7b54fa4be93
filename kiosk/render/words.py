"""The kiosk's own words (buttons, hints, print outcomes, the handout's headings) in the visitor's language.

Dutch is the source: the Dutch words in the code are the ids of the translations in resources/i18n/kiosk_LL.ts
(Qt Linguist files, made by `./dev.sh translations`). A bundle carries them compiled, with Qt's own
qtbase_LL.qm, in resources/i18n/; from the source tree each .ts file is compiled on first use, with
PySide6's lrelease, into a cache folder. A language whose file is missing or does not load shows Dutch, and
the log says so once.

One set of files, looked up two ways:
- Widgets call `self.tr()`. The window installs the visit's language on the application (`install`); Qt then
  sends every widget a `QEvent.LanguageChange`, and each visitor screen sets its fixed words again in its
  `retranslate()` (words that follow the visit, such as the print status, are set again from the Visit).
- What is drawn for a given language (a slide, the handout, perhaps on the print worker or as a staff preview
  in another language) asks `words(lang).translate(context, text)`, whatever language is installed.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QTranslator

from kiosk.content.digest import sha256
from kiosk.content.model import SOURCE_LANGUAGE
from kiosk.resources import resource

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Words:
    """One language's translators: the kiosk's words (None for Dutch, or when missing) and Qt's own."""

    lang: str
    kiosk: QTranslator | None
    qtbase: QTranslator | None

    def translate(self, context: str, text: str) -> str:
        """`text` in this language; the Dutch text itself when there is no translation for it."""
        found = self.kiosk.translate(context, text) if self.kiosk is not None else ""
        return found or text

    def translators(self) -> list[QTranslator]:
        return [t for t in (self.qtbase, self.kiosk) if t is not None]


_lock = threading.Lock()  # the print worker may ask for a language the GUI thread is loading
_loaded: dict[str, Words] = {}
_installed: list[Words] = []  # the language installed on the application, if any


def words(lang: str) -> Words:
    """The translators for `lang`, loaded once per run."""
    with _lock:
        if lang not in _loaded:
            _loaded[lang] = _load(lang)
        return _loaded[lang]


def install(lang: str) -> None:
    """Make `lang` the application's language: every widget gets a LanguageChange event and retranslates."""
    app = QCoreApplication.instance()
    new = words(lang)
    if app is None or (_installed and _installed[0] is new):
        return
    for old in _installed:
        for translator in old.translators():
            app.removeTranslator(translator)
    _installed[:] = [new]
    for translator in new.translators():
        app.installTranslator(translator)
    # Qt posts LanguageChange to the windows: deliver it now, so one tap changes every word at once.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def _load(lang: str) -> Words:
    folder = resource("i18n")
    kiosk = None
    if lang != SOURCE_LANGUAGE:
        qm, why = _kiosk_qm(folder, lang)
        kiosk = _translator(qm) if qm is not None else None
        if kiosk is None:
            log.warning("no translation of the kiosk's words into '%s' (%s): they stay Dutch", lang, why)
    bundled = folder / f"qtbase_{lang}.qm"  # a bundle carries Qt's own beside the kiosk's
    qtbase_qm = bundled if bundled.is_file() else qt_translations() / f"qtbase_{lang}.qm"
    qtbase = _translator(qtbase_qm)
    if qtbase is None:
        log.info("Qt's own words have no translation into '%s' here", lang)
    return Words(lang, kiosk, qtbase)


def _translator(qm: Path) -> QTranslator | None:
    translator = QTranslator()
    return translator if qm.is_file() and translator.load(str(qm)) else None


def _kiosk_qm(folder: Path, lang: str) -> tuple[Path | None, str]:
    """The compiled file for `lang`: the bundle's, or the .ts compiled into the cache; else why not."""
    compiled = folder / f"kiosk_{lang}.qm"
    if compiled.is_file():
        return compiled, ""
    source = folder / f"kiosk_{lang}.ts"
    if not source.is_file():
        return None, f"{compiled.name} is missing"
    data = source.read_bytes()
    cached = _cache_dir() / f"kiosk_{lang}-{sha256(data).hexdigest()[:16]}.qm"
    if cached.is_file():
        return cached, ""
    import subprocess  # here: only a checkout without compiled translations gets this far

    lrelease = qt_tool("lrelease")
    if lrelease is None:
        return None, "lrelease, to compile it, is not installed"
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")  # another kiosk may compile the same file now
    try:
        done = subprocess.run(
            [lrelease, "-silent", str(source), "-qm", str(partial)], capture_output=True, timeout=30
        )
        if done.returncode != 0 or not partial.is_file():
            return None, f"lrelease could not compile {source.name}"
        partial.replace(cached)
    except (OSError, subprocess.SubprocessError) as err:
        return None, f"compiling {source.name} failed: {err}"
    return cached, ""


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wachtkamer-kiosk" / "i18n"


def qt_tool(name: str) -> str | None:
    """PySide6's own `lrelease` or `lupdate` (they ship in PySide6-Essentials), else one on the PATH."""
    import PySide6

    beside = Path(PySide6.__file__).parent / (f"{name}.exe" if sys.platform == "win32" else name)
    return str(beside) if beside.is_file() else shutil.which(f"pyside6-{name}") or shutil.which(name)


def qt_translations() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
