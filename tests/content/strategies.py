"""Hypothesis strategies for content folders: generated and mutated settings, slides, names and encodings.

A folder is drawn as {relative path: bytes} and written fresh for each example, so a shrunk failure reads
as the files that caused it. Values are drawn as TOML source text, not Python values, so the fuzz also
reaches what a serializer would never write: 5000-digit numbers, times with offsets, raw control bytes.
Strategies are built once, at import: building them inside a draw made generation ten times slower.

Plain Python on purpose: the content tests run where PySide6 cannot be imported. The Hypothesis profiles
("ci", derandomized, the default; "long" for a deeper local run) are in tests/conftest.py.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from pathlib import Path

from hypothesis import strategies as st

from tests.conftest import DEFAULT_CONTENT, FIXTURES

# relative path -> file bytes; None makes a directory of that name (a slide name that is not a file).
# The pictures are not drawn (they have tests of their own): every folder gets IMAGES.
Folder = dict[str, bytes | None]

REAL_FILES: dict[str, bytes] = {
    path.relative_to(DEFAULT_CONTENT).as_posix(): path.read_bytes()
    for path in sorted(DEFAULT_CONTENT.rglob("*"))
    if path.is_file()
}
IMAGES = {name: data for name, data in REAL_FILES.items() if name.startswith("images/")}
IMAGES.update({f"images/{p.name}": p.read_bytes() for p in sorted((FIXTURES / "images").iterdir())})
IMAGE_NAMES = [Path(name).name for name in IMAGES]
REAL_TEXTS = {name: data for name, data in REAL_FILES.items() if name not in IMAGES}
REAL_SLIDES = {name: data for name, data in REAL_TEXTS.items() if name.startswith("slides/")}
SLIDE_IDS = [Path(name).name.split(".")[0] for name in REAL_SLIDES]
LANGUAGES = ["nl", "en", "tr", "ar", "pl"]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

# Text a content author, a copy-paste or a broken editor might produce.
TRICKY_TEXT = [
    "",
    " ",
    "+++",
    "<b>vet</b> en <script>alert(1)</script>",
    "# Kop\n\n**vet** _schuin_ `code`",
    "- een\n- twee\n  - dieper\n1. genummerd",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "> citaat\n\n```\ncode\n```",
    "[link](https://example.nl) ![plaatje](images/hug.svg) ![weg](/nonexistent.png)",
    f"![groot]({FIXTURES / 'images' / 'huge-20000x20000.png'})",
    f"![kapot](file://{FIXTURES / 'images' / 'corrupt.png'})",
    "مرحبا، هذا نص عربي من اليمين إلى اليسار",
    "\u202egniwollof\u202c \u200f\u200e \u2066isolate\u2069",
    "Zo" + "o" * 400 + "lang woord",
    "e\u0301 \u200b\u200d \ufeff 👩\u200d👧 🏳️\u200d🌈",
    "\x00\x01\x07\x1b[31m\x7f",
    "regel\u2028scheiding\u2029alinea\x0bvt\x0cff\x85nel",
    "%s %d {0} {title} \\ \\n &amp; &#0;",
    "\U0010ffff\ue000\ufffd",
]
TEXTS = st.one_of(
    st.sampled_from(TRICKY_TEXT),
    st.text(st.characters(codec="utf-8"), max_size=60),
    st.lists(st.sampled_from(TRICKY_TEXT), min_size=1, max_size=4).map(" ".join),
)
# Text that passes validation (no control characters, no HTML), for the folders the app must show.
TITLES = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="<"),
    max_size=60,
).filter(str.strip)
BODIES = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=200),
    st.lists(st.one_of(st.sampled_from(TRICKY_TEXT), TITLES), max_size=12).map("\n\n".join),
)


# -- TOML source text of one value --------------------------------------------------------------------------
def toml_string(text: str) -> str:
    """A TOML basic string; JSON's escapes are TOML's, except that DEL stays raw (and invalid): good fuzz."""
    return json.dumps(text, ensure_ascii=False)


def _toml_float(x: float) -> str:
    return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(x), repr(x))


KEYS = st.one_of(
    st.from_regex(r"[A-Za-z0-9_\-]{1,12}", fullmatch=True), st.text(max_size=12).map(toml_string)
)
_OFFSETS = st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-5, minutes=-30))])
SCALARS = st.one_of(
    TEXTS.map(toml_string),
    st.text(max_size=20).filter(lambda t: "'" not in t and "\n" not in t).map(lambda t: f"'{t}'"),
    TEXTS.map(lambda t: f'"""\n{t}"""'),
    st.integers().map(str),
    st.floats().map(_toml_float),
    st.sampled_from(["true", "false"]),
    st.dates().map(dt.date.isoformat),
    st.datetimes(timezones=st.none() | _OFFSETS).map(dt.datetime.isoformat),
    st.times(timezones=st.none() | _OFFSETS).map(dt.time.isoformat),
    # Beyond Python's own limits: 4300 digits for int(), a thousand levels of recursion.
    st.sampled_from(["9" * 5000, "0x" + "f" * 4000, "[" * 2000 + "]" * 2000]),
)
_ARRAYS = st.lists(SCALARS, max_size=4).map(lambda items: f"[{', '.join(items)}]")
_TABLES = st.dictionaries(KEYS, SCALARS | _ARRAYS, max_size=3).map(
    lambda table: "{" + ", ".join(f"{k} = {v}" for k, v in table.items()) + "}"
)
# Any TOML value: mostly a scalar, else an array or inline table of them, or an array of such tables.
VALUES = st.one_of(
    SCALARS,
    SCALARS,
    _ARRAYS,
    _TABLES,
    st.lists(_TABLES, min_size=1, max_size=2).map(", ".join).map("[{}]".format),
)
_STRANGERS = st.dictionaries(KEYS, VALUES, max_size=1)

Keys = Mapping[str, st.SearchStrategy[str]]


def _wild(known: Keys) -> Keys:
    """The same keys, each sometimes holding any TOML value at all."""
    return {key: st.one_of(values, values, VALUES) for key, values in known.items()}


def toml_lines(draw: st.DrawFn, known: Keys, wild: bool, required: tuple[str, ...] = ()) -> str:
    """Assignments to the required keys and a random subset of the others; wild: maybe a key nobody knows."""
    optional = sorted(set(known) - set(required))
    chosen = [*required, *draw(st.lists(st.sampled_from(optional), unique=True, max_size=len(optional)))]
    lines = [f"{key} = {draw(known[key])}" for key in chosen]
    if wild:
        lines += [f"{k} = {v}" for k, v in draw(_STRANGERS).items()]
    return "\n".join(lines) + "\n"


def _ints(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(str)


def _str_list(values: st.SearchStrategy[str], max_size: int, unique: bool = False) -> st.SearchStrategy[str]:
    items = st.lists(values, max_size=max_size, unique=unique)
    return items.map(lambda texts: "[" + ", ".join(map(toml_string, texts)) + "]")


_LOCALIZED = st.one_of(
    TITLES.map(toml_string),
    st.dictionaries(st.sampled_from(LANGUAGES), TITLES, min_size=1).map(
        lambda t: "{" + ", ".join(f"{k} = {toml_string(v)}" for k, v in t.items()) + "}"
    ),
)
_CLOCK_TIMES = st.one_of(
    st.times().map(lambda t: t.strftime("%H:%M")), st.times(timezones=_OFFSETS).map(dt.time.isoformat)
).map(toml_string)
_SLIDE_NAMES_IN_SITE = st.sampled_from([*SLIDE_IDS, "999-weg"])

SITE_KEYS: dict[str, Keys] = {
    "clinic": {
        "name": TITLES.map(toml_string),
        "offer": _LOCALIZED,
        "phone": st.from_regex(r"0[0-9 \-]{9,12}", fullmatch=True).map(toml_string),
        "email": st.from_regex(r"[a-z.]{1,8}@[a-z]{1,8}\.nl", fullmatch=True).map(toml_string),
        "website": st.sampled_from(["https://praktijk.nl", "https://example.org/x"]).map(toml_string),
        "hours": _LOCALIZED,
    },
    "qr": {
        "kind": st.sampled_from(["url", "vcard"]).map(toml_string),
        "url": st.sampled_from(["https://praktijk.nl/hulp?a=b", "http://x.y", "ftp://no"]).map(toml_string),
        "campaign": st.from_regex(r"[A-Za-z0-9_\-]{0,12}", fullmatch=True).map(toml_string),
    },
    "urgent": {"text": _LOCALIZED, "phone": st.just('"113"')},
    "printer": {
        "name": TITLES.map(toml_string),
        "min_interval": _ints(0, 3600),
        "max_per_day": _ints(0, 10_000),
    },
    "kiosk": {
        # Dutch first, as the slides need it.
        "languages": st.lists(st.sampled_from(LANGUAGES[1:]), unique=True, max_size=4)
        .map(lambda more: ["nl", *more])
        .map(lambda langs: "[" + ", ".join(map(toml_string, langs)) + "]"),
        "default_language": st.sampled_from(LANGUAGES).map(toml_string),
        "idle_timeout": _ints(10, 3600),
        "transition_ms": _ints(0, 2000),
    },
    "schedule": {
        "days": _str_list(st.sampled_from(WEEKDAYS), max_size=7, unique=True),
        "opens": _CLOCK_TIMES,
        "closes": _CLOCK_TIMES,
        "outside_hours": st.sampled_from(["closed", "dark"]).map(toml_string),
    },
    "staff": {"pin_hash": st.just('"scrypt$abc$def"'), "session_timeout": _ints(30, 3600)},
    "slides": {
        "order": _str_list(_SLIDE_NAMES_IN_SITE, max_size=5),
        "hidden": _str_list(_SLIDE_NAMES_IN_SITE, max_size=3),
    },
}
_WILD_SITE_KEYS = {table: _wild(known) for table, known in SITE_KEYS.items()}


@st.composite
def site_settings(draw: st.DrawFn, wild: bool = True) -> str:
    """site.toml with random values in the known keys of its known tables."""
    tables = _WILD_SITE_KEYS if wild else SITE_KEYS
    required = {} if wild else {"kiosk": ("languages",)}  # tame: the app's language button gets work
    return "".join(
        f"[{table}]\n{toml_lines(draw, known, wild, required.get(table, ()))}\n"
        for table, known in tables.items()
    )


SLIDE_KEYS: Keys = {
    "kind": st.sampled_from(["article", "signs", "video"]).map(toml_string),
    "duration": st.one_of(_ints(3, 600), st.floats(3, 600).map(repr)),
    "illustration": st.one_of(
        st.sampled_from(IMAGE_NAMES),
        st.sampled_from(
            ["", "../site.toml", "x.gif", "sub/hug.svg", "/etc/hostname.svg", "ü" * 130 + ".png"]
        ),
    ).map(toml_string),
    "title": TITLES.map(toml_string),
    # Around 2026, so that a campaign slide is as often on as off on the app fuzz's day.
    "shown_from": st.dates(dt.date(2025, 1, 1), dt.date(2027, 1, 1)).map(dt.date.isoformat),
    "shown_until": st.dates(dt.date(2025, 1, 1), dt.date(2027, 1, 1)).map(dt.date.isoformat),
    "advice": _str_list(TITLES, max_size=4),
    "not_a_diagnosis": TITLES.map(toml_string),
}
SIGN_KEYS: Keys = {
    "text": TITLES.map(toml_string),
    "illustration": st.sampled_from(IMAGE_NAMES).map(toml_string),
}
_WILD_SLIDE_KEYS, _WILD_SIGN_KEYS = _wild(SLIDE_KEYS), _wild(SIGN_KEYS)


@st.composite
def slide_texts(draw: st.DrawFn, wild: bool = True) -> str:
    """A slide file: settings (known keys with random values, maybe [[sign]] tables), then a body."""
    if wild:
        front = toml_lines(draw, _WILD_SLIDE_KEYS, wild)
    else:
        front = toml_lines(draw, SLIDE_KEYS, wild, required=("title",))
    for _ in range(draw(st.integers(0, 4))):
        sign = (
            toml_lines(draw, _WILD_SIGN_KEYS, wild) if wild else toml_lines(draw, SIGN_KEYS, wild, ("text",))
        )
        front += f"\n[[sign]]\n{sign}"
    return f"+++\n{front}+++\n{draw(BODIES)}\n"


_WILD_SLIDES, _TAME_SLIDES = slide_texts(wild=True), slide_texts(wild=False)


# -- what can happen to a file on its way to the kiosk ------------------------------------------------------
_INSERTS = st.binary(max_size=8) | TEXTS.map(str.encode)


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` after a few byte flips, lost or doubled lines, a truncation or an insertion."""
    for _ in range(draw(st.integers(1, 4))):
        lines = data.split(b"\n")
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        line = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["flip", "drop", "double", "cut", "insert", "swap"]))
        if operation == "flip" and data:
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
        elif operation == "drop":
            data = b"\n".join(lines[:line] + lines[line + 1 :])
        elif operation == "double":
            data = b"\n".join(lines[: line + 1] + lines[line:])
        elif operation == "cut":
            data = data[:at]
        elif operation == "insert":
            data = data[:at] + draw(_INSERTS) + data[at:]
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[line], lines[other] = lines[other], lines[line]
            data = b"\n".join(lines)
    return data


ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": str.encode,
    "utf-8 with BOM": lambda t: t.encode("utf-8-sig"),
    "utf-16 with BOM": lambda t: t.encode("utf-16"),
    "latin-1": lambda t: t.encode("latin-1", "replace"),
    "CRLF": lambda t: t.replace("\n", "\r\n").encode(),
    "CR": lambda t: t.replace("\n", "\r").encode(),
    "NUL bytes": lambda t: t.replace("\n", "\n\x00", 1).encode(),
}
# UTF-8 mostly, else as another editor might have saved it.
_ENCODING_NAMES = st.sampled_from(["utf-8", "utf-8", "utf-8", *sorted(ENCODINGS)])


