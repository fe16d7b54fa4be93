"""What staff did, for whoever looks after the kiosk: sessions and changes in the log, and when the QR code
last changed, kept in the state folder so the next staff member to log in hears of it.

Field names and the new contact details are logged; PIN digits and the PIN hash never are.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from kiosk.content import Content
from kiosk.content.digest import sha256
from kiosk.content.editing import Change, SiteChange
from kiosk.content.qr import qr_payload
from kiosk.services.pin import TimeSource
from kiosk.services.state_file import DamagedRecordError, read_record, write_record

staff_log = logging.getLogger("kiosk.staff")
QR_FILE = "qr-changed.json"
CONTACT_FIELDS = ("clinic.", "qr.")  # their new values are logged: they are public anyway


def describe_change(change: Change) -> str:
    """`site.toml: clinic.phone='030 …', slides.order` or `slides/x.nl.md: title, body`."""
    if isinstance(change, SiteChange):
        fields = [
            f"{key}={value!r}" if key.startswith(CONTACT_FIELDS) else key
            for key, value in change.values.items()
            if "pin" not in key
        ]
    else:
        fields = [*change.settings, *(["body"] if change.body is not None else [])]
    return f"{change.file}: {', '.join(fields) or 'nothing'}"


class QrChangeRecord:
    """Remembers a fingerprint of what the QR code carries and when that last changed (wall time)."""

    def __init__(self, path: Path, clock: TimeSource) -> None:
        self._path = path
        self._clock = clock

    def _read(self) -> dict[str, object]:
        try:
            return read_record(self._path) or {}
        except DamagedRecordError:
            return {}

    def note(self, content: Content) -> None:
        """Called with every content the kiosk shows; the first one only sets the fingerprint."""
        payload = sha256(qr_payload(content.site).encode()).hexdigest()
        record = self._read()
        if record.get("payload") == payload:
            return
        if record.get("payload") is not None:
            record.update(changed_at=self._clock.now().isoformat(timespec="minutes"), announced=False)
            staff_log.warning(
                "staff: the QR code now opens %s", content.site.qr.web_address() or "(a contact card)"
            )
        record["payload"] = payload
        write_record(self._path, record)

    def changed_at(self) -> dt.datetime | None:
        when = self._read().get("changed_at")
        try:
            return dt.datetime.fromisoformat(when) if isinstance(when, str) else None
        except ValueError:
            return None

    def announce(self) -> dt.datetime | None:
        """The change, the first time this is asked after it: the next staff login hears of it once."""
        record = self._read()
        when = self.changed_at()
        if when is None or record.get("announced"):
            return None
        record["announced"] = True
        write_record(self._path, record)
        return when


def changed_on(when: dt.datetime) -> str:
    return f"gewijzigd op {when:%d-%m-%Y %H:%M}"


def changed_text(when: dt.datetime) -> str:
    """What the next staff member to log in reads."""
    return f"QR-code {changed_on(when)}"
