"""Colours, fonts and sizes: one calm palette, everything scaled from the screen's short side."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont, QFontDatabase

from kiosk.resources import font_files

FAMILY = "Noto Sans"
# Where Noto Sans has no glyph (Arabic script), Qt looks here before the system's fonts: without it Arabic
# came out in whatever font the machine has (DejaVu Sans here), or as boxes on a machine with none.
FALLBACK_FAMILIES = ["Noto Sans Arabic", "Noto Sans Symbols2"]  # Arabic; ✓ ● ⌫ ▲ ▼ and the like
BACKGROUND = QColor("#FAF5EE")
HALO = QColor("#F0E4D3")
TITLE = QColor("#1E4D4A")
TEXT = QColor("#2E2A28")
MUTED = QColor("#5E554E")
ACCENT = QColor("#1E6B66")
ACCENT_TEXT = QColor("#FFFFFF")
ACCENT_SOFT = QColor("#D6E7E4")
BAR = QColor("#F3EBDF")
# The crisis line: bold near-black on white in a dark frame, the strongest contrast on the screen.
URGENT_TEXT = QColor("#1A1715")
URGENT_BACKGROUND = QColor("#FFFFFF")


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


@dataclass(frozen=True)
class Metrics:
    """Sizes for one screen; `unit` is 1.0 on a 1920×1080 screen (landscape or portrait)."""

    unit: float
    portrait: bool

    @classmethod
    def for_size(cls, size: QSize) -> Metrics:
        short = min(size.width(), size.height())
        return cls(unit=max(0.4, short / 1080), portrait=size.height() > size.width())

    def px(self, value: float) -> int:
        return round(value * self.unit)

    @property
    def title_px(self) -> float:
        return 66 * self.unit

    @property
    def body_px(self) -> float:
        return 44 * self.unit

    @property
    def button_px(self) -> float:
        return 32 * self.unit

    @property
    def touch_target(self) -> int:
        """At least 80 px on a 1080-line screen: about 2 cm on a 24-inch display."""
        return max(56, self.px(96))

    @property
    def margin(self) -> int:
        return self.px(64)


def urgent_border(m: Metrics) -> int:
    """The crisis line's frame: thick enough to set it apart from everything else on the screen."""
    return max(3, m.px(4))
