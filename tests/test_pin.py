"""The staff PIN: a slow salted hash, PINs that are hard to guess, and a lockout that grows and survives a
restart, on the kiosk's clock (FakeClock: a year of guessing runs in seconds)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from kiosk.services.pin import (
    LOCKOUT_FILE,
    WRONG_PER_LOCKOUT,
    PinGuard,
    PinLockout,
    hash_pin,
    pin_matches,
    pin_weakness,
)
from tests.fake_clock import FakeClock

YEAR_S = 365 * 24 * 3600
WEEK_S = 7 * 24 * 3600


@pytest.fixture
def lockout_file(tmp_path: Path) -> Path:
    return tmp_path / LOCKOUT_FILE


def wrong(lockout: PinLockout, times: int) -> None:
    for _ in range(times):
        lockout.wrong_pin()


def test_the_hash_never_contains_the_pin_and_is_salted() -> None:
    first, second = hash_pin("482617"), hash_pin("482617")
    assert "482617" not in first
    assert first != second  # a new salt each time
    assert first.startswith("scrypt6$")  # chosen under the six-digit rule
    assert pin_matches("482617", first) and pin_matches("482617", second)
    assert not pin_matches("482618", first)


def test_a_hash_from_before_the_six_digit_rule_still_opens() -> None:
    old = hash_pin("2468").replace("scrypt6$", "scrypt$", 1)  # what set-pin wrote before
    assert pin_matches("2468", old)
    assert not pin_matches("2469", old)


def test_right_pin_opens_wrong_pin_does_not(lockout_file: Path, fake_clock: FakeClock) -> None:
    guard = PinGuard(hash_pin("482617"), PinLockout(lockout_file, fake_clock))
    assert not guard.check("482616")
    assert guard.check("482617")


def test_a_damaged_hash_never_opens(lockout_file: Path, fake_clock: FakeClock) -> None:
    lockout = PinLockout(lockout_file, fake_clock)
    assert not PinGuard("scrypt6$garbage", lockout).check("482617")
    assert not PinGuard("", lockout).check("")


@pytest.mark.parametrize(
    ("pin", "why"),
    [
        ("4826", "6 tot 8 cijfers"),
        ("48261", "6 tot 8 cijfers"),
        ("482617123", "6 tot 8 cijfers"),
        ("48261a", "alleen uit cijfers"),
        ("４８２６１７", "alleen uit cijfers"),  # full-width digits: no pad key types them
        ("777777", "Alle cijfers zijn gelijk"),
        ("123456", "opeenvolgende cijfers"),
        ("654321", "opeenvolgende cijfers"),
        ("34567890", "opeenvolgende cijfers"),
        ("121212", "herhaald patroon"),
        ("123123", "herhaald patroon"),
        ("48264826", "herhaald patroon"),
        ("010190", "datum"),  # DDMMYY
        ("900101", "datum"),  # YYMMDD
        ("311299", "datum"),
        ("123199", "datum"),  # MMDDYY
        ("151990", "datum"),  # D M YYYY
        ("1011990", "datum"),
        ("19900101", "datum"),  # YYYYMMDD
        ("01011990", "datum"),  # DDMMYYYY
        ("29022000", "datum"),
    ],
)
def test_set_pin_refuses_easy_pins_in_plain_dutch(pin: str, why: str) -> None:
    reason = pin_weakness(pin)
    assert reason is not None and why in reason


@pytest.mark.parametrize("pin", ["482617", "903857", "31139905", "29022001", "7305912"])
def test_pins_nobody_would_guess_first_are_taken(pin: str) -> None:
    assert pin_weakness(pin) is None


def test_the_lockout_grows_5_15_60_minutes_and_a_right_pin_resets_it(
    lockout_file: Path, fake_clock: FakeClock
) -> None:
    lockout = PinLockout(lockout_file, fake_clock)
    lengths = []
    for _ in range(5):
        wrong(lockout, WRONG_PER_LOCKOUT - 1)
        assert lockout.locked_for() == dt.timedelta(0)  # four wrong: not yet
        lockout.wrong_pin()
        lengths.append(lockout.locked_for())
        fake_clock.advance(lockout.locked_for().total_seconds())
        assert lockout.locked_for() == dt.timedelta(0)
    assert [round(t.total_seconds() / 60) for t in lengths] == [5, 15, 60, 60, 60]
    lockout.right_pin()
    wrong(lockout, WRONG_PER_LOCKOUT)
    assert lockout.locked_for() == dt.timedelta(minutes=5)


def test_the_lockout_runs_on_monotonic_time_whatever_the_wall_clock_does(
    lockout_file: Path, fake_clock: FakeClock
) -> None:
    lockout = PinLockout(lockout_file, fake_clock)
    wrong(lockout, WRONG_PER_LOCKOUT)
    fake_clock.set_wall_time(fake_clock.now() + dt.timedelta(days=1))  # forward: no free pass
    assert lockout.locked_for() == dt.timedelta(minutes=5)
    fake_clock.set_wall_time(fake_clock.now() - dt.timedelta(days=2))  # back: no longer lockout
    fake_clock.advance(5 * 60)
    assert lockout.locked_for() == dt.timedelta(0)


def test_a_restart_keeps_the_lockout_and_the_count(lockout_file: Path, fake_clock: FakeClock) -> None:
    lockout = PinLockout(lockout_file, fake_clock)
    wrong(lockout, WRONG_PER_LOCKOUT)
    fake_clock.advance(60)
    restarted = PinLockout(lockout_file, fake_clock)  # the plug pulled a minute into the lockout
    assert restarted.locked_for() == dt.timedelta(minutes=4)
    fake_clock.advance(4 * 60)
    assert restarted.locked_for() == dt.timedelta(0)
    wrong(restarted, 2)
    again = PinLockout(lockout_file, fake_clock)
    wrong(again, WRONG_PER_LOCKOUT - 2)  # the two before the restart still count
    assert again.locked_for() == dt.timedelta(minutes=15)  # and this is the second lockout


def test_after_a_restart_a_clock_set_back_cannot_stretch_the_lockout(
    lockout_file: Path, fake_clock: FakeClock
) -> None:
    wrong(PinLockout(lockout_file, fake_clock), WRONG_PER_LOCKOUT)
    fake_clock.set_wall_time(fake_clock.now() - dt.timedelta(days=30))
    assert PinLockout(lockout_file, fake_clock).locked_for() == dt.timedelta(minutes=5)


@pytest.mark.parametrize("damage", ["", "{", '{"wrong": "x"}', "[]", '{"wrong": 0}', "\x00\xff"])
def test_a_damaged_record_counts_as_one_lockout_not_a_free_pass_nor_for_ever(
    lockout_file: Path, fake_clock: FakeClock, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    lockout_file.write_text(damage, encoding="latin-1")
    lockout = PinLockout(lockout_file, fake_clock)
    assert lockout.locked_for() == dt.timedelta(minutes=5)
    assert "damaged" in caplog.text
    fake_clock.advance(5 * 60)
    assert PinLockout(lockout_file, fake_clock).locked_for() == dt.timedelta(0)  # and it was repaired


def test_no_record_is_a_kiosk_where_nothing_went_wrong_yet(lockout_file: Path, fake_clock: FakeClock) -> None:
    assert PinLockout(lockout_file, fake_clock).locked_for() == dt.timedelta(0)


def test_guessing_a_six_digit_pin_takes_years(lockout_file: Path, fake_clock: FakeClock) -> None:
    """The attacker's best: a wrong PIN the moment the pad opens (typing takes no time here), and a
    restart of the kiosk at every lockout, in case that ends it. A week of it, scaled to a year (the week
    includes the quick first lockouts, so that overstates the rate); then half the PINs set-pin accepts."""
    lockout, start, tries = PinLockout(lockout_file, fake_clock), fake_clock.monotonic(), 0
    while fake_clock.monotonic() - start < WEEK_S:
        if lockout.locked_for():
            lockout = PinLockout(lockout_file, fake_clock)  # pull the plug: does that end it?
            fake_clock.advance(lockout.locked_for().total_seconds())  # no: wait
        else:
            lockout.wrong_pin()
            tries += 1
    per_year = tries * YEAR_S / WEEK_S
    sample = range(0, 10**6, 7)  # every seventh six-digit PIN: all digits in every place
    accepted = sum(pin_weakness(f"{n:06d}") is None for n in sample) / len(sample) * 10**6
    years_for_half = accepted / 2 / per_year
    print(f"{per_year:.0f} tries a year, {accepted:.0f} PINs taken: half of them in {years_for_half:.1f} y")
    assert years_for_half >= 1


def test_wrong_pins_and_lockouts_are_logged_the_digits_never(
    lockout_file: Path, fake_clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    guard = PinGuard(hash_pin("482617"), PinLockout(lockout_file, fake_clock))
    with caplog.at_level(logging.INFO):
        for _ in range(WRONG_PER_LOCKOUT):
            assert not guard.check("903857")
        assert not guard.check("482617")  # locked: even the right one
    assert "903857" not in caplog.text and "482617" not in caplog.text
    assert "wrong PIN (5 of 5" in caplog.text
    assert "locked for 5 minutes" in caplog.text
    assert "903857" not in lockout_file.read_text(encoding="utf-8")
