"""The staff PIN: at least six digits, none easy to guess, stored only as a salted, slow hash; wrong tries
lock the pad for longer and longer, and the lockout survives a restart.

Pure Python (hashlib.scrypt), so `set-pin` works without a display. Attempts are logged, digits never.
hashlib (and with it OpenSSL, about 4 MB) is imported when a PIN is hashed or checked, not with the kiosk.
"""

from __future__ import annotations

import base64
import calendar
import datetime as dt
import functools
import itertools
import logging
import os
from pathlib import Path
from typing import Protocol

from kiosk.content.site import PIN_SCHEME
from kiosk.services.state_file import DamagedRecordError, read_record, write_record

log = logging.getLogger(__name__)
staff_log = logging.getLogger("kiosk.staff")  # the staff sessions and changes, in the kiosk's log file

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_DIGITS, MAX_DIGITS = 6, 8
WRONG_PER_LOCKOUT = 5
# The first five wrong PINs lock the pad for 5 minutes, the next five for 15, every further five for an hour.
LOCKOUTS = (dt.timedelta(minutes=5), dt.timedelta(minutes=15), dt.timedelta(minutes=60))
LOCKOUT_FILE = "staff-lockout.json"


class TimeSource(Protocol):
    """What the lockout needs of the kiosk's Clock (kiosk.services.clock), which it cannot import: Qt."""

    def now(self) -> dt.datetime: ...

    def monotonic(self) -> float: ...


def hash_pin(pin: str) -> str:
    """`scrypt6$N$r$p$salt$hash`, base64; a new random salt each time. `scrypt6` marks a PIN chosen under
    the six-digit rule; hashes from before it say `scrypt`."""
    import hashlib

    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    encode = base64.b64encode
    return f"{PIN_SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${encode(salt).decode()}${encode(digest).decode()}"


def pin_matches(pin: str, stored: str) -> bool:
    import hashlib
    import hmac

    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme not in (PIN_SCHEME, "scrypt"):
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        log.error("the stored staff PIN hash is damaged; run 'python -m kiosk set-pin'")
        return False
    return hmac.compare_digest(actual, expected)


# -- choosing a PIN ------------------------------------------------------------------------------
# Dates people use as a PIN (a birthday, a wedding day), by length: D, M and Y stand for the digits of the
# day, month and year, each written with or without its leading zero as the shape says.
DATE_SHAPES = {
    6: ("DDMMYY", "MMDDYY", "YYMMDD", "DMYYYY", "MDYYYY"),
    7: ("DMMYYYY", "DDMYYYY", "MDDYYYY", "MMDYYYY"),
    8: ("DDMMYYYY", "MMDDYYYY", "YYYYMMDD"),
}
DATE_YEARS = range(1900, 2100)


@functools.cache
def _dates() -> frozenset[str]:
    """Every date in every shape, written out once (some 400 000): checking a PIN is then a look-up."""
    written: set[str] = set()
    days = [dt.date(2000, 1, 1) + dt.timedelta(days=n) for n in range(366)]  # a leap year: 29 February too
    for shape in (shape for shapes in DATE_SHAPES.values() for shape in shapes):
        widths = {letter: shape.count(letter) for letter in "DMY"}
        order = sorted("DMY", key=shape.index)
        years = DATE_YEARS if widths["Y"] == 4 else range(100)
        for day in days:
            if len(str(day.day)) > widths["D"] or len(str(day.month)) > widths["M"]:
                continue
            for year in years:
                if widths["Y"] == 4 and not calendar.isleap(year) and (day.month, day.day) == (2, 29):
                    continue
                value = {"D": day.day, "M": day.month, "Y": year}
                written.add("".join(f"{value[letter]:0{widths[letter]}d}" for letter in order))
    return frozenset(written)


def pin_weakness(pin: str) -> str | None:
    """Why `pin` is not a good staff PIN, in plain Dutch; None when it is one."""
    if not pin.isdigit() or not pin.isascii():
        return "Een pincode bestaat alleen uit cijfers."
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return f"Kies een pincode van {MIN_DIGITS} tot {MAX_DIGITS} cijfers."
    if len(set(pin)) == 1:
        return "Alle cijfers zijn gelijk; zo'n pincode raadt iemand snel."
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {9}):
        return "Dit is een rij opeenvolgende cijfers (zoals 123456 of 654321); die raadt iemand snel."
    if any(
        len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size)
        for size in range(2, len(pin) // 2 + 1)
    ):
        return "Dit is een herhaald patroon (zoals 121212 of 123123); dat raadt iemand snel."
    if pin in _dates():
        return "Dit kan een datum zijn (zoals een verjaardag); die raadt iemand snel."
    return None


def from_before_the_six_digit_rule(stored: str) -> bool:
    return stored.startswith("scrypt$")


