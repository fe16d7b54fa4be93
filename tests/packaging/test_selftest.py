"""The selftest's own QR reading: it must see a code that is wrong, not just one that is right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from kiosk import selftest
from kiosk.app import build_kiosk, create_application
from kiosk.render.qr import draw_qr, qr_modules
from tests.conftest import DEFAULT_CONTENT


def drawn(modules: list[list[bool]], side: int = 333, box: QRectF | None = None) -> QImage:
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4efe6"))  # the kiosk's warm background around the white code
    painter = QPainter(image)
    draw_qr(painter, box or QRectF(0, 0, side, side), modules)
    painter.end()
    return image


def test_reads_back_every_module() -> None:
    modules = qr_modules("https://example.org/moeders?utm_source=wachtkamer")
    assert selftest.read_modules(drawn(modules), len(modules)) == modules


def test_one_wrong_module_is_seen() -> None:
    modules = qr_modules("https://example.org/")
    wrong = [row[:] for row in modules]
    wrong[12][13] = not wrong[12][13]
    found = selftest.read_modules(drawn(wrong), len(modules))
    assert isinstance(found, list) and selftest._differences(found, modules) == 1


def test_a_cut_off_quiet_zone_is_seen() -> None:
    modules = qr_modules("https://example.org/")
    image = drawn(modules).copy(10, 10, 313, 313)
    assert selftest.read_modules(image, len(modules)) == "the code or its quiet zone is cut off"


def test_the_selftest_fails_when_the_screen_shows_another_code(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_application()
    window = build_kiosk(DEFAULT_CONTENT, windowed=True)
    qtbot.addWidget(window)
    assert selftest._contact_qr(window) == []
    monkeypatch.setattr(selftest, "qr_payload", lambda site: "https://elsewhere.example/")
    problems = selftest._contact_qr(window)
    assert len(problems) == len(selftest.SIZES)
    assert all("modules differ" in problem or "not the site's" in problem for problem in problems)
