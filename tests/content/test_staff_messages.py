"""Every problem the loader, validator and editor can produce reads as plain Dutch for staff.

The problems are collected from the fixtures, from hand-made folders that trip each check in
kiosk/content (grep `Problem(` and `.report(` there), from the editor's refusals, and from the fuzz
strategies' folders. A problem no rule in kiosk/content/staff_messages.py knows fails here: a new check
comes with its Dutch.
"""

from __future__ import annotations

import errno
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings

from kiosk.content import Problem, load_content
from kiosk.content.editing import ContentEditor, SiteChange, _unreadable, _unwritable
from kiosk.content.staff_messages import StaffMessage, staff_message
from tests.conftest import DEFAULT_CONTENT, FIXTURES
from tests.content import strategies as fs

# English words that staff saw before (and a few like them); none may reach a staff screen.
ENGLISH = re.compile(
    r"\b(warning|error|errors|printed|run|set-pin|missing|should|must|is not|not|the|file|settings|slide|"
    r"picture|using|example|ignored|valid|use|unknown|cannot|TOML|Markdown|HTML)\b",
    re.IGNORECASE,
)
TECHNICAL = re.compile(r"\.toml|\.md\b|(^|\s)/\w|\w/\w+\.\w|\b(slides|images)/|\\|\b[0-9a-f]{8,}\b|\[\w")


def assert_plain_dutch(message: StaffMessage, problem: Problem) -> None:
    assert message.mapped, f"no Dutch for: {problem} — add a rule to kiosk/content/staff_messages.py"
    text = re.sub(r"'[^']*'", "''", message.text)  # what staff typed is shown back as it was
    text = re.sub(r"\(([\w-]+\.)+\w+(, ([\w-]+\.)+\w+)*\)", "()", text)  # so are web sites: (example.org)
    assert not ENGLISH.search(text), (text, problem)
    assert not TECHNICAL.search(text.replace("https://", "")), (text, problem)
    assert str(problem) == message.details  # the details keep everything a technician needs


def problems_of(folder: Path) -> list[Problem]:
    return list(load_content(folder).problems)


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


GOOD_SLIDE = '+++\ntitle = "Welkom"\n+++\nEen korte tekst.\n'
BAD_SITES = [
    "[clinic\nname = 'kapot'\n",  # not TOML
    '[clinic]\nname = 3\nphone = ""\nhours = 4\n[qr]\nkind = "pdf"\nurl = "geen adres"\ncampaign = "a b"\n'
    '[kiosk]\nidle_timeout = "lang"\nlanguages = ["nl", "xyz"]\ndefault_language = "pl"\n'
    "transition_ms = 9e9\n"
    'screen = "?"\nwhat = 1\n[printer]\nmax_per_day = -1\n[schedule]\ndays = ["ma"]\nopens = "8 uur"\n'
    'outside_hours = "zwart"\n[staff]\nsession_timeout = 1\n[slides]\norder = ["999-weg"]\nhidden = 3\n'
    "[urgent]\ntext = [1]\n",
    '[schedule]\nopens = "17:00"\ncloses = "08:00"\n[kiosk]\nscreen = 1.5\n[clinic]\nname = "'
    + "x" * 500
    + '"\n',
    'clinic = 1\n[kiosk]\nlanguages = "nl"\n',
    # [fleet] and [metrics]: a missing root file, a relative folder, a port taken by the system; no url;
    # an address that is none and a channel with a space
    '[fleet]\nurl = "https://inhoud.uitgever.nl"\nroot = "weg.json"\n'
    '[metrics]\ntextfile_dir = "m"\nport = 80\n',
    '[fleet]\nchannel = "beta"\npoll_minutes = 0\n',
    '[fleet]\nurl = "ftp://x"\nchannel = "a b"\n',
]
BAD_SLIDES = {
    "slides/010-a.nl.md": '+++\ntitle = ""\nduration = 1\nillustration = "weg.png"\n'
    "shown_from = 2026-03-01\nshown_until = 2026-02-01\n+++\n<b>x</b> ![p](images/hug.svg)\n",
    "slides/020-b.nl.md": '+++\ntitle = "T"\nkind = "video"\n+++\ntekst\n',
    "slides/030-c.nl.md": "geen instellingen\n",
    "slides/040-d.nl.md": '+++\ntitle = "T"\nshown_from = "morgen"\n+++\n',
    "slides/050-e.nl.md": '+++\ntitle = "T"\n+++\n' + "woord " * 400,
    "slides/060-f.nl.md": '+++\ntitle = "T"\n+++\n' + "woord " * 100,
    "slides/070-g.nl.md": '+++\ntitle = "T"\nkind = "signs"\n+++\ntekst\n',
    "slides/080-h.nl.md": '+++\ntitle = "T"\nillustration = "../../etc/passwd"\n+++\ntekst\n',
    "slides/090-i.nl.md": '+++\ntitle = "T"\nkind = "signs"\n[[sign]]\ntext = "een"\n+++\ntekst\n',
    "slides/090-i.en.md": '+++\ntitle = "T"\n[[sign]]\ntext = "one"\n[[sign]]\ntext = "two"\n+++\ntext\n',
    "slides/100-j.de.md": GOOD_SLIDE,
    "slides/110-k.en.md": GOOD_SLIDE,
    "slides/120-l.nl.md": "+++\ntitle = [\n+++\ntekst\n",
    "slides/notes.txt": "x",
    "handout.nl.md": '+++\ntitle = "Folder"\n+++\n- een\n',
}


