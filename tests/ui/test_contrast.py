"""WCAG contrast of every colour pair each theme paints: from the stylesheet the screens really get, the
colours the painted parts use, and the pixels of rendered slides. Normal: every text ≥ 4.5:1; high
contrast: every text ≥ 7:1; control borders and other shapes a visitor must see ≥ 3:1 (WCAG 1.4.11)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage

from kiosk.render import theme
from kiosk.ui.widgets import screen_style
from kiosk.ui.window import KioskWindow

MakeKiosk = Callable[..., KioskWindow]
THEMES = {"normal": (False, 4.5), "high-contrast": (True, 7.0)}


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


def rules(style: str) -> dict[str, dict[str, str]]:
    """The stylesheet's rules: selector → property → value (one rule per selector in a list)."""
    found: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", style):
        props = dict(
            (key.strip(), value.strip())
            for key, _, value in (p.partition(":") for p in body.split(";"))
            if value
        )
        for selector in selectors.split(","):
            found.setdefault(selector.strip(), {}).update(props)
    return found


def border_colour(props: dict[str, str]) -> QColor | None:
    value = props.get("border-color") or props.get("border", "")
    match = re.search(r"#[0-9a-fA-F]{6}", value)
    return QColor(match.group()) if match else None


@pytest.mark.parametrize("name", THEMES)
def test_every_text_and_border_in_the_stylesheet(name: str) -> None:
    high, text_min = THEMES[name]
    m = theme.Metrics.for_size(QSize(1920, 1080), theme.Look(high_contrast=high))
    page = m.colours.background
    styled = rules(screen_style(m))
    base_button = styled["QPushButton"]
    checked = 0
    for selector, props in styled.items():
        if "color" not in props:
            continue
        if selector.startswith("QPushButton"):
            background = QColor(props.get("background", base_button["background"]))
        else:
            background = QColor(props.get("background", page.name()))
        ratio = contrast(QColor(props["color"]), background)
        assert ratio >= text_min, (name, selector, props["color"], background.name(), round(ratio, 2))
        checked += 1
    assert checked >= 9  # labels by role, buttons in every state
    # A button's edge against the page: its outline, or its fill where that is the edge.
    for selector in ("QPushButton", 'QPushButton[primary="true"]', "QPushButton:checked"):
        props = styled[selector]
        edge = border_colour(props) or border_colour(base_button)
        fill = QColor(props.get("background", base_button["background"]))
        assert edge is not None
        ratio = max(contrast(edge, page), contrast(fill, page))
        assert ratio >= 3, (name, selector, round(ratio, 2))
    urgent = border_colour(styled['QLabel[role="urgent"]'])
    assert urgent is not None and contrast(urgent, page) >= 3


@pytest.mark.parametrize("name", THEMES)
def test_painted_shapes_a_visitor_needs_to_see(name: str) -> None:
    """The position dots and the paging arrows, drawn by hand rather than by the stylesheet."""
    colours = theme.HIGH_CONTRAST if THEMES[name][0] else theme.NORMAL
    for shape in (colours.dot, colours.accent):
        assert contrast(shape, colours.background) >= 3, (name, shape.name())
    assert contrast(colours.urgent_text, colours.urgent_background) >= 7


def darkest_contrast(image: QImage, box: QRectF, background: QColor) -> float:
    """The strongest contrast against the background inside `box`: the core of the glyphs' strokes."""
    part = image.copy(box.toAlignedRect()).convertToFormat(QImage.Format.Format_RGB32)
    pixels = set(memoryview(part.constBits()).cast("I"))
    return max(contrast(QColor.fromRgb(p), background) for p in pixels)


@pytest.mark.parametrize("name", THEMES)
def test_rendered_slides_sampled_from_their_pixels(make_kiosk: MakeKiosk, name: str) -> None:
    high, text_min = THEMES[name]
    kiosk = make_kiosk()
    kiosk.take_over()
    kiosk.set_high_contrast(high)
    show = kiosk.slideshow
    background = kiosk.look().colours.background
    for index, slide in enumerate(show.slides()):
        show.show_index(index, animate=False)
        pixmap = show.current_pixmap()
        assert pixmap is not None
        image = pixmap.toImage()
        assert QColor(image.pixel(2, 2)) == background, slide.id
        layout = show.renderer.layout(slide, "nl", show.size())
        boxes = {"title": layout.title, "body": layout.body}
        if layout.corner is not None:
            boxes["caption"] = layout.corner.caption
        for part, box in boxes.items():
            if box.height() < 1:
                continue
            ratio = darkest_contrast(image, box, background)
            assert ratio >= text_min, (name, slide.id, part, round(ratio, 2))
