"""`selftest`: what the packaged kiosk checks about itself before anyone relies on it.

CI runs it from the frozen bundle (`dist/kiosk/kiosk selftest`, offscreen) and install.sh runs it on the
kiosk PC, so each step goes through what a visitor touches: a data file, Qt plugin, library or hidden
import the bundle lacks shows up here as a named failure instead of at the clinic.

The contact QR code is read back from the rendered screen's pixels (the centre of every module, quiet
zone included) and compared with the modules of the site's payload: no decoder to bundle, and it checks
exactly what the screen shows.
"""

from __future__ import annotations

import hashlib
import logging
import re
import struct
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QDir,
    QIODevice,
    QLocale,
    QPluginLoader,
    QPoint,
    QRect,
    QRectF,
    QSize,
    QTimeZone,
)
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPainter
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QWidget

from kiosk.app import build_kiosk, create_application, dispose
from kiosk.content.model import LANGUAGE_NAMES, SOURCE_LANGUAGE
from kiosk.content.qr import qr_payload
from kiosk.render import theme
from kiosk.render.qr import QUIET_ZONE, qr_modules
from kiosk.render.words import words
from kiosk.resources import placeholder_picture
from kiosk.shots import render
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)
SIZES = (QSize(1920, 1080), QSize(1280, 800), QSize(1080, 1920))
DARK = bytes(1 if level < 128 else 0 for level in range(256))  # grey level -> dark module?
# A slide's title, text and picture each show at least this many pixels of their own: a letter has hundreds.
MIN_INK_PIXELS = 50
# Plugins the frozen kiosk must carry: it draws on X11, Wayland or offscreen, and prints through CUPS.
NEEDED_PLUGINS = {
    "linux": {"platforms/libqxcb", "platforms/libqwayland", "platforms/libqoffscreen",
              "printsupport/libcupsprintersupport", "imageformats/libqsvg", "imageformats/libqjpeg",
              "iconengines/libqsvgicon", "texttospeech/libqtexttospeech_speechd"},
    "win32": {"platforms/qwindows", "platforms/qoffscreen", "printsupport/windowsprintersupport",
              "imageformats/qsvg", "imageformats/qjpeg", "iconengines/qsvgicon",
              "texttospeech/qtexttospeech_sapi"},
}  # fmt: skip
# The text-to-speech engine the kiosk reads aloud with, per platform.
SPEECH_ENGINE = {"linux": "speechd", "win32": "sapi"}


def _slides(window: KioskWindow) -> list[str]:
    """Every slide at every size, as the screen shows it: its title and text in their colours where the
    layout put them, and its picture (or the placeholder) drawn in the picture's box."""
    problems: list[str] = []
    skipped: set[str] = set()
    window.slideshow.slide_skipped.connect(lambda slide_id, reason: skipped.add(f"{slide_id}: {reason}"))
    for size in SIZES:
        render(window, "slide:1", size)  # the slides are fitted to this size before they are counted
        for number in range(1, len(window.slideshow.slides()) + 1):
            image = render(window, f"slide:{number}", size).toImage()
            where = f"slide {number} at {size.width()}x{size.height()}"
            if image.isNull() or image.size() != size:
                problems.append(f"{where}: rendered {image.size()}")
                continue
            problems += [f"{where}: {problem}" for problem in _slide_pixels(window, number, image)]
    return problems + [f"skipped {reason}" for reason in sorted(skipped)]


def _slide_pixels(window: KioskWindow, number: int, image: QImage) -> list[str]:
    show = window.slideshow
    slide = show.slides()[number - 1]
    layout = show.renderer.layout(slide, window.visit.language, show.size())
    scale = image.devicePixelRatio()
    corner = show.mapTo(window, QPoint(0, 0)) * scale

    def on_screen(box: QRectF) -> QRect:
        return QRectF(box.topLeft() * scale, box.size() * scale).toAlignedRect().translated(corner)

    def pixels(box: QRectF, of: QImage = image) -> bytes:
        """`box` of the slide as drawn on the screen: 4 bytes a pixel, the fourth (alpha) always 0xFF."""
        part = of.copy(on_screen(box)).convertToFormat(QImage.Format.Format_RGB32)  # held: constBits() in it
        return bytes(part.constBits())

    def count(data: bytes, colour: QColor) -> int:
        """Pixels of exactly `colour`. Counting its 4 bytes finds only whole pixels: every 4th byte is 0xFF,
        and none of the theme's colours has a 0xFF channel that could stand in for it."""
        return data.count(struct.pack("=I", colour.rgb()))

    drawn = image.copy()  # the slide itself, without the buttons laid over it (slide 9's, say)
    painter = QPainter(drawn)
    for child in show.findChildren(QWidget):
        if child.isVisible():
            painter.fillRect(on_screen(QRectF(child.geometry())), theme.BACKGROUND)
    painter.end()
    everything = pixels(QRectF(0, 0, show.width(), show.height()), drawn)
    if len({everything[at : at + 4] for at in range(0, len(everything), 4 * 1009)}) < 2:
        return ["blank: one flat colour"]
    problems = []
    for part, box, colour in (("title", layout.title, theme.TITLE), ("text", layout.body, theme.TEXT)):
        if box.height() and count(pixels(box), colour) < MIN_INK_PIXELS:
            problems.append(f"no {part} drawn in its colour where the layout put it")
    picture = pixels(layout.picture)  # the halo and the background around it are not the picture
    if len(picture) // 4 - count(picture, theme.BACKGROUND) - count(picture, theme.HALO) < MIN_INK_PIXELS:
        problems.append("no picture drawn in the picture's box")
    return problems


