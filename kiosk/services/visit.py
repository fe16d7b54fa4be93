"""One visit: everything the person at the screen changed. Nothing else in the kiosk remembers them.

The window makes a fresh `Visit` when the loop takes over again (idle timeout, or "Klaar") and hands it to
every screen, so forgetting the visitor is one assignment, not a list of things to clear. Pure Python:
nothing here is written to disk or to the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.printing import PrintOutcome


class Screen(Enum):
    """Where the visitor is."""

    LOOP = "loop"  # the slides: playing on their own, or paged by hand once taken over
    SIGNS = "signs"
    CONTACT = "contact"


@dataclass
class Visit:
    language: str
    taken_over: bool = False  # the loop stopped for this visitor; the controls show
    large_text: bool = False  # "A+": body text 1.5× (capitals ≥ 9 mm)
    high_contrast: bool = False  # the site's default until the visitor toggles it
    screen: Screen = Screen.LOOP
    contact_from: Screen = Screen.LOOP  # where "Terug" on the contact screen leads
    answers: dict[int, bool] = field(default_factory=dict)  # warning-sign card → recognised
    card: int = 0  # the warning-sign card shown; == the number of signs: the summary
    printing: bool = False
    print_outcome: PrintOutcome | None = None
    speech_mode: bool = (
        False  # every screen read aloud as it comes (started without sight: kiosk.ui.read_aloud)
    )
    volume: float | None = None  # "Lees voor"'s volume, 0-1, once the visitor changed it; None: the site's

    # -- the warning signs ---------------------------------------------------------------------
    def answer(self, recognised: bool, sign_count: int) -> None:
        if self.card < sign_count:
            self.answers[self.card] = recognised
            self.card += 1

    def back_a_card(self) -> bool:
        """One card back; False on the first card (the visitor leaves the signs)."""
        if self.card == 0:
            return False
        self.card -= 1
        return True

    def recognised(self) -> int:
        return sum(1 for recognised in self.answers.values() if recognised)

    def forget_answers(self) -> None:
        self.answers.clear()
        self.card = 0
