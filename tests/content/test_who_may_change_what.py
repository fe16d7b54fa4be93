"""What only the installer sets, as `validate` reports it: the PIN's age, the hosts the QR code may open."""

from __future__ import annotations

from pathlib import Path

from kiosk.content import Severity, load_content
from kiosk.content.editing import ContentEditor

OLD_HASH = "scrypt$16384$8$1$c2FsdA==$ZGlnZXN0"  # set-pin before the six-digit rule (4 to 8 digits)


def problems_of(folder: Path, field: str) -> list[str]:
    return [str(p) for p in load_content(folder).problems if p.field == field]


def test_a_pin_from_before_the_six_digit_rule_is_a_warning_with_file_line_and_field(
    content_copy: Path,
) -> None:
    assert ContentEditor(content_copy).save_site({"staff.pin_hash": OLD_HASH}).saved
    line = next(
        n
        for n, text in enumerate((content_copy / "site.toml").read_text().splitlines(), 1)
        if "pin_hash" in text
    )
    (problem,) = problems_of(content_copy, "staff.pin_hash")
    assert problem.startswith(f"site.toml:{line}: [staff.pin_hash] warning: ")
    assert "kies een pincode van 6 cijfers" in problem
    assert load_content(content_copy).site.staff.pin_hash == OLD_HASH  # it still opens staff mode


def test_addresses_off_the_allowed_hosts_are_errors_subdomains_are_fine(content_copy: Path) -> None:
    editor = ContentEditor(content_copy)
    assert not editor.save_site({"qr.url": "https://example.org@phish.test/"}).saved  # refused: a new error
    (content_copy / "site.toml").write_text(
        (content_copy / "site.toml")
        .read_text()
        .replace('url = "https://example.org/moeders"', 'url = "https://phish.test/moeders"')
        .replace('website = "https://example.org/moeders"', 'website = "https://www.example.org/"'),
        encoding="utf-8",
    )
    content = load_content(content_copy)
    (problem,) = [p for p in content.problems if p.severity is Severity.ERROR]
    assert (problem.field, problem.file) == ("qr.url", "site.toml") and problem.line is not None
    assert "https://phish.test/moeders ligt niet op een toegestane website (example.org)" in problem.message


def test_an_allowed_host_must_be_a_host_name(content_copy: Path) -> None:
    path = content_copy / "site.toml"
    path.write_text(
        path.read_text().replace(
            'allowed_hosts = ["example.org"]', 'allowed_hosts = ["https://example.org/"]'
        ),
        encoding="utf-8",
    )
    assert any("is not a host name" in p for p in problems_of(content_copy, "qr.allowed_hosts"))