def _signs(window: KioskWindow) -> list[str]:
    """A visitor's path: the signs button, every card (recognising every other one), the summary."""
    slide = window.content.signs_slide
    if slide is None or slide.signs is None:
        print("skip signs: this content has no signs slide")
        return []
    render(window, "slide:1", SIZES[0])
    window.take_over()
    window.top_bar.signs.click()
    if window.pages.currentWidget() is not window.signs:
        return ["the signs button did not open the signs"]
    total = len(slide.signs.signs)
    for card in range(total):
        (window.signs.recognised if card % 2 == 0 else window.signs.next).click()
    if not window.signs.on_summary() or not window.signs.summary_title.text():
        return [f"no summary after tapping through {total} cards"]
    if window.visit.recognised() != (total + 1) // 2:
        return [f"summary counts {window.visit.recognised()} recognised, not {(total + 1) // 2}"]
    window.signs.to_contact.click()
    return [] if window.pages.currentWidget() is window.contact else ["the summary did not lead to contact"]


def read_modules(image: QImage, count: int) -> list[list[bool]] | str:
    """The dark/light module grid (`count` wide, quiet zone included) of the one QR code in `image`."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    pixels = bytes(grey.constBits())
    rows = [pixels[y * stride : y * stride + width].translate(DARK) for y in range(height)]
    dark_rows = [y for y, row in enumerate(rows) if 1 in row]
    if not dark_rows:
        return "no code drawn"
    left = min(row.find(1) for row in rows if 1 in row)
    right = max(row.rfind(1) for row in rows if 1 in row)
    top = dark_rows[0]
    finder = rows[top].find(0, left) - left  # the top-left finder pattern is 7 modules wide
    drawn = round((right - left + 1) * 7 / finder) + 2 * QUIET_ZONE if finder > 0 else 0
    if drawn != count:
        return f"a code {drawn} modules wide, not the site's {count}"
    module = (right - left + 1) / (count - 2 * QUIET_ZONE)

    def at(x: float, y: float) -> bool | None:
        col, row = round(x), round(y)
        return bool(rows[row][col]) if 0 <= col < width and 0 <= row < height else None

    centres = [(i - QUIET_ZONE + 0.5) * module for i in range(count)]
    grid = [[at(left + x, top + y) for x in centres] for y in centres]
    if any(cell is None for line in grid for cell in line):
        return "the code or its quiet zone is cut off"
    return [[bool(cell) for cell in line] for line in grid]


def _contact_qr(window: KioskWindow) -> list[str]:
    payload = qr_payload(window.content.site)
    if not payload:
        print("skip contact QR: site.toml sets no QR address")
        return []
    expected = qr_modules(payload)
    problems: list[str] = []
    for size in SIZES:
        shot = render(window, "contact", size)
        qr, contact = window.contact.qr, window.contact
        while not qr.isVisible() and contact.more.isVisible():  # a small screen: pages, "Volgende" to it
            contact.more.click()
            shot = window.grab()
        scale = shot.devicePixelRatio()
        corner = qr.mapTo(window, QPoint(0, 0)) * scale
        region = shot.toImage().copy(QRect(corner, qr.size() * scale))
        found = read_modules(region, len(expected)) if qr.isVisible() else "not shown"
        if found != expected:
            wrong = found if isinstance(found, str) else f"{_differences(found, expected)} modules differ"
            problems.append(f"at {size.width()}x{size.height()}: {wrong}")
    return problems


def _differences(found: list[list[bool]], expected: list[list[bool]]) -> int:
    pairs = zip(found, expected, strict=True)
    return sum(a != b for line, want in pairs for a, b in zip(line, want, strict=True))


def _handout_pdf(window: KioskWindow) -> list[str]:
    from kiosk.render.handout import write_handout_pdf

    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-selftest-") as folder:
        for lang in window.content.site.kiosk.languages:
            path = Path(folder) / f"handout-{lang}.pdf"
            write_handout_pdf(path, window.content, lang)
            data = path.read_bytes()
            if not data.startswith(b"%PDF-") or b"/FontFile" not in data:
                problems.append(f"{lang}: not a PDF with embedded fonts ({len(data)} bytes)")
    return problems


def _translations(window: KioskWindow) -> list[str]:
    """The kiosk's own words load in every language the site offers that the kiosk ships a translation
    for (those in LANGUAGE_NAMES); a missing .qm would quietly show Dutch."""
    return [
        f"{lang}: the kiosk's own words are not translated (no kiosk_{lang}.qm)"
        for lang in window.languages()
        if lang in LANGUAGE_NAMES and lang != SOURCE_LANGUAGE and words(lang).kiosk is None
    ]


def _qt(window: KioskWindow) -> list[str]:
    """Image formats, the SVG icon engine, every plugin the bundle carries, ICU data, OpenSSL (PIN)."""
    problems = [f"no {fmt} image format" for fmt in ("svg", "jpeg") if fmt.encode() not in _formats()]
    if QIcon(str(placeholder_picture())).pixmap(64).isNull():
        problems.append("the SVG icon engine draws nothing")
    problems += _jpeg_decodes()
    if getattr(sys, "frozen", False):
        problems += _bundle_plugins()
    problems += _icu()
    if len(hashlib.scrypt(b"selftest", salt=b"kiosk", n=2, r=1, p=1, dklen=8)) != 8:
        problems.append("hashlib.scrypt (the staff PIN) is unavailable")
    return problems


def _jpeg_decodes() -> list[str]:
    """A real JPEG decodes (a clinic's own photos are JPEGs): one is made in memory and read back."""
    original = QImage(64, 32, QImage.Format.Format_RGB32)
    original.fill(QColor("#c03028"))
    painter = QPainter(original)
    painter.fillRect(32, 0, 32, 32, QColor("#2040b0"))
    painter.end()
    encoded = QBuffer()
    encoded.open(QIODevice.OpenModeFlag.WriteOnly)
    if not original.save(encoded, "JPEG", 90):  # type: ignore[call-overload]  # the stub says bytes; Qt takes str
        return ["JPEG: cannot encode a picture (is the jpeg image plugin there?)"]
    encoded.close()
    data = QBuffer()
    data.setData(encoded.data())
    data.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(data, b"jpeg")
    decoded = reader.read()
    if decoded.isNull():
        return [f"JPEG: a JPEG does not decode: {reader.errorString()}"]
    if decoded.size() != original.size():
        return [f"JPEG: decoded at {decoded.size()}, not {original.size()}"]
    for x in (8, 56):  # red on the left, blue on the right, within JPEG's loss
        want, got = original.pixelColor(x, 16), decoded.pixelColor(x, 16)
        channels = ((want.red(), got.red()), (want.green(), got.green()), (want.blue(), got.blue()))
        if max(abs(a - b) for a, b in channels) > 40:
            return [f"JPEG: decodes to the wrong colours ({got.name()} for {want.name()})"]
    return []


def _icu() -> list[str]:
    """ICU's data answers: Turkish casing, and the Dutch name of a time zone.

    UTC, not a city: QTimeZone.utc() needs no time-zone database from the OS (a minimal system may lack
    one, or know Europe/Amsterdam only as a link to Europe/Brussels), so only ICU's own data decides the
    answer. With it the name is words ("gecoördineerde wereldtijd"); without it, "UTC" or nothing.
    """
    problems = []
    if QLocale("tr").toUpper("i") != "İ":  # Turkish casing comes from ICU
        problems.append("ICU case mapping does not work")
    utc = QTimeZone.utc()
    name = utc.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("nl"))
    if not re.search(r"[^\W\d_]{4}", name.replace("UTC", "")):
        problems.append(f"ICU time-zone names missing (UTC in Dutch is '{name}')")
    return problems


