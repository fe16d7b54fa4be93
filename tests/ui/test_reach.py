"""Reach (EN 301 549 / ADA): with the screen hung high, no visitor control sits above 1220 mm; the controls
move to the bottom band. Heights are computed from `[kiosk] lower_edge_mm`, the screen's size in inches
and each control's place on screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QPushButton

from kiosk.ui.window import REACH_MM, KioskWindow
from tests.conftest import edit_site
from tests.ui.conftest import SIZES
from tests.ui.test_accessible_names import every_visitor_screen

MakeKiosk = Callable[..., KioskWindow]


def hung_at(content: Path, lower_edge_mm: int) -> Path:
    return edit_site(content, "# lower_edge_mm = 900", f"lower_edge_mm = {lower_edge_mm}")


def top_above_floor(kiosk: KioskWindow, button: QPushButton) -> float:
    """How high the top edge of `button` is above the floor, in millimetres."""
    y = button.mapTo(kiosk, QPoint(0, 0)).y()
    edge = kiosk.content.site.kiosk.lower_edge_mm
    assert edge is not None
    return edge + (kiosk.height() - y) * kiosk.look().mm_per_px


def shown_buttons(kiosk: KioskWindow) -> list[QPushButton]:
    if kiosk.reading.isVisible():
        return [kiosk.reading.yes]
    return [b for b in kiosk.findChildren(QPushButton) if b.isVisible()]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_a_high_screen_has_every_control_within_reach(
    make_kiosk: MakeKiosk, content_copy: Path, size: QSize
) -> None:
    # A 24-inch screen whose lower edge is at 1 m (portrait: 0.7 m): its top band would be out of reach.
    kiosk = make_kiosk(
        content=hung_at(content_copy, 700 if size.height() > size.width() else 1000), size=size
    )
    kiosk.take_over()
    assert kiosk.controls_too_high()
    # the top bar is now below the slides
    assert kiosk.top_bar.mapTo(kiosk, QPoint(0, 0)).y() > kiosk.slideshow.mapTo(kiosk, QPoint(0, 0)).y()
    for name, go in every_visitor_screen(kiosk):
        go()
        buttons = shown_buttons(kiosk)
        assert buttons, name
        for button in buttons:
            height = top_above_floor(kiosk, button)
            assert height <= REACH_MM, (name, button.objectName(), round(height))
        kiosk._still_reading()


def test_a_screen_hung_low_keeps_its_controls_on_top(make_kiosk: MakeKiosk, content_copy: Path) -> None:
    kiosk = make_kiosk(content=hung_at(content_copy, 800))
    kiosk.take_over()
    assert not kiosk.controls_too_high()
    assert kiosk.top_bar.mapTo(kiosk, QPoint(0, 0)).y() == 0
    for name, go in every_visitor_screen(kiosk):
        go()
        assert all(top_above_floor(kiosk, b) <= REACH_MM for b in shown_buttons(kiosk)), name
        kiosk._still_reading()
