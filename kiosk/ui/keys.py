"""The kiosk without its touch screen: keyboards, and USB audio keypads (which present themselves as one).

In the attract loop any key takes over, like a tap. Then Tab / Shift+Tab and Down / Up move the focus
through the controls in reading order (row by row; right to left in Arabic); on the slides Left / Right
turn the page (the next slide lies to the left in Arabic), elsewhere they move the focus left or right.
Enter or Space presses the focused control. Escape goes one step back: the reading question is answered,
the language panel closes, the signs go back to the slides, the contact screen to where it was opened.
No key leaves the kiosk (the window swallows every other key, kiosk.ui.window.keyPressEvent).

The focus ring shows only while the keyboard is used: a tap hides it, and the idle reset forgets it with
the visitor. Buttons take the focus from keys only (widgets.big_button), so a tap never moves it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.render import theme

if TYPE_CHECKING:
    from kiosk.ui.kiosk_parts import Kiosk

Key = Qt.Key
MODIFIER_KEYS = {
    Key.Key_Shift,
    Key.Key_Control,
    Key.Key_Alt,
    Key.Key_AltGr,
    Key.Key_Meta,
    Key.Key_Super_L,
    Key.Key_Super_R,
    Key.Key_CapsLock,
    Key.Key_NumLock,
}
PRESS_KEYS = {Key.Key_Return, Key.Key_Enter, Key.Key_Space, Key.Key_Select}
FORWARD_KEYS = {Key.Key_Tab, Key.Key_Down}
BACKWARD_KEYS = {Key.Key_Backtab, Key.Key_Up}
SIDE_KEYS = {Key.Key_Left, Key.Key_Right}
OUR_KEYS = PRESS_KEYS | FORWARD_KEYS | BACKWARD_KEYS | SIDE_KEYS | {Key.Key_Escape}
CHORD = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


class FocusRing(QWidget):
    """Drawn over the whole window around the focused control: a dark band, 2 mm, outside a light one, so it
    stands out from the page and from the control alike (theme.Colours.focus_ring / focus_gap)."""

    def __init__(self, window: QWidget, look: Callable[[], theme.Look]) -> None:
        super().__init__(window)
        self._window = window
        self._look = look  # the visit's look now: its colours and millimetres
        self.target: QWidget | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.hide()

    def bands(self) -> tuple[int, int]:
        """The dark band's and the light band's width in pixels on this screen."""
        m = theme.Metrics.for_size(self._window.size(), self._look())
        return m.px_for_mm(theme.FOCUS_RING_MM), max(2, m.px_for_mm(theme.FOCUS_GAP_MM))

    def around(self, target: QWidget | None) -> None:
        self.target = target
        self.setVisible(target is not None)
        if target is not None:
            self.setGeometry(self._window.rect())
            self.raise_()
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        target = self.target
        if target is None or not target.isVisible():
            return
        colours = self._look().colours
        dark, light = self.bands()
        box = QRectF(QRect(target.mapTo(self._window, QPoint(0, 0)), target.size()))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for colour, inset, width in ((colours.focus_gap, 0, light), (colours.focus_ring, light, dark)):
            band = box.adjusted(-inset - width / 2, -inset - width / 2, inset + width / 2, inset + width / 2)
            painter.setPen(QPen(colour, width))
            radius = min(band.height(), band.width()) / 2  # the kiosk's buttons are pills
            painter.drawRoundedRect(band, radius, radius)
        painter.end()


class KeyNavigator(QObject):
    """Takes the visitor's key presses before any widget does (an application event filter)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.kiosk = cast("Kiosk", window)  # the same window, by what the keys work on
        self.ring = FocusRing(window, self.kiosk.look)
        self.keyboard = False  # the visitor uses keys now: the ring shows
        self._last: dict[QWidget, QWidget] = {}  # per layer, the control that had the focus there
        self._on: QWidget | None = None  # the layer the ring was last put on
        self.kiosk.returned_to_loop.connect(self.forget)
        # The reading question appears: a keyboard user finds the focus on "Ja, verder lezen".
        self.kiosk.idle.about_to_time_out.connect(self._after_change)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # -- where the focus can go ----------------------------------------------------------------
    def layer(self) -> QWidget | None:
        """What the visitor's keys work on now: an overlay, else the visitor's page (none for staff)."""
        w = self.kiosk
        if w.staff.active:
            return None
        if w.reading.isVisible():
            return w.reading
        if w.language_menu.isVisible():
            return w.language_menu
        page = w.pages.currentWidget()
        return page if page in (w.loop_page, w.signs, w.contact) else None

    def controls(self, layer: QWidget) -> list[QAbstractButton]:
        """The layer's visible controls in reading order: row by row from the top, each row in the
        language's direction."""
        found = [
            b
            for b in layer.findChildren(QAbstractButton)
            if b.isVisible() and b.isEnabled() and b.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]

        def box(b: QWidget) -> QRect:
            return QRect(b.mapTo(self.window, QPoint(0, 0)), b.size())

        found.sort(key=lambda b: box(b).top())
        rows: list[list[QAbstractButton]] = []
        for button in found:
            if rows and box(rows[-1][0]).top() <= box(button).center().y() <= box(rows[-1][0]).bottom():
                rows[-1].append(button)
            else:
                rows.append([button])
        rtl = layer.isRightToLeft()
        return [b for row in rows for b in sorted(row, key=lambda b: box(b).left(), reverse=rtl)]

    def default(self, layer: QWidget, controls: list[QAbstractButton]) -> QAbstractButton | None:
        """Where the focus starts on a layer: where it was there before, else the one thing most visitors
        do next (the next slide, the current language, the screen's main button)."""
        last = self._last.get(layer)
        if last in controls:
            return last
        if layer is self.kiosk.loop_page and self.kiosk.bottom_bar.next in controls:
            return self.kiosk.bottom_bar.next
        for wanted in ("chosen", "primary"):
            for control in controls:
                if control.property(wanted):
                    return control
        return controls[0] if controls else None

    def focused(self, controls: list[QAbstractButton]) -> QAbstractButton | None:
        """The control with the focus, when the visitor can see it has it."""
        widget = self.window.focusWidget()
        return widget if self.keyboard and widget in controls else None

    def focus(self, control: QWidget | None) -> None:
        self.keyboard = control is not None
        self._on = self.layer() if control is not None else None
        if control is not None:
            control.setFocus(Qt.FocusReason.TabFocusReason)
            if self._on is not None:
                self._last[self._on] = control
        self.ring.around(control)

    def forget(self) -> None:
        """A new visit: no focus, no ring, nothing remembered."""
        self._last.clear()
        widget = self.window.focusWidget()
        if widget is not None:
            widget.clearFocus()
        self.focus(None)

    # -- keys ----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin) and self.keyboard:
            self.focus(None)  # a tap: the ring goes, the focus stays for the next key
        elif kind == QEvent.Type.Resize and watched is self.window and self.keyboard:
            self.ring.around(self.ring.target)
        if kind != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if not (watched is self.window or self.window.isAncestorOf(watched)):
            return False
        event = cast(QKeyEvent, event)
        layer = self.layer()
        if layer is None or event.key() in MODIFIER_KEYS:
            return False
        if not self.kiosk.visit.taken_over:
            self.kiosk.take_over()  # like a tap: the loop stops, the controls come
            layer = self.layer() or layer
            self.focus(self.default(layer, self.controls(layer)))
            return event.key() in OUR_KEYS  # another key (a speech key, say) also goes its way
        # Alt+F4, Ctrl+Q and the like do nothing (nor Alt+Space on a button); other keys go their way.
        if not (event.modifiers() & CHORD or self._act(layer, event.key())):
            return False
        self.kiosk.idle.saw_input()  # this filter took the key: the idle watch's never sees it
        self._after_change()
        return True

    def _act(self, layer: QWidget, key: int) -> bool:
        w = self.kiosk
        if layer is w.reading:
            w.reading.yes.click()  # any key, like any touch: "Ja, verder lezen"
            return True
        if key == Key.Key_Escape:
            self._back(layer)
            return True
        if key in SIDE_KEYS and layer is w.loop_page:
            forward = (key == Key.Key_Right) != layer.isRightToLeft()
            (w.slideshow.next if forward else w.slideshow.previous)()
            return True
        if key not in OUR_KEYS:
            return False
        controls = self.controls(layer)
        current = self.focused(controls)
        if current is None:
            self.focus(self.default(layer, controls))  # first show where the focus is; a key then acts
        elif key in PRESS_KEYS:
            current.click()
        else:
            # Left and Right as seen: right to left, the next control in reading order lies to the left.
            forward = (
                (key == Key.Key_Right) != layer.isRightToLeft() if key in SIDE_KEYS else key in FORWARD_KEYS
            )
            step = 1 if forward else -1
            self.focus(controls[(controls.index(current) + step) % len(controls)])
        return True

    def _back(self, layer: QWidget) -> None:
        w = self.kiosk
        if layer is w.language_menu:
            w.language_menu.hide()
        elif layer is w.signs:
            w.show_slides()
        elif layer is w.contact:
            w.contact.back.click()  # where the visitor came from: the slides or the signs

    def _after_change(self) -> None:
        """After a key (or the reading question appearing): the focus on a control the visitor sees, when
        they use the keyboard."""
        if not self.keyboard:
            return
        layer = self.layer()
        if layer is None:
            self.focus(None)
            return
        controls = self.controls(layer)
        # Another layer: where the visitor was on it (Qt moves the focus of a hidden control anywhere).
        same = layer is self._on
        self.focus((self.focused(controls) if same else None) or self.default(layer, controls))
