"""Every visitor control has an accessible name and role, and the slide's words reach a screen reader as
text: the accessibility tree (QAccessible) of every visitor screen, walked as assistive technology does."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QPushButton

from kiosk.content import pick
from kiosk.ui.window import KioskWindow

MakeKiosk = Callable[..., KioskWindow]
NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description


def tree(node: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    yield node
    for index in range(node.childCount()):
        child = node.child(index)
        if child is not None and child.isValid():
            yield from tree(child)


def visible_nodes(kiosk: KioskWindow) -> list[QAccessibleInterface]:
    root = QAccessible.queryAccessibleInterface(kiosk)
    assert root is not None and root.isValid()
    return [n for n in tree(root) if not n.state().invisible]


def every_visitor_screen(kiosk: KioskWindow) -> list[tuple[str, Callable[[], None]]]:
    def summary() -> None:
        kiosk.show_signs()
        for _ in range(4):
            kiosk.signs.answer(True)

    return [
        ("slides", kiosk.show_slides),
        ("signs", kiosk.show_signs),
        ("summary", summary),
        ("contact", kiosk.show_contact),
        ("question", kiosk._ask_if_reading),
    ]


def test_every_visitor_control_has_a_name_and_a_role(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.take_over()
    for screen, go in every_visitor_screen(kiosk):
        go()
        nodes = visible_nodes(kiosk)
        buttons = [n for n in nodes if isinstance(n.object(), QPushButton)]
        shown = {b for b in kiosk.findChildren(QPushButton) if b.isVisible()}
        assert {n.object() for n in buttons} == shown, screen  # the tree has every button on screen
        for node in buttons:
            name = node.text(NAME)
            button = node.object()
            assert isinstance(button, QPushButton)
            # a toggle (A+, contrast) says so: a screen reader reads "on" or "off" with it
            role = QAccessible.Role.CheckBox if button.isCheckable() else QAccessible.Role.Button
            assert node.role() == role, (screen, name)
            assert name and name.strip() == name and not set(name) & set("‹›◐"), (screen, repr(name))
        kiosk._still_reading()
    kiosk.show_slides()
    names = {n.text(NAME) for n in visible_nodes(kiosk)}
    assert {"Grotere letters", "Sterk contrast"} <= names  # not "A+" and a half-filled circle
    toggles = [n for n in visible_nodes(kiosk) if n.text(NAME) == "Grotere letters"]
    assert toggles and toggles[0].state().checkable and not toggles[0].state().checked
    kiosk.set_large_text(True)
    toggles = [n for n in visible_nodes(kiosk) if n.text(NAME) == "Grotere letters"]
    assert toggles[0].state().checked


def test_the_slide_on_screen_is_exposed_as_text(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.take_over()
    show = kiosk.slideshow
    for index, slide in enumerate(show.slides()):
        show.show_index(index, animate=False)
        show.current_pixmap()
        node = QAccessible.queryAccessibleInterface(show)
        assert node is not None
        assert node.text(NAME) == pick(slide.title, "nl"), slide.id
        body = pick(slide.body, "nl")
        first_words = " ".join(body.replace("*", "").split()[:3]).lstrip("-# ")
        assert first_words.split()[0] in node.text(DESCRIPTION), (slide.id, node.text(DESCRIPTION)[:60])
        assert "**" not in node.text(DESCRIPTION)  # words, not Markdown
