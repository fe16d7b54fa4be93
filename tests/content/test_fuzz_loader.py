"""Fuzzing the loader: on any folder it returns Content, never raises, and what it accepts is well-formed.

The "ci" profile (derandomized: the same examples every run) keeps this a few seconds per test;
HYPOTHESIS_PROFILE=long digs deeper (see tests/conftest.py).
"""

from __future__ import annotations

import codecs
import contextlib
import io
import math
import re
import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.__main__ import main
from kiosk.content import Content, Severity, load_content
from kiosk.content.loader import SLIDE_KINDS, TITLE_MAX_CHARS, WORDS_MAX
from kiosk.content.model import SOURCE_LANGUAGE, WEEKDAYS
from tests.content import strategies as fs


def validated(folder: Path) -> tuple[int, str]:
    """`python -m kiosk validate`'s exit code and output, printed to a strict UTF-8 stream.

    Strict as on a terminal in nl_NL.UTF-8, where a file name that is not UTF-8 could not be printed.
    """
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    with contextlib.redirect_stdout(out):
        code = main(["validate", str(folder)])
    out.seek(0)
    return code, out.read()


def check_problems(folder: Path, content: Content) -> None:
    """Each problem says where to look: a file in the folder, a message, and a line that exists there."""
    for problem in content.problems:
        assert problem.file and not Path(problem.file).is_absolute(), problem
        assert problem.message.strip(), problem
        assert problem.field is None or problem.field, problem
        str(problem).encode("utf-8")  # prints on a strict UTF-8 terminal or log
        if problem.line is None:
            continue
        # The line numbers count from the text after a UTF-8 BOM (an editor's mark, not part of line 1).
        lines = (folder / problem.file).read_bytes().removeprefix(codecs.BOM_UTF8).split(b"\n")
        assert 1 <= problem.line <= len(lines), problem
        if problem.field and problem.field != "body":  # the line that sets the key, or its table's header
            line = lines[problem.line - 1].decode("utf-8", "replace")
            assert problem.field.rsplit(".", 1)[-1] in line or line.lstrip().startswith("["), problem


def check_site(content: Content) -> None:
    """Settings the kiosk runs with are within their bounds, whatever site.toml said."""
    site = content.site
    kiosk = site.kiosk
    assert kiosk.languages and all(re.fullmatch(r"[a-z]{2}", lang) for lang in kiosk.languages)
    assert len(set(kiosk.languages)) == len(kiosk.languages)
    assert kiosk.default_language in kiosk.languages
    assert 10 <= kiosk.idle_timeout_s <= 3600 and 0 <= kiosk.transition_ms <= 2000
    assert 0 <= site.printer.min_interval_s <= 3600 and 0 <= site.printer.max_per_day <= 10_000
    assert 30 <= site.staff.session_timeout_s <= 3600
    assert site.schedule.days and set(site.schedule.days) <= set(WEEKDAYS)
    assert site.schedule.outside_hours in ("closed", "dark")
    for time in (site.schedule.opens, site.schedule.closes):
        assert time is None or time.tzinfo is None
    if site.schedule.opens and site.schedule.closes:
        assert site.schedule.opens < site.schedule.closes
    assert site.qr.kind in ("url", "vcard")
    assert re.fullmatch(r"[A-Za-z0-9_\-]*", site.qr.campaign)
    site.qr.web_address()


def check_slides(folder: Path, content: Content) -> None:
    """A slide that is kept has everything the screens rely on; with none left, validate says so."""
    languages = {*content.site.kiosk.languages, SOURCE_LANGUAGE}  # Dutch: every slide's fallback
    ids = [slide.id for slide in content.slides]
    assert len(ids) == len(set(ids))
    for slide in content.slides:
        assert re.fullmatch(r"[A-Za-z0-9_\-]+", slide.id) and slide.kind in SLIDE_KINDS
        assert math.isfinite(slide.duration_s) and 3 <= slide.duration_s <= 600
        assert slide.title.get(SOURCE_LANGUAGE, "").strip(), slide
        assert all(len(title) <= TITLE_MAX_CHARS for title in slide.title.values())
        assert (
            set(slide.title) <= languages and set(slide.body) <= languages and SOURCE_LANGUAGE in slide.body
        )
        assert all(len(re.findall(r"\w+", body)) <= WORDS_MAX for body in slide.body.values())
        assert slide.kind == "signs" or slide.body[SOURCE_LANGUAGE]
        assert slide.source.parent == folder / "slides" and slide.source.is_file()
        assert slide.hidden == (slide.id in content.site.selection.hidden)
        if slide.shown_from and slide.shown_until:
            assert slide.shown_from <= slide.shown_until
        pictures = [slide.illustration, *(slide.signs.sign_illustrations if slide.signs else ())]
        assert all(p is None or (p.parent == folder / "images" and p.is_file()) for p in pictures)
        assert (slide.signs is not None) == (slide.kind == "signs")
        if slide.signs:
            assert slide.signs.signs and len(slide.signs.sign_illustrations) == len(slide.signs.signs)
            assert all(sign.get(SOURCE_LANGUAGE) for sign in slide.signs.signs)
    if not content.slides:
        assert any("no usable slides" in p.message for p in content.errors)
    if content.handout is not None:  # its title may be empty: the handout then shows the clinic's name
        assert SOURCE_LANGUAGE in content.handout.points and set(content.handout.points) <= languages


