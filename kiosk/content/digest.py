"""SHA-256 without OpenSSL. Importing `hashlib` loads libcrypto, about 4 MB of the kiosk's resident memory
(a tenth of its budget above a bare window), for hashes of text the kiosk already holds: which Dutch text a
translation was made from, which folder state a save started from, which `.qm` file is compiled. CPython's
own SHA-256 gives the same digest without it; `hashlib` stays the fallback where that module is missing.
The staff PIN's scrypt does need OpenSSL, and loads it only when a PIN is checked."""

from __future__ import annotations

import sys

try:
    if sys.version_info >= (3, 12):
        from _sha2 import sha256
    else:
        from _sha256 import sha256
except ImportError:  # a Python built without its own hashes
    from hashlib import sha256

__all__ = ["sha256"]
