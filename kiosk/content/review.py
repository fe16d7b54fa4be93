"""Source and review of a slide or the handout: where its facts come from, who at the clinic checked it and
when it must be checked again (as the PIF TICK and the NHS Standard for Creating Health Content ask).

Reading the fields is part of loading. Whether a review is due depends on the day, so `review_problems` and
`reviews_due` take the day from their caller (the kiosk's clock, or `validate`'s): the model never reads the
wall clock, and a slide never drops out of the loaded content just because a date passed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kiosk.content.fields import Fields
from kiosk.content.model import SOURCE_LANGUAGE, Content, Problem, Review, Severity, pick

REVIEW_YEARS = 3
WARN_DAYS = 60
REVIEW_FIELDS = ("source", "reviewed_by", "reviewed_on", "review_due")
MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def long_date_nl(day: dt.date) -> str:
    """'1 maart 2027': the way a Dutch reader writes a date, whatever the machine's locale."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def read_review(fields: Fields) -> Review:
    """The review fields of one file's settings; a problem with file, line and field for each gap."""
    source = fields.table("source")
    title = source.text_value("title", max_chars=300)
    url = source.text_value("url")
    if url and not re.match(r"^https?://\S+\.\S+", url):
        source.report("url", f"'{url}' is not a web address starting with https://", Severity.WARNING)
        url = ""
    source.warn_unknown()
    reviewed_by = fields.text_value("reviewed_by", max_chars=120)
    reviewed_on, review_due = fields.date("reviewed_on"), fields.date("review_due")
    if not any(key in fields.data for key in REVIEW_FIELDS):  # one line for a file that predates them
        fields.report(
            "source",
            'is missing, and so is its review: add source = { title = "...", url = "https://..." }, '
            "reviewed_by (name and role of who at the clinic checked it) and reviewed_on (the date)",
            Severity.WARNING,
        )
        return Review()
    if "source" not in fields.data:
        fields.report(
            "source",
            'is missing: name the evidence, source = { title = "...", url = "https://..." }',
            Severity.WARNING,
        )
    elif not title:
        source.report("title", "is missing: the title of the evidence this text rests on", Severity.WARNING)
    if not reviewed_by:
        fields.report(
            "reviewed_by",
            "is not filled in: the name and role of who at the clinic checked this text "
            "(and reviewed_on, the date of that check)",
            Severity.WARNING,
        )
    elif reviewed_on is None and "reviewed_on" not in fields.data:
        fields.report("reviewed_on", "is missing: the date of that check, like 2026-03-01", Severity.WARNING)
    if reviewed_on and review_due and review_due <= reviewed_on:
        fields.report("review_due", "is not after reviewed_on")
        review_due = None
    due_field = "review_due" if review_due else "reviewed_on"
    if review_due is None and reviewed_on is not None:
        review_due = _years_later(reviewed_on, REVIEW_YEARS)
    return Review(
        source_title=title,
        source_url=url,
        reviewed_by=reviewed_by,
        reviewed_on=reviewed_on,
        review_due=review_due,
        due_line=fields.line(due_field),
        due_field=due_field,
    )


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, in a year that has none
        return day.replace(year=day.year + years, day=28)


def is_review_field(field: str | None) -> bool:
    """A problem in these fields is listed, but does not take the text away from visitors."""
    return (field or "").split(".")[0] in REVIEW_FIELDS


@dataclass(frozen=True)
class DueReview:
    """A text whose review is due soon or overdue, for staff mode's status page."""

    title: str
    due: dt.date
    overdue: bool
    out_of_loop: bool
    stays: bool  # the warning signs and the handout: visitors always need them, overdue or not
    handout: bool = False


def _reviewed_texts(content: Content) -> list[tuple[str, str, Review, bool]]:
    """(file, title, review, may leave the loop) of each shown slide, then the handout."""
    texts = [
        (f"slides/{s.source.name}", pick(s.title, SOURCE_LANGUAGE), s.review, s.kind != "signs")
        for s in content.slides
        if not s.hidden
    ]
    if content.handout is not None:
        title = pick(content.handout.title, SOURCE_LANGUAGE) or "folder"
        texts.append((f"handout.{SOURCE_LANGUAGE}.md", title, content.handout.review, False))
    return texts


def reviews_due(content: Content, today: dt.date) -> list[DueReview]:
    """Texts to check again: overdue, or due within WARN_DAYS days; the most urgent first."""
    grace = content.site.kiosk.overdue_grace_days
    due = []
    for file, title, review, may_leave in _reviewed_texts(content):
        if review.review_due is None or (review.review_due - today).days > WARN_DAYS:
            continue
        overdue = review.days_overdue(today)
        out = may_leave and overdue is not None and overdue > grace
        handout = file.startswith("handout.")
        due.append(DueReview(title, review.review_due, overdue is not None, out, not may_leave, handout))
    return sorted(due, key=lambda d: d.due)


def review_problems(content: Content, today: dt.date) -> list[Problem]:
    """On `today`: a warning from WARN_DAYS days before a text's review date, an error from that date on."""
    grace = content.site.kiosk.overdue_grace_days
    problems = []
    for file, _title, review, may_leave in _reviewed_texts(content):
        due = review.review_due
        if due is None:
            continue
        overdue = review.days_overdue(today)
        if overdue is not None:
            if not may_leave:
                after = "it stays shown, as visitors always need it"
            elif overdue > grace:
                after = f"it has left the loop, {grace} days after that date"
            else:
                after = f"it leaves the loop {grace} days after that date"
            message = (
                f"was due for review on {due.isoformat()}: check the text and set a new reviewed_on; {after}"
            )
            problems.append(Problem(file, message, review.due_line, review.due_field))
        elif (due - today).days <= WARN_DAYS:
            message = f"is due for review on {due.isoformat()}, in {(due - today).days} days"
            problems.append(Problem(file, message, review.due_line, review.due_field, Severity.WARNING))
    return problems
