"""An on-screen keyboard for staff mode: a touch kiosk often has no keyboard attached."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

ROWS = ("1234567890-", "qwertyuiop@", "asdfghjkl:/", "zxcvbnm,.?_", "ëéïüö()+'€")
BOTTOM_ROW = ("⇧", "spatie", "⌫", "⏎")
KEYS = {"⌫": (Qt.Key.Key_Backspace, ""), "spatie": (Qt.Key.Key_Space, " "), "⏎": (Qt.Key.Key_Return, "\r")}


class OnScreenKeyboard(QWidget):
    """Types into whichever field has focus, exactly as a hardware key press would."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard")
        self._shift = False
        self.keys: dict[str, QPushButton] = {}
        column = QVBoxLayout(self)
        column.setSpacing(6)
        for labels in [*(list(row) for row in ROWS), list(BOTTOM_ROW)]:
            row = QHBoxLayout()
            for label in labels:
                button = QPushButton(label)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setAutoRepeat(label == "⌫")
                button.clicked.connect(lambda _checked=False, key=label: self.press(key))
                row.addWidget(button, 4 if label == "spatie" else 1)
                self.keys[label] = button
            column.addLayout(row)

    def press(self, label: str) -> None:
        if label == "⇧":
            self._set_shift(not self._shift)
            return
        target = QApplication.focusWidget()
        if target is None:
            return
        key, text = KEYS.get(label, (Qt.Key.Key_unknown, label.upper() if self._shift else label))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
        if self._shift:
            self._set_shift(False)  # shift applies to one letter, as on a phone

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        for label, button in self.keys.items():
            if len(label) == 1 and label.isalpha():
                button.setText(label.upper() if on else label)