# -- names in slides/ ---------------------------------------------------------------------------------------
SLIDE_IDS_DRAWN = st.one_of(
    st.sampled_from(SLIDE_IDS), st.from_regex(r"[A-Za-z0-9_\-]{1,20}", fullmatch=True)
)
PROPER_NAMES = st.builds("{}.{}.md".format, SLIDE_IDS_DRAWN, st.just("nl") | st.sampled_from(LANGUAGES))
_ODD_NAMES = st.one_of(
    PROPER_NAMES.map(lambda n: "." + n),
    PROPER_NAMES.map(lambda n: n + "~"),
    PROPER_NAMES.map(lambda n: n + ".bak"),
    PROPER_NAMES.map(str.upper),
    PROPER_NAMES.map(lambda n: n.replace(".md", ".markdown")),
    PROPER_NAMES.map(lambda n: n.replace(".", " .", 1)),
    st.builds("{}.{}.md".format, SLIDE_IDS_DRAWN, st.sampled_from(["NL", "nld", "n", "e1", ""])),
    st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=40).filter(
        lambda n: n not in (".", "..")
    ),
    # Bytes that are not UTF-8, as the OS hands them to Python: with surrogate escapes.
    st.binary(min_size=1, max_size=20)
    .map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_"))
    .filter(lambda b: b not in (b".", b".."))
    .map(lambda b: b.decode("utf-8", "surrogateescape")),
)
# Mostly ID.LL.md, sometimes a name that only almost is one, or one no editor should make.
SLIDE_NAMES = st.one_of(PROPER_NAMES, PROPER_NAMES, _ODD_NAMES)


