"""The kiosk window: puts the screens together and decides what a tap, a button or a timer does.

Screens only emit signals ("next pressed", "gesture made", "print requested"); this is the one place
that reacts to them. Staff mode's entrance and actions live in `staff_flow.StaffDoor`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLayout, QStackedLayout, QVBoxLayout, QWidget

from kiosk.content import Content
from kiosk.content.model import LANGUAGE_NAMES
from kiosk.resources import resource
from kiosk.services.content_source import load_logged
from kiosk.services.idle import IdleWatch
from kiosk.services.printing import HandoutPrinter, PrintOutcome
from kiosk.ui import theme
from kiosk.ui.contact import ContactScreen
from kiosk.ui.controls import BottomBar, TopBar
from kiosk.ui.gestures import Gesture, TouchTracker
from kiosk.ui.notice import NoticeScreen
from kiosk.ui.pictures import PictureCache
from kiosk.ui.signs import SignsScreen
from kiosk.ui.slide_view import SlideRenderer
from kiosk.ui.slideshow import SlideShow
from kiosk.ui.staff_flow import StaffDoor

log = logging.getLogger(__name__)
SCHEDULE_CHECK_MS = 30_000
BACK_ON_TOP_MS = 1000  # no tug of war with a window manager that is still arranging its windows


class KioskWindow(QWidget):
    """Attract loop until touched; then the visitor pages; after the idle timeout, back to the loop."""

    visitor_took_over = Signal()
    returned_to_loop = Signal()

    def __init__(
        self,
        content: Content,
        kiosk_mode: bool = True,
        time_scale: float = 1.0,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        printer: HandoutPrinter | None = None,
    ) -> None:
        super().__init__()
        self.kiosk_mode = kiosk_mode  # before anything that sends a changeEvent
        self._may_close = not kiosk_mode
        self.setWindowTitle("Wachtkamer")
        self._clock = clock
        self.time_scale = time_scale
        self.content = content
        self.content_version = ""
        self.loaded_at = clock()
        self.language = content.site.kiosk.default_language
        self.interactive = False
        self.quit_for_maintenance = False
        self.printer = printer

        self.pictures = PictureCache()
        self.slideshow = SlideShow(SlideRenderer(self.pictures), content.site.kiosk.transition_ms, time_scale)
        self.top_bar = TopBar(content.site.clinic.name)
        self.bottom_bar = BottomBar()
        self.out_of_service = NoticeScreen(
            self.pictures,
            None,
            self.tr("Dit scherm is even buiten gebruik"),
            self.tr("Heb je een vraag? Stel die gerust aan de balie."),
        )
        self.closed = NoticeScreen(self.pictures, resource("closed.svg"), self.tr("We zijn nu gesloten"), "")
        self.signs = SignsScreen(self.pictures)
        self.contact = ContactScreen()
        self._contact_return: QWidget = self.signs
        self.idle = IdleWatch(self._idle_ms(), self)
        self.staff = StaffDoor(self, clock, time_scale)

        loop_page = QWidget()
        column = QVBoxLayout(loop_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.top_bar)
        column.addWidget(self.slideshow, 1)
        column.addWidget(self.bottom_bar)
        self.loop_page = loop_page
        self.pages = QStackedLayout(self)
        self.pages.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the screen's size is the size
        for page in (
            loop_page,
            self.out_of_service,
            self.closed,
            self.signs,
            self.contact,
            self.staff.pad,
        ):
            self.pages.addWidget(page)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), theme.BACKGROUND)
        self.setPalette(palette)

        self.gestures = TouchTracker(self.slideshow)
        self.gestures.gesture_made.connect(self._on_gesture)
        self.bottom_bar.previous_requested.connect(self.slideshow.previous)
        self.bottom_bar.next_requested.connect(self.slideshow.next)
        self.top_bar.language_requested.connect(self.next_language)
        self.top_bar.signs_requested.connect(self.show_signs)
        self.top_bar.contact_requested.connect(self.show_contact)
        self.signs.contact_requested.connect(self.show_contact)
        self.signs.left.connect(self.show_slides)
        self.contact.back_requested.connect(lambda: self.pages.setCurrentWidget(self._contact_return))
        self.contact.print_requested.connect(self._print)
        if printer is not None:
            printer.print_finished.connect(self.contact.show_print_outcome)
        self.slideshow.slide_changed.connect(self._show_position)
        self.idle.idle_timed_out.connect(self.reset_to_loop)
        self._schedule_timer = QTimer(self)
        self._schedule_timer.timeout.connect(self.apply_schedule)
        self._schedule_timer.start(SCHEDULE_CHECK_MS)
        if kiosk_mode:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
            self.setCursor(Qt.CursorShape.BlankCursor)
        self.show_content(content)

    # -- content -------------------------------------------------------------------------------
    def show_content(self, content: Content) -> None:
        """Show a (re)loaded content folder; with nothing usable, a calm out-of-service screen."""
        self.content = content
        self.pictures.clear()
        self.slideshow.forget_rendered()
        self.content_version = _version_of(content)
        self.loaded_at = self._clock()
        kiosk = content.site.kiosk
        if self.language not in kiosk.languages:
            self.language = kiosk.default_language
        self.idle.set_timeout_ms(self._idle_ms())
        self.top_bar.name.setText(content.site.clinic.name)
        signs = content.signs_slide
        if signs is not None and signs.signs is not None:
            self.signs.set_content(signs.signs, content.site.urgent.text, self.language)
        self.contact.set_site(content.site, self.language, can_print=self.printer is not None)
        if self.printer is not None:
            self.printer.set_settings(content.site.printer)
        self._refresh_slides()
        self._update_bars()

    def reload_content(self) -> bool:
        """Load the folder again (staff saved, or files changed); broken content keeps the last good one."""
        fresh = load_logged(self.content.folder)
        if fresh.errors:
            log.error(
                "content in %s has %d errors; keeping the last good content", fresh.folder, len(fresh.errors)
            )
            return False
        self.show_content(fresh)
        return True

    def _idle_ms(self) -> int:
        return max(1, round(self.content.site.kiosk.idle_timeout_s * 1000 * self.time_scale))

    def _refresh_slides(self) -> None:
        self.slideshow.set_slides(self.content.loop_slides(self._clock().date()), self.language)
        if not self.staff.active:
            self.pages.setCurrentWidget(self.loop_page if self.slideshow.slides() else self.out_of_service)
        if not self.slideshow.slides():
            log.error("no slide can be shown; showing the out-of-service screen")
        self._show_position(self.slideshow.index())
        self.apply_schedule()

    def apply_schedule(self) -> None:
        """Outside opening hours a 'closed' notice (or a dark screen); back to the loop when open."""
        schedule = self.content.site.schedule
        if self.staff.active:
            return
        if schedule.is_open(self._clock()):
            if self.pages.currentWidget() is self.closed:
                self.reset_to_loop()
            return
        self.closed.dark = schedule.outside_hours == "dark"
        hours = schedule.opens and schedule.closes and f"{schedule.opens:%H:%M} – {schedule.closes:%H:%M}"
        self.closed.set_text(self.tr("We zijn nu gesloten"), self.tr("Open: ") + hours if hours else "")
        self.slideshow.set_playing(False)
        self.pages.setCurrentWidget(self.closed)

    def _update_bars(self) -> None:
        languages = self.content.site.kiosk.languages
        self.top_bar.set_available(
            signs=self._has_signs(),
            contact=True,
            language_name=LANGUAGE_NAMES.get(self.language, self.language) if len(languages) > 1 else None,
        )
        self.top_bar.set_interactive(self.interactive)
        self.bottom_bar.set_interactive(self.interactive)

    def _has_signs(self) -> bool:
        slide = self.content.signs_slide
        return slide is not None and slide.signs is not None

    def _show_position(self, index: int) -> None:
        self.bottom_bar.set_position(index, len(self.slideshow.slides()))

    # -- the visitor ---------------------------------------------------------------------------
    def take_over(self) -> None:
        """First touch: stop the loop and show the controls; the idle timer starts counting."""
        if not self.interactive:
            self.interactive = True
            self.slideshow.set_playing(False)
            self._update_bars()
            self.visitor_took_over.emit()
        self.idle.start()

    def _on_gesture(self, gesture: Gesture, where: QPointF) -> None:
        was_interactive = self.interactive
        self.take_over()
        current = self.slideshow.current_slide()
        if gesture is Gesture.TAP and current is not None and current.signs is not None:
            self.show_signs()  # the signs slide invites a tap
            return
        if gesture is Gesture.SWIPE_LEFT:
            self.slideshow.next()
        elif gesture is Gesture.SWIPE_RIGHT:
            self.slideshow.previous()
        elif gesture is Gesture.TAP and was_interactive:
            (self.slideshow.next if where.x() >= self.slideshow.width() / 2 else self.slideshow.previous)()

    def show_signs(self) -> None:
        if self._has_signs():
            self.take_over()
            self.pages.setCurrentWidget(self.signs)

    def show_contact(self) -> None:
        self.take_over()
        current = self.pages.currentWidget()
        self._contact_return = current if current is self.signs else self.loop_page
        self.pages.setCurrentWidget(self.contact)

    def show_slides(self) -> None:
        self.pages.setCurrentWidget(self.loop_page)

    def _print(self) -> None:
        if self.printer is None:
            self.contact.show_print_outcome(PrintOutcome.NO_PRINTER)
            return
        self.contact.show_printing()
        self.printer.request_print(self.content, self.language)

    def next_language(self) -> None:
        languages = self.content.site.kiosk.languages
        self.set_language(languages[(languages.index(self.language) + 1) % len(languages)])

    def set_language(self, lang: str) -> None:
        self.language = lang
        self.slideshow.set_language(lang)
        self.signs.set_language(lang)
        self.contact.set_language(lang)
        self._update_bars()

    def reset_to_loop(self) -> None:
        """Forget the visitor (and close staff mode): first slide, default language, loop playing."""
        self.idle.stop()
        if self.interactive:
            log.info("returned to the slideshow; the visitor's choices are forgotten")
        self.staff.leave()
        self.interactive = False
        self.language = self.content.site.kiosk.default_language
        self.idle.set_timeout_ms(self._idle_ms())
        self.signs.reset()
        self.contact.reset()
        self.signs.set_language(self.language)
        self.contact.set_language(self.language)
        self._refresh_slides()
        self.slideshow.show_index(0, animate=False)
        self.slideshow.set_playing(self.pages.currentWidget() is self.loop_page)
        self._update_bars()
        self.returned_to_loop.emit()

    # -- staying open --------------------------------------------------------------------------
    def quit_cleanly(self, for_maintenance: bool = False) -> None:
        """The only ways out: the OS asks (SIGTERM) or staff quit for maintenance (not restarted)."""
        log.info("kiosk closing%s", " for maintenance" if for_maintenance else "")
        self.quit_for_maintenance = for_maintenance
        self._may_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            event.accept()
        else:
            log.info("close request ignored in kiosk mode")
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.kiosk_mode:
            event.accept()  # Escape and friends do nothing in kiosk mode
        else:
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Minimised, or another window brought forward (Super, Alt+Tab, a window manager's gesture)?
        Come straight back: a visitor must never be left looking at a desktop."""
        if self.kiosk_mode and event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            QTimer.singleShot(0, self._back_on_screen)
        elif (
            self.kiosk_mode
            and event.type() == QEvent.Type.ActivationChange
            and self.isFullScreen()
            and not self.isActiveWindow()
        ):
            QTimer.singleShot(BACK_ON_TOP_MS, self._back_on_screen)
        super().changeEvent(event)

    def _back_on_screen(self) -> None:
        if self._may_close or (self.isActiveWindow() and not self.isMinimized()):
            return
        log.info("the kiosk was minimised or covered by another window; bringing it back on top")
        handle = self.windowHandle()
        if not self.isMinimized() and handle is not None and not handle.isExposed():
            # Unmapped without being minimised: a window manager's "show desktop" (Super+D in Openbox).
            # Raising or activating an unmapped window changes nothing there, but mapping it again ends
            # that mode: minimise it, and the WindowStateChange brings it back here to be mapped.
            # (Not hide() and show(): a window manager drops a withdrawn window's fullscreen state.)
            self.showMinimized()
            return
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        m = theme.Metrics.for_size(self.size())
        self.top_bar.apply_metrics(m)
        self.bottom_bar.apply_metrics(m)
        self.signs.apply_metrics(m, self.size())
        self.contact.apply_metrics(m, self.size())
        self.staff.apply_metrics(m)
        super().resizeEvent(event)


def _version_of(content: Content) -> str:
    """A short fingerprint of the loaded content, for the status page and the log."""
    digest = hashlib.sha256()
    for slide in content.slides:
        digest.update(repr((slide.id, slide.title, slide.body, slide.duration_s, slide.hidden)).encode())
    digest.update(repr(content.site).encode())
    return digest.hexdigest()[:8]
