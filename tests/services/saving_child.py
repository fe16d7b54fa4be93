"""A stand-in for staff saving for ever, for the crash test: `python -m tests.services.saving_child FOLDER`.

It saves through the real content store (worker thread, checks, atomic writes, undo record), alternating
the clinic's name and a slide's text, and says "saved N" after each, until the test kills it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop

from kiosk.content.editing import SiteChange, SlideChange
from kiosk.services.clock import Clock
from kiosk.services.content_store import ContentStore

NAMES = ("Praktijk Noord", "Praktijk Zuid")
SLIDE = "040-onderzoek"
BODIES = ("Een korte, nieuwe tekst.", "Een andere korte tekst.")


def change(store: ContentStore, number: int) -> SiteChange | SlideChange:
    """Every save really changes a file: the other name, or the other text, than the one shown."""
    content = store.content
    if number % 2 == 0:
        other = NAMES[1] if content.site.clinic.name == NAMES[0] else NAMES[0]
        return SiteChange({"clinic.name": other})
    body = next(s.body["nl"] for s in content.slides if s.id == SLIDE)
    return SlideChange(SLIDE, "nl", {}, BODIES[1] if body == BODIES[0] else BODIES[0])


def main(folder: Path) -> None:
    app = QCoreApplication([])
    store = ContentStore(folder, Clock())
    number = 0
    print("ready", flush=True)
    while True:
        waiting = QEventLoop()
        store.save_finished.connect(waiting.quit)
        store.save(change(store, number))
        waiting.exec()
        store.save_finished.disconnect(waiting.quit)
        number += 1
        print(f"saved {number}", flush=True)
        app.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