@st.composite
def slides_folder(draw: st.DrawFn, wild: bool = True) -> Folder:
    """Some real slides and some generated ones; wild: damaged, under odd names and in odd encodings."""
    files: Folder = {}
    real = st.lists(st.sampled_from(sorted(REAL_SLIDES)), unique=True, min_size=0 if wild else 1, max_size=4)
    for name in draw(real):
        data = REAL_SLIDES[name]
        files[name] = draw(mutated(data)) if wild and draw(st.booleans()) else data
    for _ in range(draw(st.integers(0, 4))):
        if wild:
            text = draw(_WILD_SLIDES)
            files[f"slides/{draw(SLIDE_NAMES)}"] = ENCODINGS[draw(_ENCODING_NAMES)](text)
        else:  # the Dutch source and some of its translations
            slide_id = draw(SLIDE_IDS_DRAWN)
            for lang in ["nl", *draw(st.lists(st.sampled_from(LANGUAGES[1:]), unique=True, max_size=4))]:
                files[f"slides/{slide_id}.{lang}.md"] = draw(_TAME_SLIDES).encode()
    if wild and draw(st.integers(0, 9)) == 0:
        files[f"slides/{draw(SLIDE_NAMES)}"] = None
    return files


@st.composite
def site_files(draw: st.DrawFn) -> Folder:
    """site.toml: the real one (maybe damaged), a generated one, another encoding, or none at all."""
    real = REAL_FILES["site.toml"]
    choice = draw(st.sampled_from(["real", "mutated", "generated", "encoded", "missing"]))
    if choice == "missing":
        return {}
    if choice == "real":
        return {"site.toml": real}
    if choice == "mutated":
        return {"site.toml": draw(mutated(real))}
    text = draw(site_settings())
    return {"site.toml": ENCODINGS[draw(_ENCODING_NAMES) if choice == "encoded" else "utf-8"](text)}


