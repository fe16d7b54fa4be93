"""Staff mode loses nothing and speaks plain Dutch: saves write only what staff changed, leaving unsaved
work asks, the session warns before it closes, quitting asks, and the preview shows every language."""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.content import load_content
from kiosk.content.editing import ContentEditor
from kiosk.ui.window import KioskWindow
from tests.conftest import ROOT
from tests.fake_clock import FakeClock
from tests.ui.conftest import advance
from tests.ui.test_staff import MakeKiosk, in_staff, open_staff, site_with_pin

__all__ = ["in_staff", "site_with_pin"]  # fixtures shared with test_staff.py


def tap(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def save_and_wait(qtbot: QtBot, kiosk: KioskWindow, button: QWidget, files: int = 1) -> None:
    with qtbot.waitSignals([kiosk.store.save_finished] * files, timeout=10_000):
        tap(button)


def slide_file(folder: Path, slide_id: str) -> str:
    return (folder / "slides" / f"{slide_id}.nl.md").read_text(encoding="utf-8")


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++ ", "--- ")) and line not in ("+++", "---")
    ]


def test_unticking_tonen_in_de_lus_and_saving_hides_the_slide(
    qtbot: QtBot, in_staff: KioskWindow, site_with_pin: Path
) -> None:
    """Seen before: untick, "Dia opslaan", "Opgeslagen" — and the slide came back ticked."""
    kiosk = in_staff
    tab = kiosk.staff.screen.slides
    tab.list.setCurrentRow(1)
    hidden = tab.list.item(1).data(Qt.ItemDataRole.UserRole)
    assert tab.shown.text() == "Tonen in de lus" and tab.shown.isChecked()
    tab.shown.setChecked(False)
    assert tab.list.item(1).checkState() == Qt.CheckState.Unchecked
    save_and_wait(qtbot, kiosk, tab.save)
    assert kiosk.staff.screen.message.text().startswith("Opgeslagen")
    assert not tab.shown.isChecked() and tab.list.item(1).checkState() == Qt.CheckState.Unchecked
    assert not kiosk.staff.screen.dirty()
    tap(kiosk.staff.screen.leave)  # nothing unsaved: straight back to the loop, without the slide
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    assert hidden not in [s.id for s in kiosk.slideshow.slides()]


