"""Which languages read right to left, and phone numbers that keep their order inside them."""

from __future__ import annotations

from kiosk.content.model import FSI, LRI, PDI, is_right_to_left, labelled_line, numbers_left_to_right


def test_arabic_reads_right_to_left_and_the_sites_other_languages_do_not() -> None:
    assert is_right_to_left("ar") and is_right_to_left("fa") and is_right_to_left("he")
    assert not any(is_right_to_left(lang) for lang in ("nl", "en", "tr", "pl"))


def test_phone_numbers_are_isolated_left_to_right_only_in_right_to_left_text() -> None:
    line = "اتصلي بالرقم 113 أو 020 123 45 67، أو +31 (0)20-1234567."
    isolated = numbers_left_to_right(line, "ar")
    assert f"{LRI}020 123 45 67{PDI}" in isolated and f"{LRI}+31 (0)20-1234567{PDI}" in isolated
    assert isolated.replace(LRI, "").replace(PDI, "") == line
    assert numbers_left_to_right(line, "nl") == line


def test_a_contact_line_keeps_its_own_direction_in_arabic() -> None:
    assert labelled_line("Telefoon", "020 123 45 67", "nl") == "Telefoon: 020 123 45 67"
    line = labelled_line("Telefoon", "020 123 45 67", "ar")
    assert line.startswith(FSI) and line.endswith(PDI) and f"{LRI}020 123 45 67{PDI}" in line
