"""The site's QR code, kept in the state folder between starts: encoding it needs segno, whose import
(xml, urllib, http, email) and encoding cost a start about 35 ms, and the first slide's layout needs the
code's size. It is the clinic's own web address or contact card, never anything about a visitor.
"""

from __future__ import annotations

from kiosk.render.qr import qr_modules
from kiosk.services.state_file import DamagedRecordError, read_record, state_path, write_record

RECORD = "qr-code.json"


def cached_qr_modules(payload: str) -> list[list[bool]]:
    """The modules for `payload`: from the state folder when it holds this payload's, else encoded (and
    kept for the next start). A damaged or unreadable record is encoded again."""
    path = state_path(RECORD)
    try:
        record = read_record(path)
    except DamagedRecordError:
        record = None
    if record is not None and record.get("payload") == payload:
        rows = record.get("rows")
        if isinstance(rows, list) and rows and all(isinstance(r, str) and len(r) == len(rows) for r in rows):
            return [[cell == "1" for cell in row] for row in rows]
    modules = qr_modules(payload)
    write_record(path, {"payload": payload, "rows": ["".join("1" if c else "0" for c in r) for r in modules]})
    return modules
