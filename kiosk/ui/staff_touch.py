"""Staff mode for fingers: large − / + steppers instead of spin arrows, and lists and forms a drag scrolls.

Spin-box, date and time arrows are a few millimetres wide: a finger hits the field instead. One `Stepper`
edits every number staff set (seconds, counts, a time of day as minutes, a date as its day number), with
buttons that repeat while held; how the number reads is the caller's (`time_text`, `date_text`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QWidget,
)

from kiosk.render import theme

DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
TARGET_MM_PX = 44  # 12 mm on a 24-inch 1080p screen (0.277 mm a pixel): the least a finger hits surely


def staff_target(m: theme.Metrics) -> int:
    """The smallest side of any staff control, scaled with the screen like the kiosk's other sizes."""
    return max(TARGET_MM_PX, m.px(72))


def time_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def date_text(day: int) -> str:
    """A date as staff read it, whatever the computer's language: "ma 1 jun 2026"."""
    date = dt.date.fromordinal(day)
    return f"{DAYS[date.weekday()]} {date.day} {MONTHS[date.month - 1]} {date.year}"


class Stepper(QWidget):
    """[«] [−] value [+] [»]: `step` per tap of − / +, `big_step` (when set) per tap of « / »."""

    valueChanged = Signal(int)

    def __init__(
        self,
        minimum: int,
        maximum: int,
        step: int = 1,
        big_step: int = 0,
        text: Callable[[int], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stepper")
        self._minimum, self._maximum, self._text = minimum, maximum, text
        self._value = minimum
        self.shown = QLabel()
        self.shown.setObjectName("stepper-value")
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for label, by, name in (
            ("«", -big_step, self.tr("Veel minder")),
            ("−", -step, self.tr("Minder")),
            ("", 0, ""),
            ("+", step, self.tr("Meer")),
            ("»", big_step, self.tr("Veel meer")),
        ):
            if not label:
                row.addWidget(self.shown, 1)
            elif by:
                button = QPushButton(label)
                button.setObjectName("step")
                button.setAccessibleName(name)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setAutoRepeat(True)  # held down, it keeps counting
                button.clicked.connect(lambda _=False, by=by: self.setValue(self._value + by))
                row.addWidget(button)
                self.buttons[label] = button
        self._show()

    def value(self) -> int:
        return self._value

    def setValue(self, value: int) -> None:
        value = min(self._maximum, max(self._minimum, value))
        if value == self._value:
            return
        self._value = value
        self._show()
        self.valueChanged.emit(value)

    def _show(self) -> None:
        self.shown.setText(self._text(self._value))
        self.setAccessibleName(self.shown.text())
        for label, button in self.buttons.items():
            button.setEnabled(self._value > self._minimum if label in "«−" else self._value < self._maximum)


def scrolling(form: QWidget) -> QScrollArea:
    """A form that scrolls (up and down only) instead of squeezing its fields when the keyboard opens."""
    form.setObjectName("form")
    area = QScrollArea()
    area.setWidget(form)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def kinetic(root: QWidget) -> None:
    """Every list, text and form under `root` scrolls with a finger's (or the mouse's) drag and flick."""
    for area in root.findChildren(QAbstractScrollArea):
        viewport = area.viewport()
        if QScroller.hasScroller(viewport):
            continue
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        QScroller.grabGesture(area, QScroller.ScrollerGestureType.TouchGesture)
        for target in (viewport, area):
            properties = QScroller.scroller(target).scrollerProperties()
            for policy in (
                QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
                QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
            ):  # a calm stop at the end, no rubber band
                properties.setScrollMetric(policy, QScrollerProperties.OvershootPolicy.OvershootAlwaysOff)
            # A tap reaches the field or button at once; a drag that follows takes it back and scrolls.
            properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
            QScroller.scroller(target).setScrollerProperties(properties)


def refill(items: QListWidget, count: int, fill: Callable[[QListWidgetItem, int], None]) -> None:
    """Make the list hold `count` items, each filled by `fill(item, row)`: the items there are reused and
    only the surplus is taken off the end. Never `clear()`: resetting a list's model with Qt's
    accessibility on crashed the kiosk (seen in CI, in both of staff mode's lists)."""
    for row in range(count):
        item = items.item(row)
        if item is None:
            item = QListWidgetItem()
            items.addItem(item)
        fill(item, row)
    while items.count() > count:
        items.takeItem(items.count() - 1)