def _formats() -> list[bytes]:
    return [bytes(fmt.data()) for fmt in QImageReader.supportedImageFormats()]


def _bundle_plugins() -> list[str]:
    """Every Qt plugin in the bundle loads (its libraries are on this machine), and none is missing."""
    problems, found = [], set()
    folders = [f for f in QCoreApplication.libraryPaths() if QDir(f).exists("platforms")]  # not the app's own
    for folder in folders:
        for kind in QDir(folder).entryInfoList(QDir.Filter.Dirs | QDir.Filter.NoDotAndDotDot):
            for plugin in QDir(kind.filePath()).entryInfoList(QDir.Filter.Files):
                found.add(f"{kind.fileName()}/{plugin.completeBaseName().split('.')[0]}")
                loader = QPluginLoader(plugin.filePath())
                if not loader.load():
                    problems.append(f"plugin {kind.fileName()}/{plugin.fileName()}: {loader.errorString()}")
    missing = NEEDED_PLUGINS.get(sys.platform, set()) - found
    return problems + [f"plugin {name} is missing" for name in sorted(missing)]


def _speech(window: KioskWindow) -> list[str]:
    """The text-to-speech plugin loads here; then, as a line, which offered languages have a voice, asked
    of the kiosk's own speech process (`kiosk speech-voice`, as "Lees voor" starts it). No voice (the speech
    system is not installed, or does not answer) is not a failure: the kiosk then offers no reading aloud."""
    name = SPEECH_ENGINE.get("linux" if sys.platform.startswith("linux") else sys.platform)
    engines = QTextToSpeech.availableEngines()
    if name is not None and name not in engines:
        return [f"the {name} text-to-speech plugin does not load (engines: {', '.join(engines) or 'none'})"]
    speech = window.read_aloud.speech
    speech.wait_ready()
    print(speech.voices_line(window.languages()))
    return []


