"""Source and review on every slide: who at the clinic checked it, when, and when it must be checked again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.__main__ import main
from kiosk.content import Problem, Severity, load_content
from kiosk.content.review import long_date_nl, review_problems, reviews_due
from tests.conftest import DEFAULT_CONTENT, write_slide

REVIEWED = """
kind = "article"
title = "Wat is oxytocine?"
source = { title = "Radboud Universiteit Nijmegen", url = "https://www.ru.nl/" }
reviewed_by = "A. Jansen, huisarts"
reviewed_on = 2024-03-01
"""


def _folder(tmp_path: Path, front: str, name: str = "010-test.nl.md") -> Path:
    folder = tmp_path / "content"
    write_slide(folder, name, front)
    (folder / "site.toml").write_text('[clinic]\nname = "Test"\n', encoding="utf-8")
    return folder


def _only(problems: list[Problem] | tuple[Problem, ...], field: str) -> Problem:
    found = [p for p in problems if p.field == field]
    assert len(found) == 1, problems
    return found[0]


def test_review_is_due_three_years_after_the_check_when_no_date_is_given(tmp_path: Path) -> None:
    content = load_content(_folder(tmp_path, REVIEWED))
    review = content.slides[0].review
    assert review.review_due == dt.date(2027, 3, 1)
    assert (review.reviewed_by, review.source_title, review.source_url) == (
        "A. Jansen, huisarts",
        "Radboud Universiteit Nijmegen",
        "https://www.ru.nl/",
    )
    assert not [p for p in content.problems if p.file.startswith("slides/")]


@pytest.mark.parametrize(
    ("today", "severity"),
    [
        (dt.date(2026, 12, 30), None),  # 61 days before: nothing yet
        (dt.date(2026, 12, 31), Severity.WARNING),  # 60 days before
        (dt.date(2027, 2, 28), Severity.WARNING),
        (dt.date(2027, 3, 1), Severity.ERROR),  # the due date itself: "vóór 1 maart" has passed
    ],
)
def test_warns_60_days_before_the_review_date_and_errors_from_it(
    tmp_path: Path, today: dt.date, severity: Severity | None
) -> None:
    content = load_content(_folder(tmp_path, REVIEWED))
    problems = review_problems(content, today)
    if severity is None:
        assert problems == []
        return
    problem = _only(problems, "reviewed_on")  # no review_due given: the check's date is what to change
    assert (problem.file, problem.line, problem.severity) == ("slides/010-test.nl.md", 6, severity)
    assert "2027-03-01" in problem.message


def test_an_explicit_review_due_is_named_with_its_own_line(tmp_path: Path) -> None:
    content = load_content(_folder(tmp_path, REVIEWED + "review_due = 2026-09-01\n"))
    problem = _only(review_problems(content, dt.date(2026, 9, 2)), "review_due")
    assert (problem.line, problem.severity) == (7, Severity.ERROR)
    assert "left the loop" not in problem.message and "leaves the loop 90 days" in problem.message


@pytest.mark.parametrize(
    ("extra", "field", "line", "words"),
    [
        ('review_due = "1 maart 2027"', "review_due", 7, "should be a date"),
        ("review_due = 2023-01-01", "review_due", 7, "is not after reviewed_on"),
    ],
)
def test_bad_review_dates_are_errors_with_file_line_and_field(
    tmp_path: Path, extra: str, field: str, line: int, words: str
) -> None:
    content = load_content(_folder(tmp_path, REVIEWED + extra))
    problem = _only(content.problems, field)
    assert (problem.file, problem.line, problem.severity) == ("slides/010-test.nl.md", line, Severity.ERROR)
    assert words in problem.message
    # Listed, and `validate` fails, but visitors keep the text it is about.
    assert [s.id for s in content.slides] == ["010-test"]


def test_an_impossible_date_is_reported_on_its_line(tmp_path: Path) -> None:
    content = load_content(_folder(tmp_path, REVIEWED + "review_due = 2026-02-30"))
    found = [p for p in content.problems if p.file == "slides/010-test.nl.md"]
    assert [(p.line, p.severity) for p in found] == [(7, Severity.ERROR)], found
    assert "not valid TOML" in found[0].message


def test_a_bad_reviewed_on_is_an_error_that_validate_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, REVIEWED.replace("2024-03-01", '"2024-03-01"'))
    assert main(["validate", str(folder), "--today", "2026-06-01"]) == 1
    assert "slides/010-test.nl.md:6: [reviewed_on] error: should be a date" in capsys.readouterr().out


def test_validate_checks_review_dates_on_the_day_it_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, REVIEWED)
    assert main(["validate", str(folder), "--today", "2027-01-15"]) == 0
    assert (
        "slides/010-test.nl.md:6: [reviewed_on] warning: is due for review on 2027-03-01"
        in capsys.readouterr().out
    )
    assert main(["validate", str(folder), "--today", "2027-03-02"]) == 1
    assert "slides/010-test.nl.md:6: [reviewed_on] error: was due for review" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("front", "field", "words"),
    [
        (
            'kind = "article"\ntitle = "T"\nreviewed_by = "A"\nreviewed_on = 2026-01-01',
            "source",
            "is missing",
        ),
        (
            REVIEWED.replace('reviewed_by = "A. Jansen, huisarts"', 'reviewed_by = ""'),
            "reviewed_by",
            "name and role",
        ),
        (REVIEWED.replace("reviewed_on = 2024-03-01", ""), "reviewed_on", "the date of that check"),
        (REVIEWED.replace("https://www.ru.nl/", "www.ru.nl"), "source.url", "https://"),
    ],
)
def test_missing_review_fields_are_warnings_naming_the_field(
    tmp_path: Path, front: str, field: str, words: str
) -> None:
    content = load_content(_folder(tmp_path, front))
    problem = _only(content.problems, field)
    assert problem.severity is Severity.WARNING and words in problem.message
    assert problem.file == "slides/010-test.nl.md"
    assert content.slides


def test_default_content_names_its_source_and_asks_staff_for_the_reviewer() -> None:
    content = load_content(DEFAULT_CONTENT)
    assert content.errors == []  # the kiosk runs on it
    health = [s for s in content.slides if s.kind != "contact"]  # the contact slide is the clinic's own
    assert len(health) == len(content.slides) - 1
    for slide in health:
        assert "Radboud Universiteit" in slide.review.source_title, slide.id
        assert not slide.review.source_url  # the article gives no web address; none is made up
        problem = next(p for p in content.problems if p.file == f"slides/{slide.source.name}")
        assert (problem.field, problem.severity, problem.line) == ("reviewed_by", Severity.WARNING, 4)
    assert review_problems(content, dt.date(2040, 1, 1)) == []  # no date yet, so nothing falls due


def test_overdue_slides_leave_the_loop_after_the_grace_days_but_the_signs_never_do(tmp_path: Path) -> None:
    folder = _folder(tmp_path, REVIEWED)
    write_slide(folder, "020-signs.nl.md", REVIEWED.replace('"article"', '"signs"') + '[[sign]]\ntext = "x"')
    (folder / "site.toml").write_text("[kiosk]\noverdue_grace_days = 10\n", encoding="utf-8")
    content = load_content(folder)
    due = dt.date(2027, 3, 1)
    assert [s.id for s in content.loop_slides(due + dt.timedelta(days=10))] == ["010-test", "020-signs"]
    assert [s.id for s in content.loop_slides(due + dt.timedelta(days=11))] == ["020-signs"]
    listed = reviews_due(content, due + dt.timedelta(days=11))
    assert [(d.due, d.overdue, d.out_of_loop) for d in listed] == [(due, True, True), (due, True, False)]


def test_dates_are_written_the_dutch_way() -> None:
    assert long_date_nl(dt.date(2027, 3, 1)) == "1 maart 2027"
    assert long_date_nl(dt.date(2026, 12, 31)) == "31 december 2026"


def test_the_review_of_29_february_falls_due_on_28_february(tmp_path: Path) -> None:
    content = load_content(_folder(tmp_path, REVIEWED.replace("2024-03-01", "2024-02-29")))
    assert content.slides[0].review.review_due == dt.date(2027, 2, 28)
