"""Staff mode, settings: the clinic's contact details with a live QR preview, and the kiosk's behaviour."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Content, pick
from kiosk.content.editing import SiteChange
from kiosk.content.model import LANGUAGE_NAMES, SOURCE_LANGUAGE, WEEKDAYS, Localized, QrTarget
from kiosk.content.qr import qr_payload
from kiosk.ui.widgets import QrView, big_button, text_label

DAY_NAMES = ("ma", "di", "wo", "do", "vr", "za", "zo")


def localized_key(dotted: str, current: Localized) -> str:
    """Where the Dutch text goes: a plain value, or the `nl` entry of a table of translations."""
    return f"{dotted}.{SOURCE_LANGUAGE}" if set(current) - {SOURCE_LANGUAGE} else dotted


class ContactTab(QWidget):
    save_requested = Signal(object)  # a SiteChange

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
        self.save = big_button(self.tr("Contactgegevens opslaan"), "contact-save", primary=True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for label, field in (
            (self.tr("Naam"), self.name),
            (self.tr("Wat we bieden"), self.offer),
            (self.tr("Telefoon"), self.phone),
            (self.tr("E-mail"), self.email),
            (self.tr("Website"), self.website),
            (self.tr("Openingstijden"), self.hours),
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
        row = QHBoxLayout(self)
        row.addLayout(form, 3)
        row.addLayout(side, 1)
        for edit in (self.name, self.phone, self.email, self.website, self.qr_url, self.campaign):
            edit.textChanged.connect(self._update_preview)
        self.qr_kind.currentIndexChanged.connect(self._update_preview)
        self.save.clicked.connect(self._save)

    def set_content(self, content: Content) -> None:
        self._content = content
        site = content.site
        clinic = site.clinic
        for edit, value in (
            (self.name, clinic.name),
            (self.phone, clinic.phone),
            (self.email, clinic.email),
            (self.website, clinic.website),
            (self.hours, pick(clinic.hours, SOURCE_LANGUAGE)),
            (self.qr_url, site.qr.url),
            (self.campaign, site.qr.campaign),
            (self.urgent_phone, site.urgent.phone),
        ):
            edit.setText(value)
        self.offer.setPlainText(pick(clinic.offer, SOURCE_LANGUAGE))
        self.urgent_text.setPlainText(pick(site.urgent.text, SOURCE_LANGUAGE))
        self.qr_kind.setCurrentIndex(max(0, self.qr_kind.findData(site.qr.kind)))
        self._update_preview()

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

    def _save(self) -> None:
        if self._content is None:
            return
        site = self._content.site
        changes: dict[str, Any] = {
            "clinic.name": self.name.text().strip(),
            "clinic.phone": self.phone.text().strip(),
            "clinic.email": self.email.text().strip(),
            "clinic.website": self.website.text().strip(),
            localized_key("clinic.offer", site.clinic.offer): self.offer.toPlainText().strip(),
            localized_key("clinic.hours", site.clinic.hours): self.hours.text().strip(),
            "qr.kind": self.qr_kind.currentData(),
            "qr.url": self.qr_url.text().strip(),
            "qr.campaign": self.campaign.text().strip(),
            localized_key("urgent.text", site.urgent.text): self.urgent_text.toPlainText().strip(),
            "urgent.phone": self.urgent_phone.text().strip(),
        }
        self.save_requested.emit(SiteChange(changes))


class KioskTab(QWidget):
    save_requested = Signal(object)  # a SiteChange
    test_print_requested = Signal(str)  # printer name, empty for the system default

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content: Content | None = None
        self.idle = QSpinBox()
        self.idle.setRange(10, 3600)
        self.idle.setSuffix(" s")
        self.languages = {code: QCheckBox(name) for code, name in LANGUAGE_NAMES.items()}
        self.default_language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.default_language.addItem(name, code)
        self.printer = QComboBox()
        self.test_print = big_button(self.tr("Testpagina"), "test-print")
        self.min_interval, self.max_per_day = QSpinBox(), QSpinBox()
        self.min_interval.setRange(0, 3600)
        self.min_interval.setSuffix(" s")
        self.max_per_day.setRange(0, 10_000)
        self.days = {day: QCheckBox(name) for day, name in zip(WEEKDAYS, DAY_NAMES, strict=True)}
        self.always_open = QCheckBox(self.tr("De hele dag"))
        self.opens, self.closes = QTimeEdit(), QTimeEdit()
        self.outside = QComboBox()
        self.outside.addItem(self.tr("Toon 'gesloten'"), "closed")
        self.outside.addItem(self.tr("Scherm donker"), "dark")
        self.save = big_button(self.tr("Instellingen opslaan"), "kiosk-save", primary=True)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Terug naar de dia's na"), self.idle)
        language_row = QHBoxLayout()
        for box in self.languages.values():
            language_row.addWidget(box)
        form.addRow(self.tr("Talen"), language_row)
        form.addRow(self.tr("Standaardtaal"), self.default_language)
        printer_row = QHBoxLayout()
        printer_row.addWidget(self.printer, 1)
        printer_row.addWidget(self.test_print)
        form.addRow(self.tr("Printer"), printer_row)
        form.addRow(self.tr("Eén folder per"), self.min_interval)
        form.addRow(self.tr("Folders per dag"), self.max_per_day)
        day_row = QHBoxLayout()
        for box in self.days.values():
            day_row.addWidget(box)
        form.addRow(self.tr("Open op"), day_row)
        hours_row = QHBoxLayout()
        for widget in (self.always_open, self.opens, text_label("body", "–"), self.closes):
            hours_row.addWidget(widget)
        form.addRow(self.tr("Openingstijden"), hours_row)
        form.addRow(self.tr("Buiten openingstijden"), self.outside)
        column = QVBoxLayout(self)
        column.addLayout(form, 1)
        column.addWidget(self.save)
        self.always_open.toggled.connect(self._hours_enabled)
        self.save.clicked.connect(self._save)
        self.test_print.clicked.connect(lambda: self.test_print_requested.emit(self.printer.currentData()))

    def _hours_enabled(self, always_open: bool) -> None:
        self.opens.setDisabled(always_open)
        self.closes.setDisabled(always_open)

    def set_content(self, content: Content, printers: list[str]) -> None:
        self._content = content
        site = content.site
        self.idle.setValue(round(site.kiosk.idle_timeout_s))
        for code, box in self.languages.items():
            box.setChecked(code in site.kiosk.languages)
        self.default_language.setCurrentIndex(
            max(0, self.default_language.findData(site.kiosk.default_language))
        )
        self.printer.clear()
        self.printer.addItem(self.tr("Standaardprinter van het systeem"), "")
        for name in sorted(set(printers) | ({site.printer.name} - {""})):
            self.printer.addItem(name, name)
        self.printer.setCurrentIndex(max(0, self.printer.findData(site.printer.name)))
        self.min_interval.setValue(site.printer.min_interval_s)
        self.max_per_day.setValue(site.printer.max_per_day)
        schedule = site.schedule
        for day, box in self.days.items():
            box.setChecked(day in schedule.days)
        self.always_open.setChecked(schedule.opens is None)
        opens, closes = schedule.opens, schedule.closes
        self.opens.setTime(QTime(opens.hour, opens.minute) if opens else QTime(8, 0))
        self.closes.setTime(QTime(closes.hour, closes.minute) if closes else QTime(17, 30))
        self.outside.setCurrentIndex(max(0, self.outside.findData(schedule.outside_hours)))

    def _save(self) -> None:
        if self._content is None:
            return
        always = self.always_open.isChecked()
        changes: dict[str, Any] = {
            "kiosk.idle_timeout": self.idle.value(),
            "kiosk.languages": [code for code, box in self.languages.items() if box.isChecked()],
            "kiosk.default_language": self.default_language.currentData(),
            "printer.name": self.printer.currentData(),
            "printer.min_interval": self.min_interval.value(),
            "printer.max_per_day": self.max_per_day.value(),
            "schedule.days": [day for day, box in self.days.items() if box.isChecked()],
            "schedule.opens": None if always else self.opens.time().toString("HH:mm"),
            "schedule.closes": None if always else self.closes.time().toString("HH:mm"),
            "schedule.outside_hours": self.outside.currentData(),
        }
        self.save_requested.emit(SiteChange(changes))