# -- the lockout ---------------------------------------------------------------------------------
class PinLockout:
    """Counts wrong PINs and locks the pad, for longer after each lockout, until the right PIN is given.

    Within a run the lockout ends on monotonic time, so setting the wall clock either way changes nothing.
    Every wrong try is written to the state folder at once, with the lockout's start in wall time, so a
    restart (pulling the plug) neither resets the count nor ends a lockout. After a restart the time left is
    at most the lockout's own length: a wall clock that went back cannot stretch it, and a damaged record
    counts as one lockout (five minutes), neither a free pass nor a pad locked for good. A missing record
    is a kiosk where nothing went wrong yet.
    """

    def __init__(self, path: Path, clock: TimeSource) -> None:
        self._path = path
        self._clock = clock
        self.wrong = 0  # wrong PINs since the last lockout or the last right one
        self.lockouts = 0  # lockouts since the last right PIN: the next one is longer
        self._length = dt.timedelta(0)  # of the lockout now running
        self._locked_at: dt.datetime | None = None  # wall time, for the record
        self._until: float | None = None  # monotonic seconds
        self._load()

    def locked_for(self) -> dt.timedelta:
        if self._until is None:
            return dt.timedelta(0)
        return dt.timedelta(seconds=max(0.0, self._until - self._clock.monotonic()))

    def next_lockout(self) -> dt.timedelta:
        return LOCKOUTS[min(self.lockouts, len(LOCKOUTS) - 1)]

    def wrong_pin(self) -> None:
        self.wrong += 1
        staff_log.warning("staff: wrong PIN (%d of %d before a lockout)", self.wrong, WRONG_PER_LOCKOUT)
        if self.wrong >= WRONG_PER_LOCKOUT:
            self._lock(self.next_lockout())
            staff_log.warning(
                "staff: PIN pad locked for %d minutes (lockout %d in a row)",
                self._length.total_seconds() // 60,
                self.lockouts,
            )
        self._save()

    def right_pin(self) -> None:
        if self.wrong or self.lockouts or self._until is not None:
            self.wrong = self.lockouts = 0
            self._until = self._locked_at = None
            self._save()

    def _lock(self, length: dt.timedelta, left: dt.timedelta | None = None) -> None:
        self.wrong = 0
        self.lockouts += 1
        self._length = length
        self._locked_at = self._clock.now() - (length - left if left is not None else dt.timedelta(0))
        self._until = self._clock.monotonic() + (length if left is None else left).total_seconds()

    def _save(self) -> None:
        running = self.locked_for() > dt.timedelta(0)
        write_record(
            self._path,
            {
                "wrong": self.wrong,
                "lockouts": self.lockouts,
                "locked_at": self._locked_at.isoformat() if running and self._locked_at else None,
                "lockout_s": self._length.total_seconds() if running else 0,
            },
        )

    def _load(self) -> None:
        try:
            record = read_record(self._path)
            if record is None:
                return
            wrong, lockouts = record["wrong"], record["lockouts"]
            locked_at, length_s = record["locked_at"], record["lockout_s"]
            if not all(isinstance(n, int) and 0 <= n < 1_000_000 for n in (wrong, lockouts)):
                raise DamagedRecordError("counts out of range")
            if not isinstance(length_s, int | float) or not 0 <= length_s <= LOCKOUTS[-1].total_seconds():
                raise DamagedRecordError("lockout length out of range")
            started = None if locked_at is None else dt.datetime.fromisoformat(locked_at)
        except (DamagedRecordError, KeyError, TypeError, ValueError) as err:
            log.error("the staff lockout record is damaged (%s); counting it as one lockout", err)
            self.lockouts = 0
            self._lock(LOCKOUTS[0])
            self._save()
            return
        self.wrong = min(wrong, WRONG_PER_LOCKOUT - 1)
        self.lockouts = lockouts
        if started is not None and length_s > 0:
            length = dt.timedelta(seconds=length_s)
            since = self._clock.now() - started
            left = length - since if since >= dt.timedelta(0) else length  # the clock went back: all of it
            if left > dt.timedelta(0):
                self.lockouts -= 1  # _lock counts it again
                self._lock(length, min(left, length))


class PinGuard:
    """Checks PINs against the stored hash through the lockout: while locked, even the right PIN fails."""

    def __init__(self, stored_hash: str, lockout: PinLockout) -> None:
        self.stored_hash = stored_hash
        self.lockout = lockout

    def locked_for(self) -> dt.timedelta:
        return self.lockout.locked_for()

    def check(self, pin: str) -> bool:
        if self.locked_for() > dt.timedelta(0):
            staff_log.warning("staff: PIN tried while the pad is locked")
            return False
        if self.stored_hash and pin_matches(pin, self.stored_hash):
            self.lockout.right_pin()
            staff_log.info("staff: login with the right PIN; staff mode opened")
            return True
        self.lockout.wrong_pin()
        return False
