"""The staff PIN: stored only as a salted, slow hash; five wrong tries lock the pad for a while.

Pure Python (hashlib.scrypt), so `set-pin` works without a display. Attempts are logged, digits never.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import logging
import os
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MAX_WRONG = 5
LOCKOUT = dt.timedelta(minutes=5)


def hash_pin(pin: str) -> str:
    """`scrypt$N$r$p$salt$hash`, base64; a new random salt each time."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    encode = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${encode(salt).decode()}${encode(digest).decode()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        log.error("the stored staff PIN hash is damaged; run 'python -m kiosk set-pin'")
        return False
    return hmac.compare_digest(actual, expected)


def valid_new_pin(pin: str) -> bool:
    return pin.isdigit() and 4 <= len(pin) <= 8


class PinGuard:
    """Checks PINs and counts wrong ones; after five, refuses every try until the lockout has passed.

    The lockout runs on monotonic time: setting the wall clock back neither extends nor ends it.
    """

    def __init__(self, stored_hash: str, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.stored_hash = stored_hash
        self._monotonic = monotonic
        self._wrong = 0
        self._locked_until: float | None = None

    def locked_for(self) -> dt.timedelta:
        if self._locked_until is None:
            return dt.timedelta(0)
        left = self._locked_until - self._monotonic()
        if left <= 0:
            self._locked_until = None
            self._wrong = 0
            return dt.timedelta(0)
        return dt.timedelta(seconds=left)

    def check(self, pin: str) -> bool:
        if self.locked_for() > dt.timedelta(0):
            log.warning("staff PIN attempt while locked")
            return False
        if self.stored_hash and pin_matches(pin, self.stored_hash):
            log.info("staff mode opened")
            self._wrong = 0
            return True
        self._wrong += 1
        log.warning("wrong staff PIN (%d of %d)", self._wrong, MAX_WRONG)
        if self._wrong >= MAX_WRONG:
            self._locked_until = self._monotonic() + LOCKOUT.total_seconds()
            log.warning("staff PIN pad locked for %d minutes", LOCKOUT.seconds // 60)
        return False
