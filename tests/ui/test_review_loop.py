"""A slide left unchecked too long past its review date leaves the loop, decided on the kiosk's clock and
again when the date changes while it runs; the signs stay. Staff read what to check again; the handout
says who checked it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QLabel

from kiosk.__main__ import main
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.ui.conftest import advance
from tests.ui.test_handout import words

MakeKiosk = Callable[..., KioskWindow]
# The fake clock starts on 2026-06-01; reviewed on 2023-03-03, due 2026-03-03: 90 days overdue that day.
REVIEW = 'reviewed_by = "A. Jansen, huisarts"\nreviewed_on = 2023-03-03\n'


def _review(folder: Path, name: str, lines: str = REVIEW) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('reviewed_by = ""\n', lines, 1), encoding="utf-8")


def test_an_overdue_slide_leaves_the_loop_at_midnight_and_the_signs_stay(
    make_kiosk: MakeKiosk, content_copy: Path, fake_clock: FakeClock
) -> None:
    for name in ("slides/040-onderzoek.nl.md", "slides/090-signalen.nl.md"):
        _review(content_copy, name)
    kiosk = make_kiosk(content_copy)
    before = [s.id for s in kiosk.slideshow.slides()]
    assert "040-onderzoek" in before and "090-signalen" in before  # 90 days over: still within the grace

    advance(fake_clock, 14 * 3600)  # 10:00 → past midnight, the kiosk running all the while

    shown = [s.id for s in kiosk.slideshow.slides()]
    assert shown == [id for id in before if id != "040-onderzoek"]  # the signs stay


def test_the_grace_days_are_the_sites_own(
    make_kiosk: MakeKiosk, content_copy: Path, fake_clock: FakeClock
) -> None:
    _review(content_copy, "slides/040-onderzoek.nl.md")
    site = content_copy / "site.toml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("# overdue_grace_days = 90", "overdue_grace_days = 89"),
        encoding="utf-8",
    )
    kiosk = make_kiosk(content_copy)
    assert "040-onderzoek" not in [s.id for s in kiosk.slideshow.slides()]


def test_staff_status_says_in_dutch_which_slides_to_check_again(
    make_kiosk: MakeKiosk, content_copy: Path, fake_clock: FakeClock
) -> None:
    _review(content_copy, "slides/040-onderzoek.nl.md")
    _review(content_copy, "slides/020-wat-is-oxytocine.nl.md", REVIEW.replace("2023-03-03", "2023-07-01"))
    kiosk = make_kiosk(content_copy)
    kiosk.staff.enter()
    block = kiosk.staff.screen.status.findChild(QLabel, "care-status")
    assert block is not None and not block.isHidden()
    text = block.text()
    assert "Dia 'Wat is oxytocine?' moet vóór 1 juli 2026 opnieuw gecontroleerd worden." in text
    assert "Dia 'Het onderzoek' had vóór 3 maart 2026 opnieuw gecontroleerd moeten worden" in text
    assert "op 2 juni 2026 verdwijnt hij uit de diavoorstelling" in text
    assert not re.search(r"\.md|/", text)  # no file names for staff
    assert "Tellingen" not in text  # counting is off


def test_the_handout_says_who_checked_it_and_when_and_names_its_source(content_copy: Path) -> None:
    _review(content_copy, "handout.nl.md", 'reviewed_by = "A. Jansen, huisarts"\nreviewed_on = 2026-03-01\n')
    pdf = content_copy.parent / "handout.pdf"
    assert main(["handout", "--out", str(pdf), "--content", str(content_copy)]) == 0
    text = words(pdf)
    assert "Gecontroleerd op 1 maart 2026 door A. Jansen, huisarts" in text
    assert "Bron: Artikel ‘Oxytocine verbetert het contact" in text
    assert "Radboud Universiteit Nijmegen" in text


def test_an_unchecked_handout_claims_no_check(content_copy: Path) -> None:
    pdf = content_copy.parent / "handout.pdf"
    assert main(["handout", "--out", str(pdf), "--content", str(content_copy)]) == 0
    assert "Gecontroleerd" not in words(pdf) and "Bron:" in words(pdf)