# One Ed25519 signature, made once with a throwaway key. The bundle verifies the publisher's signatures
# without the `cryptography` package (securesystemslib's own Ed25519 in Python): good from bad, still.
SIGNED = b"Wachtkamer kiosk selftest"
SIGNING_KEY_ID = "57650207a474a50ac9d5a1d29c25c8c832588167fe00cf4384b235df301d279b"
SIGNING_PUBLIC_KEY = "ce26a3f9726910d69ef44bcb9233a12f0af4332c61567b710f2ee7a5e6f9d35f"
SIGNATURE = (
    "da8efcf33bfb189691c9c45e5f24c95814361f8100383a7a1c82a006f18aa8b7"
    "51e99229b5d421275c507395279c1cfe345a56bcb80bcda6723aa89d049aa005"
)


def _fleet(window: KioskWindow) -> list[str]:
    """The update client and its libraries load, and a signature is verified: good taken, altered refused."""
    from securesystemslib.exceptions import UnverifiedSignatureError
    from securesystemslib.signer import Key, Signature

    from kiosk.fleet import client  # noqa: F401  (tuf, urllib3: a fleet site needs them in the bundle)

    key_data = {"keytype": "ed25519", "scheme": "ed25519", "keyval": {"public": SIGNING_PUBLIC_KEY}}
    key = Key.from_dict(SIGNING_KEY_ID, key_data)
    signature = Signature(SIGNING_KEY_ID, SIGNATURE)
    problems = []
    try:
        key.verify_signature(signature, SIGNED)
    except Exception as err:
        problems.append(f"a good signature does not verify ({err})")
    try:
        key.verify_signature(signature, SIGNED + b"!")
        problems.append("a signature verifies for a text it was not made for")
    except UnverifiedSignatureError:
        pass
    return problems


STEPS: list[tuple[str, Callable[[KioskWindow], list[str]]]] = [
    ("slides", _slides),
    ("signs", _signs),
    ("contact QR", _contact_qr),
    ("handout PDF", _handout_pdf),
    ("translations", _translations),
    ("Qt", _qt),
    ("speech", _speech),
    ("fleet", _fleet),
]


def run_selftest(content_dir: Path) -> int:
    create_application()
    window = build_kiosk(content_dir, windowed=True)
    failures: list[str] = []
    if not window.content.slides:
        failures.append("content: no usable slides (" + "; ".join(map(str, window.content.errors)) + ")")
    for name, step in STEPS:
        try:
            failures += [f"{name}: {problem}" for problem in step(window)]
        except Exception as err:  # a selftest names the failure, whatever it is
            log.exception("selftest step %s", name)
            failures.append(f"{name}: {type(err).__name__}: {err}")
    for failure in failures:
        print(f"FAIL {failure}")
    slides = len(window.content.slides)
    checked = ", ".join(name for name, _ in STEPS)
    print(f"selftest: {slides} slides at {len(SIZES)} sizes; {checked}: " + ("FAILED" if failures else "ok"))
    dispose(window)
    return 1 if failures else 0
