"""Staff mode, slides: show or hide each slide, put them in order, edit text, picture, duration and dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Content, Slide, pick
from kiosk.content.editing import SiteChange, SlideChange
from kiosk.content.files import inside_folder
from kiosk.content.images import IMAGE_SUFFIXES
from kiosk.ui.widgets import big_button, text_label

LANG = "nl"  # staff edit the source language; translations are files for the technical staff


class SlidesTab(QWidget):
    save_requested = Signal(object)  # a Change
    preview_requested = Signal(object)  # the Slide as edited, not yet saved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content: Content | None = None
        self._today = dt.date.today()  # replaced by the kiosk clock's date in set_content
        self.list = QListWidget()
        self.list.setObjectName("slide-list")
        self.up = big_button(self.tr("▲ Omhoog"), "slide-up")
        self.down = big_button(self.tr("▼ Omlaag"), "slide-down")
        self.save_order = big_button(self.tr("Volgorde en zichtbaarheid opslaan"), "save-order", primary=True)
        self.title = QLineEdit()
        self.body = QPlainTextEdit()
        self.duration = QSpinBox()
        self.duration.setRange(3, 600)
        self.duration.setSuffix(" s")
        self.picture = QComboBox()
        self.limit_dates = QCheckBox(self.tr("Alleen tonen tussen deze data"))
        self.shown_from, self.shown_until = QDateEdit(), QDateEdit()
        for edit in (self.shown_from, self.shown_until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d-M-yyyy")
        self.preview = big_button(self.tr("Voorbeeld"), "slide-preview")
        self.save = big_button(self.tr("Dia opslaan"), "slide-save", primary=True)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        moves = QHBoxLayout()
        moves.addWidget(self.up)
        moves.addWidget(self.down)
        left.addLayout(moves)
        left.addWidget(self.save_order)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Titel"), self.title)
        form.addRow(self.tr("Tekst"), self.body)
        form.addRow(self.tr("Duur"), self.duration)
        form.addRow(self.tr("Plaatje"), self.picture)
        form.addRow(self.limit_dates)
        dates = QHBoxLayout()
        dates.addWidget(self.shown_from)
        dates.addWidget(text_label("body", self.tr("tot en met")))
        dates.addWidget(self.shown_until)
        form.addRow(dates)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview)
        buttons.addWidget(self.save)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addLayout(buttons)
        row = QHBoxLayout(self)
        row.addLayout(left, 4)
        row.addLayout(right, 6)

        self.list.currentRowChanged.connect(self._show_slide)
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down.clicked.connect(lambda: self.move_selected(1))
        self.save_order.clicked.connect(self._save_order)
        self.save.clicked.connect(self._save_slide)
        self.preview.clicked.connect(lambda: self.preview_requested.emit(self.edited_slide()))
        self.limit_dates.toggled.connect(self._dates_enabled)

    # -- filling -------------------------------------------------------------------------------
    def set_content(self, content: Content, today: dt.date) -> None:
        self._content, self._today = content, today
        row = max(0, self.list.currentRow())
        self.list.clear()
        for slide in content.slides:
            item = QListWidgetItem(pick(slide.title, LANG))
            item.setData(Qt.ItemDataRole.UserRole, slide.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if slide.hidden else Qt.CheckState.Checked)
            self.list.addItem(item)
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
        self.picture.clear()
        self.picture.addItems(names)
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _slide(self, row: int) -> Slide | None:
        if self._content is None or not 0 <= row < len(self._content.slides):
            return None
        slide_id = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        return next(s for s in self._content.slides if s.id == slide_id)

    def _show_slide(self, row: int) -> None:
        slide = self._slide(row)
        if slide is None:
            return
        self.title.setText(pick(slide.title, LANG))
        self.body.setPlainText(pick(slide.body, LANG))
        self.duration.setValue(round(slide.duration_s))
        self.picture.setCurrentText(slide.illustration.name if slide.illustration else "")
        limited = slide.shown_from is not None or slide.shown_until is not None
        self.limit_dates.setChecked(limited)
        today = self._today
        start = slide.shown_from or today
        self.shown_from.setDate(QDate(start.year, start.month, start.day))
        end = slide.shown_until or today + dt.timedelta(days=30)
        self.shown_until.setDate(QDate(end.year, end.month, end.day))
        self._dates_enabled(limited)

    def _dates_enabled(self, enabled: bool) -> None:
        self.shown_from.setEnabled(enabled)
        self.shown_until.setEnabled(enabled)

    # -- order and visibility ------------------------------------------------------------------
    def move_selected(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def order_and_hidden(self) -> tuple[list[str], list[str]]:
        items = [self.list.item(i) for i in range(self.list.count())]
        order = [item.data(Qt.ItemDataRole.UserRole) for item in items]
        hidden = [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Unchecked
        ]
        return order, hidden

    def _save_order(self) -> None:
        order, hidden = self.order_and_hidden()
        self.save_requested.emit(SiteChange({"slides.order": order, "slides.hidden": hidden}))

    # -- one slide -----------------------------------------------------------------------------
    def edited_slide(self) -> Slide | None:
        slide = self._slide(self.list.currentRow())
        if slide is None or self._content is None:
            return None
        picture = (
            self._content.folder / "images" / self.picture.currentText()
            if self.picture.currentText()
            else None
        )
        shown_from, shown_until = self._dates()
        return replace(
            slide,
            title={**slide.title, LANG: self.title.text().strip()},
            body={**slide.body, LANG: self.body.toPlainText().strip()},
            duration_s=float(self.duration.value()),
            illustration=picture,
            shown_from=shown_from,
            shown_until=shown_until,
        )

    def _dates(self) -> tuple[dt.date | None, dt.date | None]:
        if not self.limit_dates.isChecked():
            return None, None
        return self.shown_from.date().toPython(), self.shown_until.date().toPython()  # type: ignore[return-value]

    def _save_slide(self) -> None:
        slide = self._slide(self.list.currentRow())
        if slide is None or self._content is None:
            return
        shown_from, shown_until = self._dates()
        settings = {
            "title": self.title.text().strip(),
            "duration": self.duration.value(),
            "illustration": self.picture.currentText() or None,
            "shown_from": shown_from,
            "shown_until": shown_until,
        }
        self.save_requested.emit(SlideChange(slide.id, LANG, settings, self.body.toPlainText()))
