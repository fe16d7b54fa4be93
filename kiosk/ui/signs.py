"""The warning signs, one calm card at a time, then a summary that does not judge.

The summary never counts: on a screen others can see, "2 of 4" reads like a test score. It has one warm
line for anyone who recognised something and another for who did not, and always the crisis line.

The answers live in the visit (kiosk.services.visit), never here and never in the log: a new visit, at the
idle reset or after "Klaar", starts on the first card with nothing answered.

With large text that does not fit, the summary goes on in more pages (FittedScreen): its advice shared out
item by item, the crisis line closing the first page, "Contact en QR-code" and "Klaar" on the last.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QStackedLayout, QVBoxLayout, QWidget

from kiosk.content import pick
from kiosk.content.model import SignsPart, UrgentHelp
from kiosk.render import theme
from kiosk.render.pictures import PictureCache
from kiosk.services.visit import Visit
from kiosk.ui.widgets import FittedScreen, PictureView, big_button, set_words, text_label


class SignsScreen(FittedScreen):
    contact_requested = Signal()
    left = Signal()  # back to the slides

    def __init__(self, pictures: PictureCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._signs: SignsPart | None = None
        self._urgent = UrgentHelp()
        self.visit = Visit(language="nl")
        self.advice_lines: list[str] = []  # the summary's advice, all of it; its page shows some

        self.back = big_button("", "signs-back")
        self.progress = text_label("muted")
        self.picture = PictureView(pictures)
        self.disclaimer = text_label("body")  # on the first card, read before any answer
        self.sign_text = text_label("title")
        self.recognised = big_button("", "recognised", primary=True)  # its words depend on the answer
        self.next = big_button("", "signs-next")
        self.summary_title = text_label("lead")
        self.advice = text_label("body")
        self.urgent = text_label("urgent")
        self.to_contact = big_button("", "to-contact", primary=True)
        self.done = big_button("", "signs-done")

        self.header = header = QHBoxLayout()
        header.addWidget(self.back)
        header.addStretch(1)
        header.addWidget(self.progress)
        header.addWidget(self.position)
        header.addWidget(self.more)
        card_page = QWidget(self)  # parented: the stack shows its first page; unparented, that is a window
        self.card_body = QBoxLayout(QBoxLayout.Direction.LeftToRight, card_page)
        self.card_body.addWidget(self.picture, 4)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.disclaimer)
        column.addWidget(self.sign_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recognised)
        buttons.addWidget(self.next)
        buttons.addStretch(1)
        self.card_buttons = buttons
        column.addLayout(buttons)
        column.addStretch(1)
        self.card_body.addLayout(column, 6)
        summary_page = QWidget(self)
        summary = QVBoxLayout(summary_page)
        summary.addStretch(1)
        for widget in (self.summary_title, self.advice, self.urgent):
            summary.addWidget(widget)
        summary_buttons = QHBoxLayout()
        summary_buttons.addWidget(self.to_contact)
        summary_buttons.addWidget(self.done)
        summary_buttons.addStretch(1)
        summary.addLayout(summary_buttons)
        summary.addStretch(1)
        self.summary_spacing = summary
        self.pages = QStackedLayout()
        for page in (card_page, summary_page):
            # The height a page needs at the screen's width, not at its narrowest: a stack counts each page's
            # minimum too, and the summary's wrapped lines measured narrow would fit it nowhere.
            page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
            self.pages.addWidget(page)
        self.summary_page = summary_page
        outer = self.outer
        outer.addLayout(header)
        outer.addLayout(self.pages, 1)

        self.back.clicked.connect(self.go_back)
        self.recognised.clicked.connect(lambda: self.answer(True))
        self.next.clicked.connect(lambda: self.answer(False))
        self.to_contact.clicked.connect(self.contact_requested)
        self.done.clicked.connect(self._finish)
        self.retranslate()

    def retranslate(self) -> None:
        set_words(self.back, self.tr("‹ Terug"))
        set_words(self.next, self.tr("Volgende ›"))
        set_words(self.to_contact, self.tr("Contact en QR-code"))
        set_words(self.done, self.tr("Klaar"))
        set_words(self.more, self.tr("Volgende ›"))
        self._show()  # the card's progress, the answer button and the summary

    def set_content(self, signs: SignsPart, urgent: UrgentHelp) -> None:
        self._signs, self._urgent = signs, urgent
        self.visit.card = min(self.visit.card, len(signs.signs))  # the new content may have fewer cards
        self._show()

    def show_visit(self, visit: Visit) -> None:
        """Show this visit's card (or summary) in its language; a fresh visit starts at the first card."""
        self.visit = visit
        self._show()

    # -- the visitor's path --------------------------------------------------------------------
    def answer(self, recognised: bool) -> None:
        if self._signs is not None:
            self.visit.answer(recognised, len(self._signs.signs))
            self._show()

    def go_back(self) -> None:
        if self.on_summary() and self.previous_page():
            return
        if self.visit.back_a_card():
            self._show()
        else:
            self.left.emit()

    def on_summary(self) -> bool:
        return self.pages.currentWidget() is self.summary_page

    def _finish(self) -> None:
        self.visit.forget_answers()
        self._show()
        self.left.emit()

    # -- showing -------------------------------------------------------------------------------
    def _show(self) -> None:
        signs = self._signs
        if signs is None:
            return
        total, card, lang = len(signs.signs), self.visit.card, self.visit.language
        if card < total:
            self.pages.setCurrentIndex(0)
            self.page, self.advice_lines = 0, []  # the summary opens on its first page
            for label in (self.summary_title, self.advice, self.urgent):
                label.clear()  # a stack is measured with every page: a card's text size is not the summary's
            self.progress.setText(
                self.tr("Signaal %1 van %2").replace("%1", str(card + 1)).replace("%2", str(total))
            )
            self.disclaimer.setText(pick(signs.not_a_diagnosis, lang) if card == 0 else "")
            self.disclaimer.setVisible(bool(self.disclaimer.text()))
            self.sign_text.setText(pick(signs.signs[card], lang))
            self.picture.set_picture(signs.sign_illustrations[card])
            chosen = self.visit.answers.get(card) is True
            set_words(self.recognised, self.tr("✓ Dit herken ik") if chosen else self.tr("Dit herken ik"))
            self.recognised.setProperty("chosen", chosen)
            if self.isVisible():  # hidden: restyled when shown (FittedScreen), and Qt's style costs at start
                self.recognised.style().polish(self.recognised)
        else:
            self.pages.setCurrentIndex(1)
            self.progress.setText("")
            self.disclaimer.clear()
            self.sign_text.clear()
            if self.visit.recognised():
                self.summary_title.setText(self.tr("Herken je iets hiervan? Je bent niet de enige."))
                self.advice_lines = [f"•  {pick(a, lang)}" for a in signs.advice]
            else:
                self.summary_title.setText(self.tr("Fijn dat je even hebt gekeken."))
                self.advice_lines = [
                    self.tr(
                        "Merk je later dat het minder goed met je gaat? Praat erover met je huisarts, "
                        "verloskundige of een psycholoog."
                    )
                ]
            self.urgent.setText(self._urgent.line(lang))
        self._refit()

    def blocks(self) -> int:
        """The summary's items of advice; a card does not page."""
        return len(self.advice_lines)

    def show_part(self, part: range, first: bool, paged: bool) -> None:
        """These items of advice; the crisis line on the first page, where to go next on the last."""
        self.advice.setText("\n".join(self.advice_lines[i] for i in part))
        self.urgent.setVisible(first)
        last = part.stop == len(self.advice_lines)
        self.to_contact.setVisible(last)
        self.done.setVisible(last)

    def apply_metrics(self, m: theme.Metrics, size: QSize, low: bool = False) -> None:
        self.place_header(self.header, low)
        portrait = m.portrait
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        self.card_body.setDirection(direction)
        self.card_body.setSpacing(m.margin)
        self.card_body.setStretch(0, 5 if portrait else 4)
        self.card_body.setStretch(1, 4 if portrait else 6)
        self.summary_spacing.setSpacing(m.px(12 if m.look.large else 24))
        self.card_buttons.setSpacing(max(m.px(24), m.target_gap))
        self.fit_to(m, size)
