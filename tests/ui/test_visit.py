"""One visit holds everything a visitor changed; the idle reset replaces it whole, and every screen shows
the fresh one: nothing of the last visitor is left on any screen."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.content import Content
from kiosk.services import printing
from kiosk.services.printing import PrintOutcome
from kiosk.services.visit import Screen, Visit
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.ui.conftest import advance

MakeKiosk = Callable[..., KioskWindow]


def click(button: QPushButton) -> None:
    assert button.isVisible(), button.objectName()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_idle_reset_leaves_nothing_of_the_last_visitor_on_any_screen(
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    content_copy: Path,
    fake_clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(printing, "print_handout", lambda content, lang, name, spooler: PrintOutcome.PRINTED)
    site = content_copy / "site.toml"
    site.write_text(
        site.read_text(encoding="utf-8").replace('languages = ["nl"]', 'languages = ["nl", "en"]'),
        encoding="utf-8",
    )
    kiosk = make_kiosk(content_copy)
    fresh = Visit(language="nl")
    assert kiosk.visit == fresh

    # A visitor: pages on, switches language, recognises two signs, prints the contact details.
    kiosk.take_over()
    click(kiosk.bottom_bar.next)
    click(kiosk.bottom_bar.next)
    click(kiosk.bottom_bar.language)
    click(kiosk.language_menu.buttons["en"])
    click(kiosk.top_bar.signs)
    click(kiosk.signs.recognised)
    click(kiosk.signs.recognised)
    click(kiosk.signs.back)
    assert kiosk.signs.recognised.text().startswith("✓")  # card 2, as this visitor answered it
    click(kiosk.signs.recognised)
    click(kiosk.signs.next)
    click(kiosk.signs.next)
    click(kiosk.signs.to_contact)
    with qtbot.waitSignal(kiosk.printer.print_finished, timeout=10_000):  # type: ignore[union-attr]
        click(kiosk.contact.print)
    assert kiosk.contact.status.text().startswith("Thank you")  # the interface's words follow the visit
    assert kiosk.visit.language == "en" and kiosk.visit.recognised() == 2
    assert kiosk.visit.screen is Screen.CONTACT

    # Nobody touches the screen for the idle timeout.
    advance(fake_clock, kiosk.content.site.kiosk.idle_timeout_s)

    assert kiosk.visit == fresh
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    assert kiosk.slideshow.index() == 0 and kiosk.slideshow.is_playing()
    assert kiosk.bottom_bar.hint.isVisible() and not kiosk.bottom_bar.next.isVisible()
    assert kiosk.bottom_bar.language.text().strip() == "Nederlands"
    # The screens a next visitor opens show nothing of the last one.
    assert kiosk.contact.status.text() == "" and kiosk.contact.print.isEnabled()
    assert kiosk.signs.progress.text() == "Signaal 1 van 4"
    assert not kiosk.signs.recognised.text().startswith("✓")
    kiosk.show_signs()
    assert kiosk.pages.currentWidget() is kiosk.signs and not kiosk.signs.on_summary()


def test_a_handout_that_comes_out_after_the_reset_tells_the_next_visitor_nothing(
    qtbot: QtBot, make_kiosk: MakeKiosk, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def slow(content: Content, lang: str, name: str, spooler: object) -> PrintOutcome:  # on the worker
        release.wait(10)
        return PrintOutcome.PRINTED

    monkeypatch.setattr(printing, "print_handout", slow)
    kiosk = make_kiosk()
    kiosk.show_contact()
    click(kiosk.contact.print)
    assert kiosk.contact.status.text() == "Wordt afgedrukt…"
    advance(fake_clock, kiosk.content.site.kiosk.idle_timeout_s)  # the visitor walked away meanwhile
    release.set()
    qtbot.waitUntil(lambda: kiosk.printer.prints_today() == 1, timeout=10_000)  # type: ignore[union-attr]
    kiosk.show_contact()
    assert kiosk.contact.status.text() == ""
