"""Hostile or mistaken files in the content folder are refused in plain words, and nothing outside it is read.

"Nothing outside is read" is checked with Python's audit hook, which sees every file the loader opens.
"""

from __future__ import annotations

import contextlib
import os
import random
import struct
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.content import Content, Problem, load_content
from kiosk.content.editing import ContentEditor
from kiosk.content.images import image_problem
from tests.conftest import write_slide

SECRET = "GEHEIM-7f3a"  # stands in for whatever else lives on the kiosk's disk

_opened: list[str] | None = None


def _record_opens(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and _opened is not None and isinstance(args[0], str | bytes | os.PathLike):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_record_opens)  # cannot be removed again; it records only inside `nothing_opened_in`


@contextlib.contextmanager
def nothing_opened_in(folder: Path) -> Iterator[list[str]]:
    """Fails if any file in `folder` is opened inside the block, under its own name or through a link."""
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        opened, _opened = _opened, None
    leaked = [p for p in opened if Path(p).resolve().is_relative_to(folder.resolve())]
    assert not leaked, leaked


# -- pictures built byte by byte -----------------------------------------------------------------------
def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_of_zeros(width: int, height: int, bit_depth: int = 8, colour_type: int = 2) -> bytes:
    """A well-formed PNG of black pixels. Zeros compress about a thousandfold, so a bomb stays small."""
    channels = {0: 1, 2: 3, 6: 4}[colour_type]
    row = bytes(1 + (width * channels * bit_depth + 7) // 8)
    deflate = zlib.compressobj(9)
    pixels = b"".join(deflate.compress(row) for _ in range(height)) + deflate.flush()
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixels)
        + png_chunk(b"IEND", b"")
    )


def jpeg_segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def jpeg_structure(width: int = 800, height: int = 600, scan_bytes: int = 20_000) -> bytes:
    """A JPEG's layout (headers, picture data, end marker) as the check sees it; not decodable."""
    scan = random.Random(7).randbytes(scan_bytes).replace(b"\xff", b"\xff\x00")  # stuffed, as in a real one
    return (
        b"\xff\xd8"
        + jpeg_segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        + jpeg_segment(0xC0, b"\x08" + struct.pack(">HH", height, width) + b"\x01\x01\x11\x00")
        + jpeg_segment(0xC4, bytes(17))
        + jpeg_segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
        + scan
        + b"\xff\xd9"
    )


SVG_OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
)