@st.composite
def handout_files(draw: st.DrawFn) -> Folder:
    real = REAL_FILES["handout.nl.md"]
    choice = draw(st.sampled_from(["real", "mutated", "generated", "missing"]))
    if choice == "missing":
        return {}
    if choice == "real":
        return {"handout.nl.md": real}
    if choice == "mutated":
        return {"handout.nl.md": draw(mutated(real))}
    name = draw(st.sampled_from(["handout.nl.md", "handout.en.md", "handout.NL.md"]))
    return {name: draw(_WILD_SLIDES).encode()}


@st.composite
def content_folders(draw: st.DrawFn) -> Folder:
    """A whole folder where anything may be wrong at once."""
    return {**draw(site_files()), **draw(slides_folder()), **draw(handout_files())}


@st.composite
def showable_folders(draw: st.DrawFn) -> Folder:
    """A folder the loader mostly accepts: plausible settings, right names, UTF-8, odd but valid text."""
    site = draw(site_settings(wild=False)).encode()
    return {
        "site.toml": site,
        "handout.nl.md": REAL_FILES["handout.nl.md"],
        **draw(slides_folder(wild=False)),
    }


def write_folder(root: Path, files: Folder) -> None:
    for name, data in {**IMAGES, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is None:
            path.mkdir(exist_ok=True)
        else:
            path.write_bytes(data)