def hand_made_problems(root: Path) -> list[Problem]:
    found: list[Problem] = []
    for i, site in enumerate(BAD_SITES):
        folder = write(root / f"site{i}", {"site.toml": site, "slides/010-a.nl.md": GOOD_SLIDE})
        found += problems_of(folder)
    found += problems_of(write(root / "slides", {"site.toml": "", **BAD_SLIDES}))
    latin1 = root / "latin1"
    write(latin1, {"site.toml": ""})
    (latin1 / "slides").mkdir()
    (latin1 / "slides" / "010-a.nl.md").write_bytes('+++\ntitle = "Café"\n+++\n'.encode("latin-1"))
    (latin1 / "slides" / "020-b.nl.md").mkdir()
    (latin1 / "slides" / "030-c.nl.md").write_bytes(b"x" * 300_000)
    found += problems_of(latin1)
    found += problems_of(root / "does-not-exist")
    found += problems_of(write(root / "no-slides", {"site.toml": ""}))
    images = root / "pictures" / "images"
    images.mkdir(parents=True)
    for picture in (FIXTURES / "images").iterdir():
        (images / picture.name).write_bytes(picture.read_bytes())
    (images / "notes.txt").write_text("x", encoding="utf-8")
    slides = {
        f"slides/{i:03d}-p.nl.md": f'+++\ntitle = "T"\nillustration = "{name}"\n+++\ntekst\n'
        for i, name in enumerate([*(p.name for p in (FIXTURES / "images").iterdir()), "notes.txt"], 1)
    }
    found += problems_of(write(root / "pictures", {"site.toml": "", **slides}))
    return found + translation_problems(root / "translations")


def translation_problems(root: Path) -> list[Problem]:
    """A stale translation, one that records no source, a slide and a handout missing in an offered
    language, a language offered with too little in it, and languages that leave no slide at all."""
    site = '[kiosk]\nlanguages = ["nl", "en", "tr"]\n'
    nl = '+++\ntitle = "Welkom"\n+++\nEen korte tekst.\n'
    en = '+++\ntitle = "Welcome"\ntranslated_from = "{}"\n+++\nA short text.\n'
    files = {"site.toml": site, "handout.nl.md": '+++\ntitle = "F"\n+++\n- a\n- b\n- c\n'}
    for i in range(4):
        files[f"slides/0{i}0-a.nl.md"] = nl
    for i in range(3):  # the fourth is missing in English
        files[f"slides/0{i}0-a.en.md"] = en.format("0" * 64) if i else nl.replace("Welkom", "Welcome")
    files["slides/010-a.tr.md"] = nl
    found = problems_of(write(root, files))
    return found + problems_of(write(root / "de", {**files, "site.toml": '[kiosk]\nlanguages = ["de"]\n'}))


def editor_problems(folder: Path) -> list[Problem]:
    editor = ContentEditor(folder)
    return [
        *editor.undo_last_save().problems,
        *editor.save(SiteChange({"qr.url": "geen adres"})).problems,
        *editor.save_slide("999-nieuw", "nl", {"title": "x"}).problems,
        _unreadable("site.toml", UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")),
        *(_unwritable("site.toml", OSError(code, "Some English reason")) for code in _WRITE_ERRORS),
    ]


_WRITE_ERRORS = (errno.EACCES, errno.EROFS, errno.ENOSPC, errno.EISDIR, errno.EIO)


def test_every_known_problem_reads_as_plain_dutch(tmp_path: Path, content_copy: Path) -> None:
    problems = [
        *problems_of(FIXTURES / "bad-content"),
        *problems_of(FIXTURES / "broken-site"),
        *problems_of(FIXTURES / "empty-content"),
        *problems_of(DEFAULT_CONTENT),
        *hand_made_problems(tmp_path),
        *editor_problems(content_copy),
    ]
    kinds = {re.sub(r"\d+|'[^']*'", "#", p.message) for p in problems}
    assert len(kinds) >= 40  # the hand-made folders still reach the checks they were written for
    for problem in problems:
        assert_plain_dutch(staff_message(problem), problem)


@settings(max_examples=60)
@given(fs.content_folders())
def test_whatever_a_folder_holds_staff_read_dutch(files: fs.Folder) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        fs.write_folder(Path(tmp), files)
        for problem in problems_of(Path(tmp)):
            assert_plain_dutch(staff_message(problem), problem)


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        (
            Problem("site.toml", "'x' is not a web address starting with https://", 9, "qr.url"),
            "Contact › QR-adres: 'x' is geen webadres.",
        ),
        (
            Problem("slides/010-welkom.nl.md", "is missing", 2, "title"),
            "Dia 'Welkom': Titel is niet ingevuld.",
        ),
        (Problem("slides/010-welkom.en.md", "is empty", 2, "title"), "Dia 'Welkom' (Engels): Titel is leeg."),
        (
            Problem("site.toml", "is still the example", 3, "clinic.hours.nl"),
            "Openingstijden praktijk is nog",
        ),
    ],
)
def test_the_field_is_named_by_its_label_on_screen(problem: Problem, expected: str) -> None:
    assert expected in staff_message(problem, {"010-welkom": "Welkom"}).text


def test_a_new_check_on_a_known_field_still_reads_dutch_but_fails_the_table_test() -> None:
    """Another engineer's new check (say, a review date) before its row is added: Dutch, details kept."""
    problem = Problem("slides/010-welkom.nl.md", "review is overdue since 2026-01-01", 4, "review_due")
    message = staff_message(problem, {"010-welkom": "Welkom"})
    assert not message.mapped
    assert message.text.startswith("Dia 'Welkom': Opnieuw controleren vóór: ")
    assert not ENGLISH.search(message.text)
    assert "review is overdue" in message.details
