"""What the contact QR code carries, from the site settings: a web address or a contact card."""

from __future__ import annotations

from kiosk.content.model import Site


def qr_payload(site: Site) -> str:
    """A web address (with the optional campaign tag) or a vCard a phone adds to its contacts."""
    if site.qr.kind == "vcard":
        clinic = site.clinic
        lines = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"FN:{_vcard_escape(clinic.name)}",
            f"ORG:{_vcard_escape(clinic.name)}",
        ]
        if clinic.phone:
            lines.append(f"TEL;TYPE=WORK,VOICE:{clinic.phone}")
        if clinic.email:
            lines.append(f"EMAIL:{clinic.email}")
        url = site.qr.web_address() or clinic.website
        if url:
            lines.append(f"URL:{url}")
        lines.append("END:VCARD")
        return "\r\n".join(lines)
    return site.qr.web_address()


def _vcard_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
