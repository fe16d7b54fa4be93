"""Staff mode, settings: the clinic's contact details with a live QR preview, and the kiosk's behaviour."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Content, pick
from kiosk.content.editing import Change, SiteChange
from kiosk.content.model import LANGUAGE_NAMES, SOURCE_LANGUAGE, WEEKDAYS, Localized, QrTarget
from kiosk.content.qr import qr_payload
from kiosk.ui.staff_draft import Draft, Values
from kiosk.ui.staff_touch import DAYS, Stepper, scrolling, time_text
from kiosk.ui.widgets import QrView, big_button, text_label

LAST_MINUTE = 23 * 60 + 59


def localized_key(dotted: str, current: Localized) -> str:
    """Where the Dutch text goes: a plain value, or the `nl` entry of a table of translations."""
    return f"{dotted}.{SOURCE_LANGUAGE}" if set(current) - {SOURCE_LANGUAGE} else dotted


def minutes(hh_mm: str) -> int:
    hours, _, mins = hh_mm.partition(":")
    return int(hours) * 60 + int(mins)


def grid(boxes: list[QCheckBox], columns: int) -> QGridLayout:
    """Tick boxes in rows of `columns`: they fit a narrow (portrait) screen as well as a wide one."""
    layout = QGridLayout()
    for index, box in enumerate(boxes):
        layout.addWidget(box, index // columns, index % columns)
    return layout


class ContactTab(QWidget):
    save_requested = Signal()  # staff tapped "Opslaan": the screen collects `changes()`

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content: Content | None = None
        self.name, self.phone, self.email, self.website = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.offer = QPlainTextEdit()
        self.hours = QLineEdit()
        self.qr_kind = QComboBox()
        self.qr_kind.addItem(self.tr("Webadres"), "url")
        self.qr_kind.addItem(self.tr("Contactkaart (telefoon, e-mail, web)"), "vcard")
        self.qr_url, self.campaign = QLineEdit(), QLineEdit()
        self.urgent_text, self.urgent_phone = QPlainTextEdit(), QLineEdit()
        self.qr_preview = QrView()
        self.qr_preview.setFixedSize(320, 320)
        self.save = big_button(self.tr("Opslaan"), "contact-save", primary=True)
        self.draft = Draft(self._read, self._show)
        fields = QWidget()
        form = QFormLayout(fields)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form = form
        for label, field in (
            (self.tr("Naam"), self.name),
            (self.tr("Wat we bieden"), self.offer),
            (self.tr("Telefoon"), self.phone),
            (self.tr("E-mail"), self.email),
            (self.tr("Website"), self.website),
            (self.tr("Openingstijden praktijk"), self.hours),
            (self.tr("QR-code opent"), self.qr_kind),
            (self.tr("QR-adres"), self.qr_url),
            (self.tr("Campagnecode"), self.campaign),
            (self.tr("Spoedlijn: tekst"), self.urgent_text),
            (self.tr("Spoedlijn: telefoon"), self.urgent_phone),
        ):
            form.addRow(label, field)
        side = QVBoxLayout()
        side.addWidget(text_label("muted", self.tr("Zo ziet de QR-code eruit:")))
        side.addWidget(self.qr_preview)
        side.addStretch(1)
        side.addWidget(self.save)
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.addWidget(scrolling(fields), 3)
        self.row.addLayout(side, 1)
        for edit in (self.name, self.phone, self.email, self.website, self.qr_url, self.campaign):
            edit.textChanged.connect(self._update_preview)
        self.qr_kind.currentIndexChanged.connect(self._update_preview)
        self.save.clicked.connect(self.save_requested)

    def set_portrait(self, portrait: bool) -> None:
        """Portrait: one column, each label above its field, the QR below the form."""
        self.row.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        wrap = QFormLayout.RowWrapPolicy
        self.form.setRowWrapPolicy(wrap.WrapAllRows if portrait else wrap.WrapLongRows)

    def _lines(self) -> dict[str, QLineEdit]:
        return {
            "clinic.name": self.name,
            "clinic.phone": self.phone,
            "clinic.email": self.email,
            "clinic.website": self.website,
            "clinic.hours": self.hours,
            "qr.url": self.qr_url,
            "qr.campaign": self.campaign,
            "urgent.phone": self.urgent_phone,
        }

    def _texts(self) -> dict[str, QPlainTextEdit]:
        return {"clinic.offer": self.offer, "urgent.text": self.urgent_text}

    def set_content(self, content: Content) -> None:
        self._content = content
        site = content.site
        clinic = site.clinic
        self.draft.load(
            {
                "clinic.name": clinic.name,
                "clinic.phone": clinic.phone,
                "clinic.email": clinic.email,
                "clinic.website": clinic.website,
                "clinic.hours": pick(clinic.hours, SOURCE_LANGUAGE),
                "qr.url": site.qr.url,
                "qr.campaign": site.qr.campaign,
                "urgent.phone": site.urgent.phone,
                "clinic.offer": pick(clinic.offer, SOURCE_LANGUAGE),
                "urgent.text": pick(site.urgent.text, SOURCE_LANGUAGE),
                "qr.kind": site.qr.kind,
            }
        )
        self._update_preview()

    def _read(self) -> Values:
        values: Values = {key: edit.text().strip() for key, edit in self._lines().items()}
        values.update({key: edit.toPlainText().strip() for key, edit in self._texts().items()})
        values["qr.kind"] = self.qr_kind.currentData()
        return values

    def _show(self, values: Values) -> None:
        for key, edit in self._lines().items():
            edit.setText(values[key])
            edit.setCursorPosition(0)  # "https://…" shows its start, not its end
        for key, text in self._texts().items():
            text.setPlainText(values[key])
        self.qr_kind.setCurrentIndex(max(0, self.qr_kind.findData(values["qr.kind"])))

    def _update_preview(self) -> None:
        """The QR as it will be after saving: staff see what a phone will get before they save."""
        if self._content is None:
            return
        site = self._content.site
        clinic = replace(
            site.clinic,
            name=self.name.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            website=self.website.text(),
        )
        qr = QrTarget(self.qr_kind.currentData(), self.qr_url.text().strip(), self.campaign.text().strip())
        self.qr_preview.set_payload(qr_payload(replace(site, clinic=clinic, qr=qr)))

    def dirty(self) -> bool:
        return self.draft.dirty()

    def revert(self) -> None:
        self.draft.revert()

    def changes(self) -> list[Change]:
        """Only the fields staff changed; a translated text keeps its translations (its `nl` entry)."""
        changed = self.draft.changes()
        if not changed or self._content is None:
            return []
        site = self._content.site
        translated = {"clinic.offer": site.clinic.offer, "clinic.hours": site.clinic.hours}
        translated["urgent.text"] = site.urgent.text
        return [
            SiteChange(
                {
                    localized_key(key, translated[key]) if key in translated else key: value
                    for key, value in changed.items()
                }
            )
        ]


class KioskTab(QWidget):
    save_requested = Signal()  # staff tapped "Opslaan": the screen collects `changes()`
    test_print_requested = Signal(str)  # printer name, empty for the system default

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content: Content | None = None
        self.idle = Stepper(10, 3600, 10, 60, self._seconds)
        self.languages = {code: QCheckBox(name) for code, name in LANGUAGE_NAMES.items()}
        self.default_language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.default_language.addItem(name, code)
        self.printer = QComboBox()
        self.test_print = big_button(self.tr("Testpagina"), "test-print")
        self.min_interval = Stepper(0, 3600, 10, 60, self._seconds)
        self.max_per_day = Stepper(0, 10_000, 1, 10)
        self.days = {day: QCheckBox(name) for day, name in zip(WEEKDAYS, DAYS, strict=True)}
        self.always_open = QCheckBox(self.tr("De hele dag"))
        self.opens, self.closes = (Stepper(0, LAST_MINUTE, 15, 60, time_text) for _ in range(2))
        self.outside = QComboBox()
        self.outside.addItem(self.tr("Toon 'We zijn nu gesloten'"), "closed")
        self.outside.addItem(self.tr("Scherm zwart"), "dark")
        self.save = big_button(self.tr("Opslaan"), "kiosk-save", primary=True)
        self.draft = Draft(self._read, self._show)

        fields = QWidget()
        form = QFormLayout(fields)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form = form
        form.addRow(self.tr("Terug naar de dia's na"), self.idle)
        form.addRow(self.tr("Talen"), grid(list(self.languages.values()), 3))
        form.addRow(self.tr("Standaardtaal"), self.default_language)
        printer_row = QHBoxLayout()
        printer_row.addWidget(self.printer, 1)
        printer_row.addWidget(self.test_print)
        form.addRow(self.tr("Printer"), printer_row)
        form.addRow(self.tr("Eén folder per"), self.min_interval)
        form.addRow(self.tr("Folders per dag"), self.max_per_day)
        form.addRow(self.tr("Scherm aan op"), grid(list(self.days.values()), 4))
        form.addRow(self.tr("Scherm aan"), self.always_open)
        form.addRow(self.tr("Aan vanaf"), self.opens)
        form.addRow(self.tr("Uit vanaf"), self.closes)
        form.addRow(self.tr("Als het scherm uit is"), self.outside)
        column = QVBoxLayout(self)
        column.addWidget(scrolling(fields), 1)
        column.addWidget(self.save)
        self.always_open.toggled.connect(self._hours_enabled)
        self.save.clicked.connect(self.save_requested)
        self.test_print.clicked.connect(lambda: self.test_print_requested.emit(self.printer.currentData()))

    def set_portrait(self, portrait: bool) -> None:
        wrap = QFormLayout.RowWrapPolicy
        self.form.setRowWrapPolicy(wrap.WrapAllRows if portrait else wrap.WrapLongRows)

    def _seconds(self, seconds: int) -> str:
        return self.tr("%1 seconden").replace("%1", str(seconds))

    def _hours_enabled(self, always_open: bool) -> None:
        self.opens.setDisabled(always_open)
        self.closes.setDisabled(always_open)

    def set_content(self, content: Content, printers: list[str]) -> None:
        self._content = content
        site = content.site
        chosen = self.printer.currentData()
        self.printer.clear()
        self.printer.addItem(self.tr("Standaardprinter van het systeem"), "")
        for name in sorted(set(printers) | ({site.printer.name} - {""})):
            self.printer.addItem(name, name)
        self.printer.setCurrentIndex(max(0, self.printer.findData(chosen)))
        schedule = site.schedule
        self.draft.load(
            {
                "kiosk.idle_timeout": round(site.kiosk.idle_timeout_s),
                "kiosk.languages": [code for code in LANGUAGE_NAMES if code in site.kiosk.languages],
                "kiosk.default_language": site.kiosk.default_language,
                "printer.name": site.printer.name,
                "printer.min_interval": site.printer.min_interval_s,
                "printer.max_per_day": site.printer.max_per_day,
                "schedule.days": [day for day in WEEKDAYS if day in schedule.days],
                "schedule.opens": schedule.opens.strftime("%H:%M") if schedule.opens else None,
                "schedule.closes": schedule.closes.strftime("%H:%M") if schedule.closes else None,
                "schedule.outside_hours": schedule.outside_hours,
            }
        )

    def _read(self) -> Values:
        always = self.always_open.isChecked()
        return {
            "kiosk.idle_timeout": self.idle.value(),
            "kiosk.languages": [code for code, box in self.languages.items() if box.isChecked()],
            "kiosk.default_language": self.default_language.currentData(),
            "printer.name": self.printer.currentData(),
            "printer.min_interval": self.min_interval.value(),
            "printer.max_per_day": self.max_per_day.value(),
            "schedule.days": [day for day, box in self.days.items() if box.isChecked()],
            "schedule.opens": None if always else time_text(self.opens.value()),
            "schedule.closes": None if always else time_text(self.closes.value()),
            "schedule.outside_hours": self.outside.currentData(),
        }

    def _show(self, values: Values) -> None:
        self.idle.setValue(values["kiosk.idle_timeout"])
        for code, box in self.languages.items():
            box.setChecked(code in values["kiosk.languages"])
        self.default_language.setCurrentIndex(
            max(0, self.default_language.findData(values["kiosk.default_language"]))
        )
        self.printer.setCurrentIndex(max(0, self.printer.findData(values["printer.name"])))
        self.min_interval.setValue(values["printer.min_interval"])
        self.max_per_day.setValue(values["printer.max_per_day"])
        for day, box in self.days.items():
            box.setChecked(day in values["schedule.days"])
        opens, closes = values["schedule.opens"], values["schedule.closes"]
        self.always_open.setChecked(opens is None)
        self.opens.setValue(minutes(opens) if opens else 8 * 60)
        self.closes.setValue(minutes(closes) if closes else 17 * 60 + 30)
        self.outside.setCurrentIndex(max(0, self.outside.findData(values["schedule.outside_hours"])))

    def dirty(self) -> bool:
        return self.draft.dirty()

    def revert(self) -> None:
        self.draft.revert()

    def changes(self) -> list[Change]:
        changed = self.draft.changes()
        return [SiteChange(changed)] if changed else []
