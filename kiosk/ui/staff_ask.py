"""Staff mode's questions ("Wijzigingen opslaan?", "Kiosk afsluiten?"): a calm page with large buttons.

Not a QMessageBox: its buttons are mouse-sized, and it would float above a fullscreen kiosk window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.widgets import big_button, text_label


@dataclass(frozen=True)
class Answer:
    text: str
    name: str  # object name, for tests and screen readers
    then: Callable[[], None]
    style: str = ""  # "primary", "danger" or "" (plain)


class Question(QWidget):
    """One question at a time; any answer closes it (through `closed`), then runs what it stands for."""

    def __init__(self, closed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("question")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._closed = closed
        self.title = text_label("banner")
        self.title.setProperty("role", "banner")
        self.text = text_label("message")
        self.text.setProperty("role", "message")
        self._row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addSpacing(32)
        column.addLayout(self._row)
        column.addStretch(2)
        self._column = column

    def ask(self, title: str, text: str, answers: list[Answer]) -> None:
        self.title.setText(title)
        self.text.setText(text)
        for button in self.buttons.values():
            button.hide()  # at once: deleteLater waits for the event loop, and this page shows now
            self._row.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for answer in answers:
            button = big_button(answer.text, answer.name, primary=answer.style == "primary")
            button.setProperty("danger", answer.style == "danger")
            button.clicked.connect(lambda _=False, then=answer.then: self._answer(then))
            self._row.addWidget(button, 1)
            self.buttons[answer.name] = button

    def _answer(self, then: Callable[[], None]) -> None:
        self._closed()
        then()

    def set_portrait(self, portrait: bool) -> None:
        """Portrait: the answers one below the other, so no label is cut off."""
        self._row.setDirection(
            QHBoxLayout.Direction.TopToBottom if portrait else QHBoxLayout.Direction.LeftToRight
        )

    def set_margins(self, horizontal: int, vertical: int) -> None:
        self._column.setContentsMargins(horizontal, vertical, horizontal, vertical)
