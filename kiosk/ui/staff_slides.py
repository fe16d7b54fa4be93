"""Staff mode, slides: show or hide each slide, put them in order, edit text, picture, duration and dates.

One "Opslaan" saves what staff changed on this tab: the order and what is shown in the loop (site.toml)
and the open slide's fields (its file), each only where staff changed something.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Content, Slide, pick
from kiosk.content.editing import Change, SiteChange, SlideChange
from kiosk.content.files import inside_folder
from kiosk.content.images import IMAGE_SUFFIXES
from kiosk.ui.staff_draft import Draft, Values
from kiosk.ui.staff_pictures import PicturePicker
from kiosk.ui.staff_touch import Stepper, date_text, refill, scrolling
from kiosk.ui.widgets import big_button, text_label

LANG = "nl"  # staff edit the source language; translations are files for the technical staff
AUTOMATIC_DURATION = 2  # the duration box at its lowest: "Automatisch", the slide follows its words
ORDER, HIDDEN = "slides.order", "slides.hidden"
LAST_DAY = dt.date.max.toordinal()


class SlidesTab(QWidget):
    save_requested = Signal()  # staff tapped "Opslaan": the screen collects `changes()`
    preview_requested = Signal(object)  # the Slide as edited, not yet saved
    # Staff picked another slide while this one has unsaved edits: the screen asks, then calls the callable
    # (which opens the other slide) unless staff chose "Terug".
    leave_slide_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content: Content | None = None
        self._today = dt.date.today()  # replaced by the kiosk clock's date in set_content
        self._slide_id: str | None = None  # the slide open in the form
        self.list = QListWidget()
        self.list.setObjectName("slide-list")
        self.list.setWordWrap(True)  # a long title wraps in a narrow (portrait) list instead of being cut off
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.up = big_button(self.tr("▲ Omhoog"), "slide-up")
        self.down = big_button(self.tr("▼ Omlaag"), "slide-down")
        self.shown = QCheckBox(self.tr("Tonen in de lus"))
        self.title = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setObjectName("slide-body")
        # At its lowest the slide sets no duration and stands as long as its words take to read.
        self.duration = Stepper(AUTOMATIC_DURATION, 600, 1, 10, self._duration_text)
        self.picture = PicturePicker()
        self.limit_dates = QCheckBox(self.tr("Alleen tonen tussen deze data"))
        self.shown_from, self.shown_until = (Stepper(1, LAST_DAY, 1, 7, date_text) for _ in range(2))
        self.preview = big_button(self.tr("Voorbeeld"), "slide-preview")
        self.save = big_button(self.tr("Opslaan"), "slide-save", primary=True)
        self.selection = Draft(self._read_selection, self._show_selection)
        self.slide = Draft(self._read_slide, self._show_slide_values)

        left = QVBoxLayout()
        left.addWidget(text_label("muted", self.tr("Met vinkje: te zien in de lus")))
        left.addWidget(self.list, 1)
        moves = QHBoxLayout()
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        left.addLayout(moves)
        fields = QWidget()
        form = QFormLayout(fields)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.shown)
        form.addRow(self.tr("Titel"), self.title)
        form.addRow(self.tr("Tekst"), self.body)
        form.addRow(self.tr("Duur"), self.duration)
        form.addRow(self.tr("Plaatje"), self.picture)
        form.addRow(self.limit_dates)
        form.addRow(self.tr("Vanaf"), self.shown_from)
        form.addRow(self.tr("Tot en met"), self.shown_until)
        self.form = form
        self.fields = scrolling(fields)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview)
        buttons.addWidget(self.save)
        right = QVBoxLayout()
        right.addWidget(self.fields, 1)
        right.addLayout(buttons)
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.addLayout(left, 4)
        self.row.addLayout(right, 6)

        self.list.currentRowChanged.connect(self._row_changed)
        self.list.itemChanged.connect(self._item_changed)
        self.shown.toggled.connect(self._shown_toggled)
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down.clicked.connect(lambda: self.move_selected(1))
        self.save.clicked.connect(self.save_requested)
        self.preview.clicked.connect(lambda: self.preview_requested.emit(self.edited_slide()))
        self.limit_dates.toggled.connect(self._dates_enabled)

    def set_portrait(self, portrait: bool) -> None:
        """Portrait: the list above the form, and each label above its field."""
        self.row.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.row.setStretch(0, 3 if portrait else 4)
        wrap = QFormLayout.RowWrapPolicy
        self.form.setRowWrapPolicy(wrap.WrapAllRows if portrait else wrap.WrapLongRows)

    def _duration_text(self, seconds: int) -> str:
        if seconds == AUTOMATIC_DURATION:
            return self.tr("Automatisch (leestempo)")
        return self.tr("%1 seconden").replace("%1", str(seconds))

    # -- filling -------------------------------------------------------------------------------
    def set_content(self, content: Content, today: dt.date) -> None:
        """New content: shown, except where staff have unsaved edits (see Draft)."""
        self._content, self._today = content, today
        self._fill_pictures(content)
        self.selection.load(
            {ORDER: [s.id for s in content.slides], HIDDEN: [s.id for s in content.slides if s.hidden]}
        )
        ids = [s.id for s in content.slides]
        if self._slide_id not in ids:
            self._slide_id = ids[0] if ids else None
            self._open(self._slide_id, keep_edits=False)
        else:
            self._open(self._slide_id, keep_edits=True)

    def _fill_pictures(self, content: Content) -> None:
        images = content.folder / "images"
        names = (
            sorted(
                p.name
                for p in images.iterdir()
                if p.suffix.lower() in IMAGE_SUFFIXES and inside_folder(content.folder, p)
            )
            if images.is_dir() and inside_folder(content.folder, images)
            else []
        )
        self.picture.set_pictures(images, names)

    def _slide_by_id(self, slide_id: str | None) -> Slide | None:
        if self._content is None or slide_id is None:
            return None
        return next((s for s in self._content.slides if s.id == slide_id), None)

    def _open(self, slide_id: str | None, keep_edits: bool) -> None:
        """Show a slide in the form and select it in the list."""
        self._slide_id = slide_id
        slide = self._slide_by_id(slide_id)
        self.list.blockSignals(True)
        self.list.setCurrentRow(self._row_of(slide_id))
        self.list.blockSignals(False)
        self._sync_shown()
        if slide is not None:
            self.slide.load(self._values_of(slide), keep_edits)

    def _values_of(self, slide: Slide) -> Values:
        return {
            "title": pick(slide.title, LANG),
            "body": pick(slide.body, LANG),
            "duration": round(slide.duration_s) if slide.duration_set else AUTOMATIC_DURATION,
            "illustration": slide.illustration.name if slide.illustration else None,
            "shown_from": slide.shown_from,
            "shown_until": slide.shown_until,
        }

    def _row_of(self, slide_id: str | None) -> int:
        ids = self.selection_values()[ORDER]
        return ids.index(slide_id) if slide_id in ids else -1

    # -- the slide's form ----------------------------------------------------------------------
    def _read_slide(self) -> Values:
        limited = self.limit_dates.isChecked()
        return {
            "title": self.title.text().strip(),
            "body": self.body.toPlainText().strip(),
            "duration": self.duration.value(),
            "illustration": self.picture.picture(),
            "shown_from": dt.date.fromordinal(self.shown_from.value()) if limited else None,
            "shown_until": dt.date.fromordinal(self.shown_until.value()) if limited else None,
        }

    def _show_slide_values(self, values: Values) -> None:
        self.title.setText(values["title"])
        self.title.setCursorPosition(0)  # a long title shows its start, not its end
        self.body.setPlainText(values["body"])
        self.duration.setValue(values["duration"])
        # A slide without a picture (or with one that is missing) shows "Geen plaatje", never the last one.
        self.picture.set_picture(values["illustration"])
        start, end = values["shown_from"], values["shown_until"]
        self.limit_dates.setChecked(start is not None or end is not None)
        start = start or self._today
        end = end or max(start, self._today) + dt.timedelta(days=30)
        self.shown_from.setValue(start.toordinal())
        self.shown_until.setValue(end.toordinal())
        self._dates_enabled(self.limit_dates.isChecked())

    def _dates_enabled(self, enabled: bool) -> None:
        self.shown_from.setEnabled(enabled)
        self.shown_until.setEnabled(enabled)

    def _row_changed(self, row: int) -> None:
        item = self.list.item(row)
        wanted = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if wanted == self._slide_id:
            return
        if not self.slide.dirty():
            self._open(wanted, keep_edits=False)
            return
        self._open(self._slide_id, keep_edits=True)  # stays selected until staff answer
        self.leave_slide_requested.emit(lambda: self._open(wanted, keep_edits=False))

    # -- order and what the loop shows ---------------------------------------------------------
    def selection_values(self) -> Values:
        return self._read_selection()

    def _read_selection(self) -> Values:
        items = [self.list.item(i) for i in range(self.list.count())]
        order = [item.data(Qt.ItemDataRole.UserRole) for item in items]
        hidden = [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Unchecked
        ]
        return {ORDER: order, HIDDEN: hidden}

    def _show_selection(self, values: Values) -> None:
        titles = {s.id: pick(s.title, LANG) for s in self._content.slides} if self._content else {}
        order = values[ORDER]

        def fill(item: QListWidgetItem, row: int) -> None:
            slide_id = order[row]
            item.setText(titles.get(slide_id, slide_id))
            item.setData(Qt.ItemDataRole.UserRole, slide_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            hidden = slide_id in values[HIDDEN]
            item.setCheckState(Qt.CheckState.Unchecked if hidden else Qt.CheckState.Checked)

        self.list.blockSignals(True)
        refill(self.list, len(order), fill)
        self.list.setCurrentRow(self._row_of(self._slide_id))
        self.list.blockSignals(False)
        self._sync_shown()

    def _item_changed(self, item: QListWidgetItem) -> None:
        if item.data(Qt.ItemDataRole.UserRole) == self._slide_id:
            self._sync_shown()

    def _sync_shown(self) -> None:
        item = self.list.item(self._row_of(self._slide_id))
        self.shown.blockSignals(True)
        self.shown.setChecked(item is not None and item.checkState() == Qt.CheckState.Checked)
        self.shown.setEnabled(item is not None)
        self.shown.blockSignals(False)

    def _shown_toggled(self, shown: bool) -> None:
        item = self.list.item(self._row_of(self._slide_id))
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)

    def move_selected(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.list.blockSignals(False)

    # -- what a save writes --------------------------------------------------------------------
    def dirty(self) -> bool:
        return self.selection.dirty() or self.slide.dirty()

    def revert(self) -> None:
        self.selection.revert()
        self.slide.revert()

    def changes(self) -> list[Change]:
        """Only what staff changed: the order and the hidden slides, and the open slide's changed fields."""
        result: list[Change] = []
        selection = self.selection.changes()
        if selection:
            result.append(SiteChange(selection))
        edited = self.slide.changes()
        if edited and self._slide_id is not None:
            body = edited.pop("body", None)
            if edited.get("duration") == AUTOMATIC_DURATION:
                edited["duration"] = None  # taken out of the file: the words decide again
            result.append(SlideChange(self._slide_id, LANG, edited, body))
        return result

    def edited_slide(self) -> Slide | None:
        """The open slide as staff have edited it: for the preview, before anything is saved."""
        slide = self._slide_by_id(self._slide_id)
        if slide is None or self._content is None:
            return None
        values = self._read_slide()
        picture = values["illustration"]
        return replace(
            slide,
            title={**slide.title, LANG: values["title"]},
            body={**slide.body, LANG: values["body"]},
            duration_s=float(values["duration"])
            if values["duration"] != AUTOMATIC_DURATION
            else slide.duration_s,
            illustration=self._content.folder / "images" / picture if picture else None,
            shown_from=values["shown_from"],
            shown_until=values["shown_until"],
        )
