"""The staff PIN: a slow salted hash, right and wrong answers, and the lockout after five wrong ones."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from kiosk.services.pin import MAX_WRONG, PinGuard, hash_pin, pin_matches, valid_new_pin


def test_the_hash_never_contains_the_pin_and_is_salted() -> None:
    first, second = hash_pin("4321"), hash_pin("4321")
    assert "4321" not in first
    assert first != second  # a new salt each time
    assert first.startswith("scrypt$")
    assert pin_matches("4321", first) and pin_matches("4321", second)
    assert not pin_matches("1234", first)


def test_right_pin_opens_wrong_pin_does_not() -> None:
    guard = PinGuard(hash_pin("2468"))
    assert not guard.check("1357")
    assert guard.check("2468")


def test_five_wrong_pins_lock_the_pad_even_for_the_right_one(caplog: pytest.LogCaptureFixture) -> None:
    seconds = [1000.0]
    guard = PinGuard(hash_pin("2468"), lambda: seconds[0])  # monotonic seconds, moved by hand
    with caplog.at_level(logging.INFO):
        for _ in range(MAX_WRONG):
            assert not guard.check("0000")
        assert guard.locked_for() > dt.timedelta(0)
        assert not guard.check("2468")
    assert "0000" not in caplog.text and "2468" not in caplog.text  # attempts logged, digits never
    assert "wrong staff PIN (5 of 5)" in caplog.text
    seconds[0] += 4 * 60
    assert not guard.check("2468")  # still locked after four minutes
    seconds[0] += 61
    assert guard.check("2468")


def test_a_damaged_hash_never_opens(caplog: pytest.LogCaptureFixture) -> None:
    assert not PinGuard("scrypt$garbage").check("1234")
    assert not PinGuard("").check("")


@pytest.mark.parametrize(("pin", "ok"), [("1234", True), ("12345678", True), ("123", False), ("12a4", False)])
def test_new_pins_are_4_to_8_digits(pin: str, ok: bool) -> None:
    assert valid_new_pin(pin) is ok