def test_a_slide_without_a_picture_never_gets_the_previous_slides_picture(
    qtbot: QtBot, make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    path = site_with_pin / "slides" / "030-aanmaak.nl.md"
    path.write_text(
        re.sub(r'illustration = "[^"]*"\n', "", path.read_text(encoding="utf-8")), encoding="utf-8"
    )
    kiosk = make_kiosk(content=site_with_pin)
    open_staff(kiosk, fake_clock)
    tab = kiosk.staff.screen.slides
    with_picture = next(i for i, s in enumerate(kiosk.content.slides) if s.illustration is not None)
    without = next(i for i, s in enumerate(kiosk.content.slides) if s.illustration is None)
    slide_id = kiosk.content.slides[without].id
    tab.list.setCurrentRow(with_picture)
    tab.list.setCurrentRow(without)
    assert tab.picture.picture() is None
    before = slide_file(site_with_pin, slide_id)
    tab.title.setText("Een andere titel")
    save_and_wait(qtbot, kiosk, tab.save)
    after = slide_file(site_with_pin, slide_id)
    assert "illustration" not in after
    assert len(changed_lines(before, after)) == 2  # the title line, out and in


def test_a_missing_picture_is_not_replaced_by_another(
    qtbot: QtBot, make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    path = site_with_pin / "slides" / "020-wat-is-oxytocine.nl.md"
    text = re.sub(r'illustration = "[^"]*"', 'illustration = "weg.svg"', path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    kiosk = make_kiosk(content=site_with_pin)
    open_staff(kiosk, fake_clock)
    tab = kiosk.staff.screen.slides
    tab.list.setCurrentRow(0)
    tab.list.setCurrentRow([s.id for s in kiosk.content.slides].index("020-wat-is-oxytocine"))
    assert tab.picture.picture() is None
    tab.duration.setValue(tab.duration.value() + 5)
    save_and_wait(qtbot, kiosk, tab.save)
    after = path.read_text(encoding="utf-8")
    assert 'illustration = "weg.svg"' in after  # staff did not touch it: it stays as the file had it
    assert [line[0] for line in changed_lines(text, after) if "duration" in line] in (["+"], ["-", "+"])


def edit_each_field(tab: object, today: dt.date) -> dict[str, Callable[[], None]]:
    from kiosk.ui.staff_slides import SlidesTab

    assert isinstance(tab, SlidesTab)

    def other_picture() -> None:
        names = tab.picture.names()
        tab.picture.set_picture(names[0] if tab.picture.picture() != names[0] else names[1])

    def dates() -> None:
        tab.limit_dates.setChecked(True)
        tab.shown_from.setValue(today.toordinal() - 3)
        tab.shown_until.setValue(today.toordinal() + 300)

    return {
        "title": lambda: tab.title.setText(tab.title.text() + " (nieuw)"),
        "body": lambda: tab.body.setPlainText(tab.body.toPlainText() + "\n\nEen extra zin."),
        "duration": lambda: tab.duration.setValue(tab.duration.value() + 7),
        "illustration": other_picture,
        "shown_from": dates,
        "hidden": lambda: tab.shown.setChecked(False),
    }


def test_each_field_of_each_slide_saved_alone_changes_only_its_own_lines(
    qtbot: QtBot, in_staff: KioskWindow, site_with_pin: Path
) -> None:
    kiosk = in_staff
    tab = kiosk.staff.screen.slides
    today = kiosk.clock.now().date()
    files = [*sorted((site_with_pin / "slides").glob("*.md")), site_with_pin / "site.toml"]
    for row in range(tab.list.count()):
        slide_id = tab.list.item(row).data(Qt.ItemDataRole.UserRole)
        for field, edit in edit_each_field(tab, today).items():
            tab.list.setCurrentRow(row)
            before = {f: f.read_text(encoding="utf-8") for f in files}
            edit()
            save_and_wait(qtbot, kiosk, tab.save)
            assert kiosk.staff.screen.message.text().startswith("Opgeslagen"), (slide_id, field)
            changed = {f.name: changed_lines(before[f], f.read_text(encoding="utf-8")) for f in files}
            changed = {name: lines for name, lines in changed.items() if lines}
            if field == "hidden":
                assert list(changed) == ["site.toml"], (slide_id, field, changed)
                lines = changed["site.toml"]
                assert all("hidden" in line or line[1:] in ("", "[slides]") for line in lines), lines
                tab.shown.setChecked(True)  # and back, for the next slide's turn
                save_and_wait(qtbot, kiosk, tab.save)
                continue
            assert list(changed) == [f"{slide_id}.nl.md"], (slide_id, field, changed)
            lines = changed[f"{slide_id}.nl.md"]
            if field == "body":
                assert all("=" not in line for line in lines), lines
                assert "+Een extra zin." in lines
            else:
                assert all(line[1:].startswith(field.split("_")[0]) for line in lines if line), (field, lines)


def test_leaving_a_tab_with_unsaved_changes_asks_first(
    qtbot: QtBot, in_staff: KioskWindow, site_with_pin: Path
) -> None:
    kiosk = in_staff
    screen = kiosk.staff.screen
    screen.tabs.setCurrentWidget(screen.contact)
    screen.contact.name.setText("Praktijk De Linde")
    screen.tabs.setCurrentWidget(screen.kiosk)
    assert screen.pages.currentWidget() is screen.question
    assert screen.question.title.text() == "Wijzigingen opslaan?"
    assert {b.text() for b in screen.question.buttons.values()} == {"Opslaan", "Niet opslaan", "Terug"}
    assert min(b.height() for b in screen.question.buttons.values()) >= 44
    tap(screen.question.buttons["unsaved-back"])  # Terug: still on Contact, the edit still there
    assert screen.tabs.currentWidget() is screen.contact
    assert screen.contact.name.text() == "Praktijk De Linde"
    screen.tabs.setCurrentWidget(screen.status)
    tap(screen.question.buttons["unsaved-drop"])  # Niet opslaan: the edit goes, the tab changes
    assert screen.tabs.currentWidget() is screen.status
    assert screen.contact.name.text() == "MindFitPro"
    screen.tabs.setCurrentWidget(screen.contact)
    screen.contact.name.setText("Praktijk De Linde")
    tap(screen.leave)  # leaving staff mode asks too
    assert screen.pages.currentWidget() is screen.question
    save_and_wait(qtbot, kiosk, screen.question.buttons["unsaved-save"])
    assert kiosk.pages.currentWidget() is kiosk.loop_page  # left only once the kiosk shows it
    assert kiosk.top_bar.name.text() == "Praktijk De Linde"
    assert 'name = "Praktijk De Linde"' in (site_with_pin / "site.toml").read_text(encoding="utf-8")


def test_a_refused_save_keeps_staff_where_they_were(qtbot: QtBot, in_staff: KioskWindow) -> None:
    kiosk = in_staff
    screen = kiosk.staff.screen
    screen.tabs.setCurrentWidget(screen.contact)
    screen.contact.qr_url.setText("geen adres")
    tap(screen.leave)
    save_and_wait(qtbot, kiosk, screen.question.buttons["unsaved-save"])
    assert kiosk.pages.currentWidget() is screen  # not left: the change was not saved
    assert screen.contact.qr_url.text() == "geen adres"
    assert screen.message.text().startswith("Niet opgeslagen. Contact › QR-adres")


def test_picking_another_slide_with_unsaved_edits_asks_first(in_staff: KioskWindow) -> None:
    screen = in_staff.staff.screen
    tab = screen.slides
    tab.list.setCurrentRow(0)
    tab.title.setText("Nog niet opgeslagen")
    tab.list.setCurrentRow(2)
    assert screen.pages.currentWidget() is screen.question
    assert tab.list.currentRow() == 0 and tab.title.text() == "Nog niet opgeslagen"
    tap(screen.question.buttons["unsaved-drop"])
    assert tab.list.currentRow() == 2
    assert tab.title.text() == in_staff.content.slides[2].title["nl"]


def test_the_session_warns_thirty_seconds_ahead_and_keeps_unsaved_edits(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(content=site_with_pin)
    open_staff(kiosk, fake_clock)
    screen = kiosk.staff.screen
    screen.tabs.setCurrentWidget(screen.contact)
    screen.contact.phone.setText("030 123 45 67")
    advance(fake_clock, 149)
    assert screen.pages.currentWidget() is not screen.question
    advance(fake_clock, 1)  # 180 s session: the warning at 150 s
    assert screen.pages.currentWidget() is screen.question
    assert screen.question.title.text() == "De medewerkersmodus sluit over 30 seconden"
    assert "blijft bewaard" in screen.question.text.text()
    tap(screen.question.buttons["still-here"])
    advance(fake_clock, 179)
    assert kiosk.pages.currentWidget() is screen and kiosk.staff.active
    advance(fake_clock, 1)
    assert kiosk.pages.currentWidget() is kiosk.loop_page
    open_staff(kiosk, fake_clock)
    assert screen.contact.phone.text() == "030 123 45 67"  # nothing lost
    assert "nog niet had opgeslagen" in screen.message.text()


def test_quit_asks_and_offers_a_restart(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk(content=site_with_pin)
    open_staff(kiosk, fake_clock)
    screen = kiosk.staff.screen
    screen.tabs.setCurrentWidget(screen.status)
    tap(screen.status.quit)
    buttons = screen.question.buttons
    assert [b.text() for b in buttons.values()] == ["Herstarten", "Afsluiten voor onderhoud", "Terug"]
    assert buttons["maintenance"].property("danger") is True
    assert min(b.height() for b in buttons.values()) >= 44
    tap(buttons["quit-back"])
    assert kiosk.isVisible() and screen.pages.currentWidget() is screen.work
    tap(screen.status.quit)
    tap(screen.question.buttons["restart"])
    assert not kiosk.isVisible()
    assert not kiosk.quit_for_maintenance  # exit 0, which the service starts again


@pytest.mark.parametrize("unit", sorted((ROOT / "packaging" / "linux").glob("*.service")))
def test_the_service_restarts_a_restart_and_not_a_maintenance_quit(unit: Path) -> None:
    from kiosk.app import MAINTENANCE_EXIT

    settings = dict(
        line.split("=", 1) for line in unit.read_text(encoding="utf-8").splitlines() if "=" in line
    )
    assert settings["Restart"] == "always"  # exit 0 (Herstarten) is started again
    assert settings["RestartPreventExitStatus"].split() == [str(MAINTENANCE_EXIT)]


def test_the_preview_shows_the_unsaved_slide_in_every_language_of_the_site(
    make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    assert ContentEditor(site_with_pin).save_site({"kiosk.languages": ["nl", "en", "ar"]}).saved
    slide = site_with_pin / "slides" / "020-wat-is-oxytocine.en.md"
    slide.write_text('+++\ntitle = "What is oxytocin?"\n+++\nA hormone.\n', encoding="utf-8")
    kiosk = make_kiosk(content=site_with_pin)
    open_staff(kiosk, fake_clock)
    screen = kiosk.staff.screen
    tab = screen.slides
    tab.list.setCurrentRow([s.id for s in kiosk.content.slides].index("020-wat-is-oxytocine"))
    saved_nl = screen._renderer.render(kiosk.content.slides[1], "nl", kiosk.size()).toImage()
    tab.title.setText("Oxytocine, wat is dat?")
    tap(tab.preview)
    preview = screen.preview
    assert screen.pages.currentWidget() is preview
    assert set(preview.languages) == {"nl", "en", "ar"}
    assert min(b.height() for b in preview.languages.values()) >= 44
    shown = {"nl": preview.pixmap().toImage()}
    assert shown["nl"] != saved_nl  # the unsaved title
    for lang in ("en", "ar"):
        tap(preview.languages[lang])
        assert preview.language == lang
        shown[lang] = preview.pixmap().toImage()
    assert len({img.cacheKey() for img in shown.values()}) == 3
    assert shown["en"] != shown["nl"] and shown["ar"] != shown["en"]
    assert shown["nl"].size() == kiosk.size()
    tap(preview.back)
    assert screen.pages.currentWidget() is screen.work
    assert kiosk.content.slides[1].title["nl"] == "Wat is oxytocine?"  # nothing saved by looking


def test_a_save_that_cannot_be_written_says_so_in_plain_dutch(
    qtbot: QtBot, in_staff: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.content import editing

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(editing, "_write_atomically", disk_full)
    screen = in_staff.staff.screen
    screen.tabs.setCurrentWidget(screen.contact)
    screen.contact.phone.setText("030 765 43 21")
    save_and_wait(qtbot, in_staff, screen.contact.save)
    assert screen.message.text() == (
        "Niet opgeslagen. De schijf van deze computer is vol. Er is niets veranderd. "
        "Vraag de beheerder van de kiosk om hulp."
    )
    assert screen.contact.phone.text() == "030 765 43 21"  # still there to save later


# English that staff saw before, and the technical marks that must stay behind "Technische details".
ENGLISH = re.compile(
    r"\b(warning|error|printed|run|set-pin|missing|should|not|the|file|settings|slide|example|using)\b",
    re.IGNORECASE,
)
TECHNICAL = re.compile(r"\.toml|\.md\b|(^|\s)/\w|\w/\w+\.\w|\b[0-9a-f]{8}\b|\d+:\d+:\d+")


def visible_texts(root: QWidget) -> list[str]:
    """What staff can read: labels, buttons, tab names, list and combo entries, read-only text; not what
    they typed into fields (the clinic's own e-mail address may well hold ".nl/")."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            if widget.objectName() != "qt_calendar":
                texts += [widget.itemText(i) for i in range(widget.count()) if not widget.isEditable()]
        elif isinstance(widget, QPlainTextEdit) and widget.isReadOnly():
            texts.append(widget.toPlainText())
        elif isinstance(widget, QLineEdit) and widget.isReadOnly():
            texts.append(widget.text())
    return [t for t in texts if t]


def test_staff_screens_show_no_english_paths_or_hashes(
    qtbot: QtBot, make_kiosk: MakeKiosk, site_with_pin: Path, fake_clock: FakeClock
) -> None:
    slide = site_with_pin / "slides" / "020-wat-is-oxytocine.nl.md"
    text = re.sub(r'illustration = "[^"]*"', 'illustration = "weg.svg"', slide.read_text(encoding="utf-8"))
    slide.write_text(text.replace("+++\n", "+++\nkleur = 3\n", 1), encoding="utf-8")
    assert load_content(site_with_pin).problems  # something for the status tab to say
    kiosk = make_kiosk(content=site_with_pin)
    open_staff(kiosk, fake_clock)
    screen = kiosk.staff.screen
    screen.contact.qr_url.setText("geen adres")
    screen.tabs.setCurrentWidget(screen.contact)
    save_and_wait(qtbot, kiosk, screen.contact.save)  # a refused save's message, too
    screen.contact.revert()
    tabs: list[QWidget] = [screen.slides, screen.contact, screen.kiosk, screen.status]
    questions: list[Callable[[], None]] = [
        lambda: screen.ask_unsaved(screen.contact, lambda: None),
        screen.ask_quit,
        screen._confirm_maintenance,
        lambda: screen.warn_timeout(30),
    ]
    seen = 0
    pages: list[QWidget | Callable[[], None]] = [*tabs, *questions]
    for page in pages:
        screen.show_work()
        if isinstance(page, QWidget):
            screen.tabs.setCurrentWidget(page)
            assert screen.tabs.currentWidget() is page  # nothing unsaved held it back
        else:
            page()
        for text in visible_texts(screen):
            seen += 1
            text = re.sub(r"\(([\w-]+\.)+\w+(, ([\w-]+\.)+\w+)*\)", "()", text)  # web sites: (example.org)
            assert not ENGLISH.search(text), (page, text)
            assert not TECHNICAL.search(text.replace("https://", "")), (page, text)
    assert seen > 60
    screen.show_work()
    screen.tabs.setCurrentWidget(screen.status)
    assert not screen.status.details.isVisible()
    tap(screen.status.show_details)
    assert "site.toml" in screen.status.details.toPlainText()  # for a technician, on request
    assert re.search(r"Actief sinds: \w\w \d{1,2} \w{3}, \d\d:\d\d", screen.status.facts.text())


def test_every_test_print_outcome_reads_as_dutch() -> None:
    from kiosk.services.printing import PrintOutcome
    from kiosk.ui.staff_mode import PRINT_OUTCOMES_NL

    assert set(PRINT_OUTCOMES_NL) == set(PrintOutcome)
    for text in PRINT_OUTCOMES_NL.values():
        assert not ENGLISH.search(text), text


def test_a_slide_follows_its_words_until_staff_set_a_duration_and_again_after_automatic(
    qtbot: QtBot, in_staff: KioskWindow, site_with_pin: Path
) -> None:
    kiosk = in_staff
    tab = kiosk.staff.screen.slides
    tab.list.setCurrentRow(0)
    slide_id = tab.list.item(0).data(Qt.ItemDataRole.UserRole)
    assert tab.duration.shown.text() == "Automatisch (leestempo)"  # the default content sets no duration
    tab.title.setText("Welkom")  # fewer words: the slide follows them, no duration is written
    save_and_wait(qtbot, kiosk, tab.save)
    assert "duration" not in slide_file(site_with_pin, slide_id)
    assert not tab.slide.dirty()  # the shorter reading time is not taken for an edit
    reading = kiosk.store.content.slides[0].duration_s
    tab.duration.setValue(30)
    save_and_wait(qtbot, kiosk, tab.save)
    assert "duration = 30" in slide_file(site_with_pin, slide_id)
    assert kiosk.store.content.slides[0].duration_s == 30
    tab.duration.setValue(0)  # as low as it goes
    save_and_wait(qtbot, kiosk, tab.save)
    assert "duration" not in slide_file(site_with_pin, slide_id)
    assert kiosk.store.content.slides[0].duration_s == reading != 30
