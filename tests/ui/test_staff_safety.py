"""Who may change what: a PIN pad that stays locked (also after a restart) and says for how long, a log of
what staff did, a QR code that can only point to the hosts set at installation, and a note when it changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.content.editing import ContentEditor, SiteChange
from kiosk.logs import setup_logging
from kiosk.services.pin import hash_pin
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.ui.conftest import advance
from tests.ui.test_staff import PIN, click_and_wait_for_the_store, enter_pin, hold_corner, open_staff

MakeKiosk = Callable[..., KioskWindow]
WRONG = "903857"
NEW_HASH = hash_pin("482617")


@pytest.fixture
def pinned(content_copy: Path) -> Path:
    assert ContentEditor(content_copy).save_site({"staff.pin_hash": hash_pin(PIN)}).saved
    return content_copy


def save_contact(qtbot: QtBot, kiosk: KioskWindow, **fields: str) -> str:
    """Type into the contact tab's fields, save, and return what staff read back."""
    contact = kiosk.staff.screen.contact
    for name, text in fields.items():
        getattr(contact, name).setText(text)
    click_and_wait_for_the_store(qtbot, kiosk, contact.save)
    return kiosk.staff.screen.message.text()


def test_the_pad_says_how_long_it_stays_locked_and_a_restart_does_not_unlock_it(
    make_kiosk: MakeKiosk, pinned: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(content=pinned)
    pad = kiosk.staff.pad
    hold_corner(kiosk, fake_clock)
    for _ in range(5):
        enter_pin(kiosk, WRONG)
    assert pad.message.text() == "Te vaak een verkeerde pincode.\nProbeer het over 5 minuten opnieuw."
    assert not pad.keys["OK"].isEnabled()
    advance(fake_clock, 90)  # the plug is pulled; the kiosk starts again on the same state folder
    restarted = make_kiosk(content=pinned)
    hold_corner(restarted, fake_clock)
    pad = restarted.staff.pad
    assert pad.message.text() == "Te vaak een verkeerde pincode.\nProbeer het over 4 minuten opnieuw."
    pad.pin_entered.emit(PIN)  # even typed past the switched-off keys, the right PIN does not open
    assert restarted.pages.currentWidget() is pad
    advance(fake_clock, 27)
    assert pad.message.text().endswith("Probeer het over 3 minuten opnieuw.")  # kept up to date
    advance(fake_clock, 147)  # the pad closed by itself meanwhile, as after any minute untouched
    hold_corner(restarted, fake_clock)
    assert pad.message.text().endswith("Probeer het over 1 minuut opnieuw.")
    advance(fake_clock, 30)
    assert pad.message.text() == "Je kunt de pincode weer invoeren."
    assert pad.keys["OK"].isEnabled()
    for _ in range(5):
        enter_pin(restarted, WRONG)
    assert pad.message.text().endswith("Probeer het over 15 minuten opnieuw.")  # the second lockout
    advance(fake_clock, 15 * 60)
    hold_corner(restarted, fake_clock)
    enter_pin(restarted, PIN)
    assert restarted.pages.currentWidget() is restarted.staff.screen


def test_staff_sessions_and_changes_are_in_the_log_file_the_pin_never(
    qtbot: QtBot, make_kiosk: MakeKiosk, pinned: Path, fake_clock: FakeClock
) -> None:
    log_file = setup_logging()
    assert log_file is not None
    kiosk = make_kiosk(content=pinned)
    hold_corner(kiosk, fake_clock)
    enter_pin(kiosk, WRONG)
    enter_pin(kiosk, PIN)
    assert save_contact(qtbot, kiosk, phone="030 765 43 21").startswith("Opgeslagen")
    QTest.mouseClick(kiosk.staff.screen.leave, Qt.MouseButton.LeftButton)
    text = log_file.read_text(encoding="utf-8")
    staff_lines = [line for line in text.splitlines() if " kiosk.staff: " in line]
    assert [line.split("kiosk.staff: ")[1].split(" ")[1] for line in staff_lines] == [
        "wrong",
        "login",
        "saving",
        "saved",
        "session",
    ]
    assert "wrong PIN (1 of 5" in text
    assert "clinic.phone='030 765 43 21'" in text
    assert "staff: saved site.toml" in text
    assert all(line[:4].isdigit() for line in staff_lines)  # each with its date and time
    hash_now = kiosk.content.site.staff.pin_hash
    for secret in (PIN, WRONG, "pin_hash", hash_now, hash_now.split("$")[-1]):
        assert secret not in text


def test_a_qr_code_on_another_website_is_refused_in_plain_dutch(
    qtbot: QtBot, make_kiosk: MakeKiosk, pinned: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(content=pinned)
    open_staff(kiosk, fake_clock)
    before = (pinned / "site.toml").read_text(encoding="utf-8")
    message = save_contact(qtbot, kiosk, qr_url="https://example.org.betaal-hier.test/moeders")
    assert message.startswith("Niet opgeslagen")
    assert "ligt niet op een toegestane website (example.org)" in message
    message = save_contact(qtbot, kiosk, qr_url="https://example.org/moeders", website="https://phish.test")
    assert "https://phish.test ligt niet op een toegestane website" in message
    assert (pinned / "site.toml").read_text(encoding="utf-8") == before
    message = save_contact(
        qtbot, kiosk, website="https://www.example.org/", qr_url="https://hulp.example.org/a"
    )
    assert message.startswith("Opgeslagen")  # a subdomain of an allowed host
    assert kiosk.content.site.qr.url == "https://hulp.example.org/a"


def test_staff_cannot_change_the_allowed_hosts_nor_the_pin(
    qtbot: QtBot, make_kiosk: MakeKiosk, pinned: Path, fake_clock: FakeClock
) -> None:
    log_file = setup_logging()
    assert log_file is not None
    kiosk = make_kiosk(content=pinned)
    open_staff(kiosk, fake_clock)
    offered: list[SiteChange] = []
    kiosk.staff.screen.save_requested.connect(offered.extend)  # one save: the changes of one tab
    save_contact(qtbot, kiosk, name="Praktijk De Linde")
    assert offered and not any("allowed_hosts" in key or "pin" in key for key in offered[0].values)
    for change in (
        {"qr.allowed_hosts": ["example.org", "phish.test"], "qr.url": "https://phish.test/"},
        {"qr.allowed_hosts": ["phish.test"]},
        {"staff.pin_hash": NEW_HASH},
    ):
        with qtbot.waitSignal(kiosk.store.save_finished, timeout=10_000) as answer:
            kiosk.staff.screen.save_requested.emit([SiteChange(change)])  # as a form (or a bug in one) might
        assert answer.args is not None and not answer.args[0].saved
        assert "installateur" in answer.args[0].message()
    assert kiosk.content.site.qr.allowed_hosts == ("example.org",)
    staff_lines = [
        line for line in log_file.read_text(encoding="utf-8").splitlines() if "kiosk.staff" in line
    ]
    assert any("qr.allowed_hosts=['phish.test']" in line for line in staff_lines)  # what was asked
    assert not any("pin_hash" in line or NEW_HASH.split("$")[-1] in line for line in staff_lines)


def test_without_allowed_hosts_staff_keep_the_website_the_kiosk_was_installed_with(
    qtbot: QtBot, make_kiosk: MakeKiosk, pinned: Path, fake_clock: FakeClock
) -> None:
    assert ContentEditor(pinned).save_site({"qr.allowed_hosts": None}).saved
    kiosk = make_kiosk(content=pinned)
    open_staff(kiosk, fake_clock)
    message = save_contact(qtbot, kiosk, qr_url="https://phish.test/moeders")
    assert "ligt op een andere website dan nu (example.org" in message
    assert save_contact(qtbot, kiosk, qr_url="https://example.org/kraamtijd").startswith("Opgeslagen")


def test_a_changed_qr_code_shows_in_status_and_at_the_next_login_once(
    qtbot: QtBot, make_kiosk: MakeKiosk, pinned: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(content=pinned)
    open_staff(kiosk, fake_clock)
    assert "QR-code" not in kiosk.staff.screen.status.facts.text()
    assert save_contact(qtbot, kiosk, phone="030 765 43 21").startswith("Opgeslagen")
    assert "QR-code" not in kiosk.staff.screen.status.facts.text()  # the code did not change
    fake_clock.set_wall_time(dt.datetime(2026, 6, 2, 14, 35))
    assert save_contact(qtbot, kiosk, qr_url="https://example.org/nieuw").startswith("Opgeslagen")
    note, fact = "QR-code gewijzigd op 02-06-2026 14:35", "QR-code: gewijzigd op 02-06-2026 14:35"
    assert fact in kiosk.staff.screen.status.facts.text()
    QTest.mouseClick(kiosk.staff.screen.leave, Qt.MouseButton.LeftButton)
    restarted = make_kiosk(content=pinned)  # the next login may be after a restart
    open_staff(restarted, fake_clock)
    assert restarted.staff.screen.message.text() == note
    assert fact in restarted.staff.screen.status.facts.text()
    QTest.mouseClick(restarted.staff.screen.leave, Qt.MouseButton.LeftButton)
    open_staff(restarted, fake_clock)
    assert restarted.staff.screen.message.text() != note  # said once; the status page keeps it
    assert fact in restarted.staff.screen.status.facts.text()
