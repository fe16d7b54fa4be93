"""Staff status: which texts must be checked again, and (when the site counts) how the kiosk was used.

A block of its own below the status facts, so the staff screens can change around it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from kiosk.content import Content
from kiosk.content.review import DueReview, long_date_nl, reviews_due
from kiosk.services.counts import counts_path, label, read_counts, shown, totals
from kiosk.ui.widgets import text_label

COUNT_DAYS = 7
REVIEW_LINES = 3


def review_line(due: DueReview, grace_days: int) -> str:
    """One due review in plain Dutch: 'Dia 'X' moet vóór 1 maart 2027 opnieuw gecontroleerd worden.'"""
    what = f"{'Folder' if due.handout else 'Dia'} '{due.title}'"
    day = long_date_nl(due.due)
    if not due.overdue:
        return f"{what} moet vóór {day} opnieuw gecontroleerd worden."
    line = f"{what} had vóór {day} opnieuw gecontroleerd moeten worden"
    if due.stays:
        return f"{line}; bezoekers blijven hem zien."
    if due.out_of_loop:
        return f"{line} en staat daarom niet meer in de diavoorstelling."
    gone = long_date_nl(due.due + dt.timedelta(days=grace_days + 1))
    return f"{line}; op {gone} verdwijnt hij uit de diavoorstelling."


def care_status_text(content: Content, today: dt.date) -> str:
    due = reviews_due(content, today)
    reviews = [review_line(d, content.site.kiosk.overdue_grace_days) for d in due[:REVIEW_LINES]]
    if len(due) > REVIEW_LINES:  # a short block: the most urgent, then how many more
        rest = due[REVIEW_LINES:]
        reviews.append(f"En nog {len(rest)} tekst(en), uiterlijk vóór {long_date_nl(rest[-1].due)}.")
    parts = ["Opnieuw controleren:\n" + "\n".join(reviews)] if reviews else []
    if content.site.stats_enabled:
        first = today - dt.timedelta(days=COUNT_DAYS - 1)
        summed = totals(read_counts(counts_path()), first, today)
        ranked = sorted(summed.items(), key=lambda item: (-item[1], label(item[0], content)))
        counted = " · ".join(f"{label(what, content)}: {shown(n)}" for what, n in ranked)
        parts.append(f"Tellingen van de laatste {COUNT_DAYS} dagen: {counted or 'nog niets geteld'}.")
    return "\n\n".join(parts)


def show_care_status(tab: QWidget, content: Content, today: dt.date) -> None:
    """Fill (and the first time, add) the block, right below the tab's first widget (the facts)."""
    block = tab.findChild(QLabel, "care-status")
    layout = tab.layout()
    if block is None and isinstance(layout, QBoxLayout):
        block = text_label("body")
        block.setObjectName("care-status")
        layout.insertWidget(1, block)
    if block is not None:
        block.setText(care_status_text(content, today))
        block.setVisible(bool(block.text()))
