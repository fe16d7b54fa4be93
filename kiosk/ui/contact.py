"""The contact screen: the clinic, how to reach it, a QR code to take home, and a printed handout."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import pick
from kiosk.content.model import Site, labelled_line
from kiosk.content.qr import qr_payload
from kiosk.render import theme
from kiosk.services.printing import PrintOutcome
from kiosk.services.qr_cache import cached_qr_modules
from kiosk.services.visit import Visit
from kiosk.ui.widgets import FittedScreen, QrView, big_button, needed_height, set_words, text_label

BLOCKS = ("reach", "hours", "offer", "take home")
QR_SIDES = (420, 360, 300)  # 11 cm on a 24-inch 1080p screen, read from arm's length; 8 cm compact


class ContactScreen(FittedScreen):
    """Large text that does not fit goes on in further pages (FittedScreen): first how to reach the clinic,
    with the crisis line; then its hours, what it offers, the QR code and the handout, as they fit."""

    back_requested = Signal()
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._site: Site | None = None
        self.visit = Visit(language="nl")
        self._can_print = True
        self._outcome: tuple[bool, PrintOutcome | None] = (False, None)  # the print status shown
        self._portrait = False
        self.back = big_button("", "contact-back")
        self.name = text_label("title")
        self.offer = text_label("body")
        self.details = text_label("lead")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.hours = text_label("body")
        self.urgent = text_label("urgent")
        self.qr = QrView(encode=cached_qr_modules)
        self.qr_caption = text_label("muted")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.print = big_button("", "print", primary=True)
        self.status = text_label("body")
        self.status.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        self.header = header = QHBoxLayout()
        header.addWidget(self.back)
        header.addStretch(1)
        header.addWidget(self.position)
        header.addWidget(self.more)
        info = QVBoxLayout()
        info.addStretch(1)
        for widget in (self.name, self.offer, self.details, self.hours):
            info.addWidget(widget)
        info.addStretch(1)
        self.info = info
        take_home = QVBoxLayout()
        take_home.addStretch(1)
        take_home.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        take_home.addWidget(self.qr_caption)
        take_home.addWidget(self.print, 0, Qt.AlignmentFlag.AlignHCenter)
        take_home.addWidget(self.status)
        take_home.addStretch(1)
        self.take_home = take_home
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addLayout(info, 6)
        self.body.addLayout(take_home, 4)
        outer = self.outer
        outer.addLayout(header)
        outer.addLayout(self.body, 1)
        outer.addWidget(self.urgent)
        self.back.clicked.connect(self._back)
        self.print.clicked.connect(self.print_requested)
        self.retranslate()

    def retranslate(self) -> None:
        set_words(self.back, self.tr("‹ Terug"))
        self.qr_caption.setText(self.tr("Scan met de camera van je telefoon"))
        set_words(self.print, self.tr("Print een folder"))
        set_words(self.more, self.tr("Volgende ›"))
        self.status.setAccessibleName(self.tr("Printstatus"))
        self._show()  # the labels and the print status

    def set_site(self, site: Site, can_print: bool = True) -> None:
        self._site, self._can_print = site, can_print
        self._show()

    def show_visit(self, visit: Visit) -> None:
        """This visit's language and print status; a fresh visit has none."""
        self.visit = visit
        self._show()

    def _show(self) -> None:
        site, lang = self._site, self.visit.language
        if site is None:
            return
        clinic = site.clinic
        self.name.setText(clinic.name)
        self.offer.setText(pick(clinic.offer, lang))
        lines = [
            (self.tr("Telefoon"), clinic.phone),
            (self.tr("E-mail"), clinic.email),
            (self.tr("Website"), clinic.website.removeprefix("https://").removeprefix("http://")),
        ]
        self.details.setText("\n".join(labelled_line(label, value, lang) for label, value in lines if value))
        self.hours.setText(pick(clinic.hours, lang))
        self.urgent.setText(site.urgent.line(lang))
        self.qr.set_payload(qr_payload(site))
        self.print.setEnabled(not self.visit.printing)
        self.status.setText(self._print_status())
        outcome, self._outcome = self._outcome, (self.visit.printing, self.visit.print_outcome)
        self._refit()
        if self.status.text() and outcome != self._outcome:
            # Beside the print button the visitor pressed, even when its words take the screen into pages.
            self.show_block(BLOCKS.index("take home"))

    def _back(self) -> None:
        if not self.previous_page():
            self.back_requested.emit()

    def blocks(self) -> int:
        """How to reach the clinic, its hours, what it offers, a way to take it home: what a page can show
        besides the clinic's name, in the order pages take them (`show_part`)."""
        return len(BLOCKS)

    def show_part(self, part: range, first: bool, paged: bool) -> None:
        """The clinic's name on every page, the crisis line on the first; in pages, one column."""
        shown = {BLOCKS[i] for i in part}
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if paged or self._portrait else QBoxLayout.Direction.LeftToRight
        )
        self.details.setVisible("reach" in shown)
        self.urgent.setVisible(first)
        self.hours.setVisible("hours" in shown and bool(self.hours.text()))
        self.offer.setVisible("offer" in shown and bool(self.offer.text()))
        take_home = "take home" in shown
        self.qr.setVisible(take_home and bool(self.qr.payload))
        self.qr_caption.setVisible(take_home and bool(self.qr.payload))
        self.print.setVisible(take_home and self._can_print)
        # no empty line taking the crisis line's room
        self.status.setVisible(take_home and bool(self.status.text()))

    def _print_status(self) -> str:
        """Kind words whatever happened; when there is no paper handout, the QR code is the way home."""
        if self.visit.printing:
            return self.tr("Wordt afgedrukt…")
        if self.visit.print_outcome is None:
            return ""
        messages = {
            PrintOutcome.PRINTED: self.tr("Dank je wel! Je folder komt uit de printer."),
            PrintOutcome.NO_PRINTER: self.tr(
                "Printen lukt hier nu niet. Scan de QR-code met je telefoon: dan heb je alles bij de hand."
            ),
            PrintOutcome.FAILED: self.tr(
                "Het printen is niet gelukt. Scan de QR-code met je telefoon, of vraag het aan de balie."
            ),
            PrintOutcome.REFUSED: self.tr(
                "De printer neemt nu even geen folders aan. Scan de QR-code met je telefoon, "
                "of vraag het aan de balie."
            ),
            PrintOutcome.STOPPED: self.tr(
                "De printer staat even stil. Scan de QR-code met je telefoon, of vraag het aan de balie."
            ),
            PrintOutcome.NO_PAPER: self.tr(
                "Het papier is op. Scan de QR-code met je telefoon, of vraag een folder aan de balie."
            ),
            PrintOutcome.TIMED_OUT: self.tr(
                "De printer reageert niet. Scan de QR-code met je telefoon, of vraag het aan de balie."
            ),
            PrintOutcome.TOO_SOON: self.tr(
                "Er is net een folder geprint. Probeer het zo nog eens, of scan de QR-code."
            ),
            PrintOutcome.DAILY_LIMIT: self.tr(
                "De folders zijn voor vandaag op. Scan de QR-code met je telefoon."
            ),
        }
        return messages[self.visit.print_outcome]

    def apply_metrics(self, m: theme.Metrics, size: QSize, low: bool = False) -> None:
        self.place_header(self.header, low)
        self._portrait = m.portrait
        self.body.setSpacing(m.margin)
        self.take_home.setSpacing(m.px(16))
        self.fit_to(m, size)

    def _arrange(self, m: theme.Metrics, compact: bool) -> None:
        """The QR code 11 cm on a 24-inch 1080p screen, a phone reads it from arm's length; compact, it is
        8 cm, the words take more of the width and the gaps are smaller: room for large text, or for
        Arabic's taller lines."""
        side = m.px(QR_SIDES[-1] if compact else QR_SIDES[0])
        self.qr.setFixedSize(side, side)
        self.info.setSpacing(m.px(12 if compact else 20))
        self.body.setStretch(0, 7 if compact else 6)
        self.body.setStretch(1, 3 if compact else 4)
        margins = self.outer.contentsMargins()
        margins.setBottom(m.px(24) if compact else m.margin)
        self.outer.setContentsMargins(margins)

    def _show_page(self) -> None:
        """A page of its own gives the way home room: there the QR code is as large as on a screen that fits
        whole (11 cm on a 24-inch screen) when the page still fits, else as it was measured (8 cm)."""
        super()._show_page()
        if self._fit is None or len(self.parts) < 2 or BLOCKS.index("take home") not in self.parts[self.page]:
            return
        m, size = self._fit
        for side in (m.px(px) for px in QR_SIDES):  # pages are measured compact (_refit): the last fits
            self.qr.setFixedSize(side, side)
            if needed_height(self.outer, size.width()) <= size.height():
                break
        self._place()

    def _refit(self) -> None:
        """The text steps down first; when even its smallest size leaves the screen too tall, the QR code
        and the gaps give way, before the screen goes on in pages (large text is always compact)."""
        if self._fit is None:
            return
        m, size = self._fit
        for compact in dict.fromkeys((m.look.large, True)):
            self._arrange(m, compact)
            super()._refit()
            if not self.isVisible() or (
                len(self.parts) == 1 and needed_height(self.outer, size.width()) <= size.height()
            ):
                return
