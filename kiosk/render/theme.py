"""Colours, fonts and sizes: one calm palette (and a high-contrast one), sizes in millimetres on the glass.

Sizes start from the screen's short side (`unit` is 1.0 on a 1920×1080 screen) and are then held to
physical minimums (EN 301 549 § 5.1.4 asks for text a visitor can read from where they stand): body
text with a cap height of at least 6 mm, 9 mm with the visitor's large text, touch targets of 15 mm.
Millimetres come from the site's `[kiosk] screen_inches` and the window's pixels (`Look.for_screen`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont, QFontDatabase

from kiosk.resources import font_files

FAMILY = "Noto Sans"
# Where Noto Sans has no glyph (Arabic script), Qt looks here before the system's fonts: without it Arabic
# came out in whatever font the machine has (DejaVu Sans here), or as boxes on a machine with none.
FALLBACK_FAMILIES = ["Noto Sans Arabic", "Noto Sans Symbols2"]  # Arabic; ✓ ● ⌫ ▲ ▼ and the like
CAP_HEIGHT = (
    0.714  # Noto Sans: a capital's height per pixel of font size (tests/ui/test_sizes_mm.py measures it)
)
BODY_CAP_MM = 6.0
LARGE_CAP_MM = 9.0
LARGE_SCALE = 1.5  # the visitor's large text ("A+"), before the 9 mm floor
TARGET_MM = 15.0  # the smallest visitor touch target, each side
TARGET_GAP_MM = 2.0
FOCUS_RING_MM = 2.0  # the keyboard's focus ring, its dark band: seen from two metres
FOCUS_GAP_MM = 0.8  # the ring's light inner band, between the ring and the control's own edge
DEFAULT_INCHES = 24.0


@dataclass(frozen=True)
class Colours:
    """Every colour a visitor screen paints; the stylesheet, the slides and the dots take them from here."""

    background: QColor
    halo: QColor  # the soft disc behind a picture
    title: QColor
    text: QColor
    muted: QColor  # captions and hints: still ≥ 4.5:1 on the background
    accent: QColor  # primary buttons, outlines, arrows and the current dot
    accent_text: QColor
    accent_soft: QColor  # secondary buttons' fill
    dot: QColor  # the other position dots: ≥ 3:1, a shape a visitor needs to see
    urgent_text: QColor  # the crisis line: the strongest contrast on the screen
    urgent_background: QColor
    # The keyboard's focus ring: a dark band (≥ 3:1 on the page) around a light one (≥ 3:1 against every
    # button's edge, which is always accent or title coloured): it stands out on light and dark alike.
    focus_ring: QColor
    focus_gap: QColor


NORMAL = Colours(
    background=QColor("#FAF5EE"),
    halo=QColor("#F0E4D3"),
    title=QColor("#1E4D4A"),
    text=QColor("#2E2A28"),
    muted=QColor("#5E554E"),
    accent=QColor("#1E6B66"),
    accent_text=QColor("#FFFFFF"),
    accent_soft=QColor("#D6E7E4"),
    dot=QColor("#8A7F75"),
    urgent_text=QColor("#1A1715"),
    urgent_background=QColor("#FFFFFF"),
    focus_ring=QColor("#1A1715"),
    focus_gap=QColor("#FFFFFF"),
)
# Black on white, a darker teal for buttons: every text at least 7:1, still the kiosk's own colours.
HIGH_CONTRAST = Colours(
    background=QColor("#FFFFFF"),
    halo=QColor("#EEF0EF"),
    title=QColor("#000000"),
    text=QColor("#000000"),
    muted=QColor("#1F1F1F"),
    accent=QColor("#00504A"),
    accent_text=QColor("#FFFFFF"),
    accent_soft=QColor("#FFFFFF"),
    dot=QColor("#4D4D4D"),
    urgent_text=QColor("#000000"),
    urgent_background=QColor("#FFFFFF"),
    focus_ring=QColor("#000000"),
    focus_gap=QColor("#FFFFFF"),
)

# The normal palette by name, for the screens staff and the selftest use.
BACKGROUND = NORMAL.background
HALO = NORMAL.halo
TITLE = NORMAL.title
TEXT = NORMAL.text
MUTED = NORMAL.muted
ACCENT = NORMAL.accent
ACCENT_TEXT = NORMAL.accent_text
ACCENT_SOFT = NORMAL.accent_soft
URGENT_TEXT = NORMAL.urgent_text
URGENT_BACKGROUND = NORMAL.urgent_background
BAR = QColor("#F3EBDF")  # the language panel's ground: a shade of the background


def load_fonts() -> None:
    """Register the bundled fonts so the kiosk looks the same on every machine."""
    for path in font_files():
        QFontDatabase.addApplicationFont(str(path))
    QFont.insertSubstitutions(FAMILY, FALLBACK_FAMILIES)


def font(pixels: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    f = QFont(FAMILY)
    f.setPixelSize(max(8, round(pixels)))
    f.setWeight(weight)
    return f


def mm_per_pixel(inches: float, size: QSize) -> float:
    """A screen `inches` across its diagonal, showing `size` pixels (square pixels)."""
    return inches * 25.4 / max(1.0, math.hypot(size.width(), size.height()))


@dataclass(frozen=True)
class Look:
    """How this visit's screens look: the screen (its diagonal and pixels), large text, high contrast."""

    inches: float = DEFAULT_INCHES
    screen: tuple[int, int] = (1920, 1080)  # the window's pixels: in kiosk mode, the screen's
    large: bool = False
    high_contrast: bool = False

    @classmethod
    def for_screen(cls, inches: float, size: QSize, large: bool = False, high_contrast: bool = False) -> Look:
        return cls(inches, (size.width(), size.height()), large, high_contrast)

    def on_screen(self, size: QSize) -> Look:
        return replace(self, screen=(size.width(), size.height()))

    @property
    def mm_per_px(self) -> float:
        return mm_per_pixel(self.inches, QSize(*self.screen))

    @property
    def colours(self) -> Colours:
        return HIGH_CONTRAST if self.high_contrast else NORMAL