def svg(inner: str, before: str = "") -> bytes:
    return f"{before}{SVG_OPEN}{inner}</svg>".encode()


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """50000×50000 pixels (2.5 gigapixels) in about 300 KB."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.png"
    path.write_bytes(png_of_zeros(50_000, 50_000, bit_depth=1, colour_type=0))
    return path


def picture_problems(folder: Path, name: str, data: bytes | None = None) -> list[Problem]:
    """Put a picture in images/ (unless it is there already), show it on a slide, and load the folder."""
    if data is not None:
        (folder / "images" / name).write_bytes(data)
    write_slide(folder, "015-plaatje.nl.md", f'title = "Plaatje"\nillustration = "{name}"')
    content = load_content(folder)
    slide = next(s for s in content.slides if s.id == "015-plaatje")
    assert slide.illustration is None  # the slide still plays, with the placeholder
    return [p for p in content.problems if p.file == "slides/015-plaatje.nl.md" and p.field == "illustration"]


def only_message(problems: list[Problem]) -> str:
    assert len(problems) == 1, problems
    return problems[0].message


# -- 1. decompression bomb -----------------------------------------------------------------------------
def test_a_decompression_bomb_is_refused_by_its_declared_size(content_copy: Path, bomb: Path) -> None:
    assert bomb.stat().st_size < 1024 * 1024
    message = only_message(picture_problems(content_copy, "bomb.png", bomb.read_bytes()))
    assert message == (
        "picture 'bomb.png' is 50000×50000 pixels; make it at most 6000×4000; a placeholder is shown"
    )


# -- 2. cut-off and oversized files --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "whole"),
    [("foto.jpg", jpeg_structure()), ("tekening.png", png_of_zeros(300, 200, colour_type=6))],
)
def test_a_picture_cut_off_halfway_is_called_incomplete(content_copy: Path, name: str, whole: bytes) -> None:
    (content_copy / "images" / name).write_bytes(whole)
    assert image_problem(content_copy / "images" / name) is None
    message = only_message(picture_problems(content_copy, name, whole[: len(whole) // 2]))
    assert message == (
        f"picture '{name}' is incomplete (the file was cut off); save or copy it again; "
        "a placeholder is shown"
    )


def test_a_phone_photo_with_a_video_after_its_end_is_not_called_incomplete(tmp_path: Path) -> None:
    motion_photo = jpeg_structure() + random.Random(3).randbytes(300_000)  # beyond the bytes read at the end
    (tmp_path / "foto.jpg").write_bytes(motion_photo)
    assert image_problem(tmp_path / "foto.jpg") is None


def test_a_huge_photo_is_checked_without_reading_it_all(tmp_path: Path) -> None:
    head = jpeg_structure()[:-2]
    path = tmp_path / "groot.jpg"
    with path.open("wb") as out:
        out.write(head)
        out.seek(4 * 1024**3)  # a 4 GB file, sparse: reading it all would take seconds and 4 GB of memory
        out.write(b"\x12\x34\xff\xd9")
    started = time.perf_counter()
    assert image_problem(path) is None
    assert time.perf_counter() - started < 0.5


def test_an_svg_over_two_megabytes_is_refused_by_its_size(content_copy: Path) -> None:
    big = svg("<!--" + "x" * (3 * 1024 * 1024) + "-->")
    message = only_message(picture_problems(content_copy, "groot.svg", big))
    assert message.startswith("picture 'groot.svg' is 3.1 MB; an SVG drawing is at most 2 MB")


# -- 3. SVGs that reach outside themselves -------------------------------------------------------------
OUTSIDE_REFERENCES = {
    "image-file-url": '<image href="file:///etc/passwd" width="10" height="10"/>',
    "image-full-path": '<image href="/home/kiosk/secret.png" width="10" height="10"/>',
    "image-relative": '<image href="../site.png" width="10" height="10"/>',
    "xlink-web": '<image xlink:href="http://example.org/x.png" width="10" height="10"/>',
    "use-other-file": '<use href="other.svg#shape"/>',
    "css-import": "<style>@import url(https://example.org/style.css);</style>",
    "css-url-in-style": "<style>rect { fill: url(http://example.org/p.svg#g) }</style><rect/>",
    "css-url-in-attribute": "<rect style=\"fill:url('pattern.svg#p')\"/>",
    "paint-url": '<rect fill="url(other.svg#g)"/>',
    "nested-svg-data": '<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" width="1" height="1"/>',
    "xinclude": '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>',
}


@pytest.mark.parametrize("inner", OUTSIDE_REFERENCES.values(), ids=OUTSIDE_REFERENCES.keys())
def test_an_svg_that_refers_outside_itself_is_refused(content_copy: Path, inner: str) -> None:
    message = only_message(picture_problems(content_copy, "x.svg", svg(inner)))
    assert message.startswith("picture 'x.svg' refers to files or web addresses outside itself")


def test_an_svg_stylesheet_instruction_is_refused(content_copy: Path) -> None:
    data = svg("", before='<?xml-stylesheet type="text/css" href="http://example.org/s.css"?>')
    message = only_message(picture_problems(content_copy, "x.svg", data))
    assert message.startswith("picture 'x.svg' refers to files or web addresses outside itself")


def test_references_inside_the_drawing_and_embedded_pictures_are_fine(tmp_path: Path) -> None:
    png = "data:image/png;base64,iVBORw0KGgo="
    data = svg(
        '<defs><linearGradient id="g"/><circle id="c" r="2"/></defs>'
        '<rect fill="url(#g)" style="stroke: url( \'#g\' )"/><use xlink:href="#c"/>'
        f'<image href="{png}" width="1" height="1"/><style>circle {{ fill: url(#g) }}</style>',
        # as Illustrator writes it: a bare DOCTYPE, whose DTD nothing here loads
        before='<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
    )
    (tmp_path / "ok.svg").write_bytes(data)
    assert image_problem(tmp_path / "ok.svg") is None


def test_billion_laughs_is_refused_before_any_entity_is_expanded(content_copy: Path) -> None:
    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    data = svg("<text>&a9;</text>", before=f"<!DOCTYPE svg [{entities}]>")  # 10⁹ × "ha" if expanded
    started = time.perf_counter()
    message = only_message(picture_problems(content_copy, "lach.svg", data))
    assert time.perf_counter() - started < 1
    assert message.startswith(
        "picture 'lach.svg' contains a DOCTYPE with entities, which the kiosk does not allow"
    )


def test_an_external_entity_is_refused_and_its_file_never_opened(content_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET)
    data = svg(
        "<text>&s;</text>", before=f'<!DOCTYPE svg [<!ENTITY s SYSTEM "file://{outside}/secret.txt">]>'
    )
    (content_copy / "images" / "ext.svg").write_bytes(data)
    with nothing_opened_in(outside):
        message = only_message(picture_problems(content_copy, "ext.svg"))
    assert "contains a DOCTYPE with entities" in message


# -- 4. oversized and odd text files -------------------------------------------------------------------
def grow_to(path: Path, size: int) -> None:
    with path.open("r+b") as file:
        file.truncate(size)  # sparse: quick to make, and the loader must not read it anyway


def test_a_50_megabyte_slide_is_refused_by_its_size_without_being_read(content_copy: Path) -> None:
    path = write_slide(content_copy, "030-enorm.nl.md", 'title = "Enorm"')
    grow_to(path, 50 * 1024 * 1024)
    started = time.perf_counter()
    with nothing_opened_in(path):
        content = load_content(content_copy)
    assert time.perf_counter() - started < 1
    assert "030-enorm" not in {s.id for s in content.slides}
    assert (
        Problem("slides/030-enorm.nl.md", "is 50 MB; a slide or settings file is at most 256 KB")
        in content.problems
    )


@pytest.mark.parametrize("name", ["site.toml", "handout.nl.md"])
def test_an_oversized_site_file_or_handout_is_refused_too(content_copy: Path, name: str) -> None:
    grow_to(content_copy / name, 300 * 1024)
    content = load_content(content_copy)
    assert Problem(name, "is 300 KB; a slide or settings file is at most 256 KB") in content.problems
    assert content.slides  # the rest still loads, on example settings if need be


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_posing_as_a_slide_does_not_hang_the_loader(content_copy: Path) -> None:
    os.mkfifo(content_copy / "slides" / "030-pijp.nl.md")
    problems = load_content(content_copy).problems
    assert (
        Problem("slides/030-pijp.nl.md", "is not an ordinary file; the kiosk only reads ordinary files")
        in problems
    )


# -- 5. links and names that lead outside --------------------------------------------------------------
OUTSIDE_MESSAGE = "is a link to somewhere outside the content folder; the kiosk only reads what is inside it"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """Files beside the content copy that look like content and carry the secret."""
    folder = tmp_path / "outside"
    write_slide(folder, "050-geheim.nl.md", f'title = "{SECRET}"', body=SECRET)
    (folder / "site.toml").write_text(f'[clinic]\nname = "{SECRET}"\n', encoding="utf-8")
    (folder / "handout.nl.md").write_text(
        f'+++\ntitle = "{SECRET}"\n+++\n- {SECRET}\n- b\n- c\n', encoding="utf-8"
    )
    (folder / "secret.png").write_bytes(png_of_zeros(8, 8))
    (folder / "secret.svg").write_bytes(svg(f"<title>{SECRET}</title>"))
    return folder


def loaded_without_secret(content_folder: Path, outside: Path) -> Content:
    with nothing_opened_in(outside):
        content = load_content(content_folder)
    assert SECRET not in repr(content)
    return content


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("slides/050-geheim.nl.md", "slides/050-geheim.nl.md"),
        ("site.toml", "site.toml"),
        ("handout.nl.md", "handout.nl.md"),
    ],
)
def test_a_text_file_linked_from_outside_is_refused_and_never_read(
    content_copy: Path, outside: Path, link: str, target: str
) -> None:
    (content_copy / link).unlink(missing_ok=True)
    (content_copy / link).symlink_to(outside / target)
    content = loaded_without_secret(content_copy, outside)
    assert Problem(link, OUTSIDE_MESSAGE) in content.problems


def test_a_slides_folder_linked_from_outside_is_refused_and_never_listed(
    content_copy: Path, outside: Path
) -> None:
    (content_copy / "slides").rename(content_copy / "slides-old")
    (content_copy / "slides").symlink_to(outside / "slides", target_is_directory=True)
    content = loaded_without_secret(content_copy, outside)
    assert Problem("slides/", OUTSIDE_MESSAGE) in content.problems
    assert content.slides == ()


PICTURE_LEADS_OUT = (
    "leads outside the content folder (a link, ../ or a full path); put the picture itself in images/"
)


@pytest.mark.parametrize("picture", ["secret.png", "secret.svg"])
def test_a_picture_linked_from_outside_is_refused_and_never_opened(
    content_copy: Path, outside: Path, picture: str
) -> None:
    (content_copy / "images" / picture).symlink_to(outside / picture)
    with nothing_opened_in(outside):
        message = only_message(picture_problems(content_copy, picture))
    assert message == f"picture '{picture}' {PICTURE_LEADS_OUT}; a placeholder is shown"


def test_an_images_folder_linked_from_outside_is_refused(content_copy: Path, outside: Path) -> None:
    (content_copy / "images").rename(content_copy / "images-old")
    (content_copy / "images").symlink_to(outside, target_is_directory=True)
    with nothing_opened_in(outside):
        message = only_message(picture_problems(content_copy, "secret.png"))
    assert message == f"picture 'secret.png' {PICTURE_LEADS_OUT}; a placeholder is shown"


@pytest.mark.parametrize("how", ["../../outside/secret.png", "full path"])
def test_a_picture_named_by_a_path_out_of_the_folder_is_refused(
    content_copy: Path, outside: Path, how: str
) -> None:
    name = str(outside / "secret.png") if how == "full path" else how
    with nothing_opened_in(outside):
        message = only_message(picture_problems(content_copy, name))
    assert message == f"picture '{name}' {PICTURE_LEADS_OUT}; a placeholder is shown"


def test_a_link_that_stays_inside_the_folder_is_fine(content_copy: Path) -> None:
    (content_copy / "images" / "ook-knuffel.svg").symlink_to("hug.svg")
    write_slide(content_copy, "015-plaatje.nl.md", 'title = "Plaatje"\nillustration = "ook-knuffel.svg"')
    content = load_content(content_copy)
    slide = next(s for s in content.slides if s.id == "015-plaatje")
    assert slide.illustration == content_copy / "images" / "ook-knuffel.svg"


def test_a_link_loop_is_refused_not_followed_for_ever(content_copy: Path) -> None:
    (content_copy / "images" / "rond.svg").symlink_to("rond.svg")
    message = only_message(picture_problems(content_copy, "rond.svg"))
    assert message.startswith(f"picture 'rond.svg' {PICTURE_LEADS_OUT}")


# -- staff saves ---------------------------------------------------------------------------------------
def test_staff_cannot_save_through_a_link_to_outside(content_copy: Path, outside: Path) -> None:
    (content_copy / "site.toml").unlink()
    (content_copy / "site.toml").symlink_to(outside / "site.toml")
    with nothing_opened_in(outside):
        result = ContentEditor(content_copy).save_site({"clinic.phone": "030 123 45 67"})
    assert not result.saved
    assert result.message() == f"site.toml: {OUTSIDE_MESSAGE}"
    assert (outside / "site.toml").read_text(encoding="utf-8") == f'[clinic]\nname = "{SECRET}"\n'


def test_staff_saves_still_work_beside_links_to_outside_and_never_read_them(
    content_copy: Path, outside: Path
) -> None:
    (content_copy / "slides" / "050-geheim.nl.md").symlink_to(outside / "slides" / "050-geheim.nl.md")
    (content_copy / "images" / "alles").symlink_to("/", target_is_directory=True)  # not copied whole
    with nothing_opened_in(outside):
        result = ContentEditor(content_copy).save_slide("040-onderzoek", "nl", {"duration": 20})
    assert result.saved, result.message()
    assert (content_copy / "slides" / "050-geheim.nl.md").is_symlink()  # left as it was