def check_validate(content: Content, code: int, out: str) -> None:
    """`validate` fails exactly when there are errors, and ends with the count of each."""
    assert code == (1 if content.errors else 0), out
    errors, warnings = len(content.errors), len(content.problems) - len(content.errors)
    summary = f"{len(content.slides)} slides usable, {errors} errors, {warnings} warnings"
    assert out.splitlines()[-1].endswith(summary), out


def check_everything(files: fs.Folder) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        fs.write_folder(folder, files)
        content = load_content(folder)
        check_problems(folder, content)
        check_site(content)
        check_slides(folder, content)
        check_validate(content, *validated(folder))


# What the fuzz found, kept as examples that always run:
@example({"site.toml": b"[kiosk]\nidle_timeout = " + b"9" * 5000})  # tomllib: ValueError, int() limit
@example({"site.toml": b"[kiosk]\nidle_timeout = " + b"[" * 2000 + b"]" * 2000})  # RecursionError
@example({"site.toml": b"[staff]\npin_hash = 0x" + b"f" * 4000})  # parses, but repr() of it raises
@example({"site.toml": b'[schedule]\nopens = "08:00+01:00"\ncloses = "17:00"'})  # is_open() raised
@example({"site.toml": b'[kiosk]\nlanguages = ["nl", "nl", "EN", ""]'})  # were kept as they were
@example({"site.toml": b'[clinic]\n"" = 1'})  # a Problem with field ""
@example({"site.toml": b'[schedule]\ndays = ["ma", "di"]'})  # a kiosk that never opened
@example({"site.toml": codecs.BOM_UTF8 + b"[clinic]"})  # this check read the BOM as part of line 1
@given(fs.site_files())
def test_any_site_settings_load_to_safe_settings(site: fs.Folder) -> None:
    check_everything({**fs.REAL_TEXTS, **site})


# A U+2028 in a string put every later line number one too far:
@example({"slides/010-a.nl.md": '+++\ntitle = "a\u2028b"\nduration = 1\n+++\nTekst.'.encode()})
@example({"slides/\udcff.nl.md": b""})  # a name that is not UTF-8: validate crashed printing it
@given(fs.slides_folder())
def test_any_slides_load_and_only_well_formed_ones_are_kept(slides: fs.Folder) -> None:
    files = {name: data for name, data in fs.REAL_TEXTS.items() if not name.startswith("slides/")}
    check_everything({**files, **slides})


@given(fs.content_folders())
def test_any_folder_loads_and_validates_without_crashing(files: fs.Folder) -> None:
    check_everything(files)


@given(fs.showable_folders())
def test_plausible_folders_load_and_are_well_formed(files: fs.Folder) -> None:
    check_everything(files)


@given(st.data())
def test_the_real_content_survives_any_damage_to_one_file(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(fs.REAL_TEXTS)))
    check_everything({**fs.REAL_TEXTS, name: data.draw(fs.mutated(fs.REAL_TEXTS[name]))})


def test_a_picture_in_a_slides_text_is_a_warning_as_it_is_not_shown(tmp_path: Path) -> None:
    fs.write_folder(
        tmp_path, {**fs.REAL_TEXTS, "slides/010-welkom.nl.md": b"+++\ntitle = 'a'\n+++\n![x](/a.png)"}
    )
    problems = load_content(tmp_path).problems
    found = [p for p in problems if p.file == "slides/010-welkom.nl.md" and p.field != "source"]  # no review
    assert [(p.line, p.field, p.severity) for p in found] == [(4, "body", Severity.WARNING)]
    assert "not shown" in found[0].message