DEFAULT_LOOK = Look()


@dataclass(frozen=True)
class Metrics:
    """Sizes for one screen (or one canvas of it, as a slide); `unit` is 1.0 on a 1920×1080 screen."""

    unit: float
    portrait: bool
    look: Look = DEFAULT_LOOK

    @classmethod
    def for_size(cls, size: QSize, look: Look = DEFAULT_LOOK) -> Metrics:
        short = min(size.width(), size.height())
        return cls(unit=max(0.4, short / 1080), portrait=size.height() > size.width(), look=look)

    @property
    def colours(self) -> Colours:
        return self.look.colours

    def px(self, value: float) -> int:
        return round(value * self.unit)

    def mm(self, pixels: float) -> float:
        return pixels * self.look.mm_per_px

    def px_for_mm(self, mm: float) -> int:
        return math.ceil(mm / self.look.mm_per_px)

    def font_for_cap(self, mm: float) -> float:
        """The font size (whole pixels, as fonts are set) whose capitals stand at least `mm` high."""
        return math.ceil(mm / self.look.mm_per_px / CAP_HEIGHT)

    @property
    def min_body_px(self) -> float:
        """No body text is set smaller than this, however long: 6 mm capitals, 9 mm with large text."""
        return self.font_for_cap(LARGE_CAP_MM if self.look.large else BODY_CAP_MM)

    @property
    def body_px(self) -> float:
        normal = max(44 * self.unit, self.font_for_cap(BODY_CAP_MM))
        return max(normal * LARGE_SCALE, self.min_body_px) if self.look.large else normal

    @property
    def title_px(self) -> float:
        return self.body_px * 1.5

    @property
    def button_px(self) -> float:
        """Buttons, hints and captions: the normal floor, also with large text (the bars keep their room)."""
        return max(32 * self.unit, self.font_for_cap(BODY_CAP_MM))

    @property
    def touch_target(self) -> int:
        """About 2.6 cm on a 24-inch 1080p screen; never under 15 mm."""
        return max(56, self.px(96), self.px_for_mm(TARGET_MM))

    @property
    def target_gap(self) -> int:
        """Between two buttons side by side: at least 2 mm."""
        return max(self.px(20), self.px_for_mm(TARGET_GAP_MM))

    @property
    def margin(self) -> int:
        return self.px(64)


def urgent_border(m: Metrics) -> int:
    """The crisis line's frame: thick enough to set it apart from everything else on the screen."""
    return max(3, m.px(4))
