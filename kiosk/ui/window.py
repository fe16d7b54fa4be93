"""The kiosk window: puts the screens together and decides what a tap, a button or a timer does.

Screens only emit signals ("next pressed", "gesture made", "print requested"); this is the one place
that reacts to them. What is shown comes from the content store (`content_changed`); what the visitor
changed lives in one `Visit`, replaced whole when the loop takes over again; every timer runs on the
kiosk's one clock. Staff mode's way in and its actions live in `staff_mode.StaffMode`.

The visit's language is installed on the application (kiosk.render.words) whenever the window shows a
visit, so every widget retranslates on the LanguageChange that follows; staff mode speaks Dutch.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QLayout, QStackedLayout, QVBoxLayout, QWidget

from kiosk.content import Content
from kiosk.content.model import SOURCE_LANGUAGE, is_right_to_left
from kiosk.render import theme
from kiosk.render.pictures import PictureCache
from kiosk.render.slide import SlideRenderer
from kiosk.render.words import install
from kiosk.resources import resource
from kiosk.services.clock import Clock
from kiosk.services.content_store import ContentStore
from kiosk.services.counts import CONTACT, HANDOUT, LANGUAGE, SIGNS, SLIDE, DailyCounts
from kiosk.services.display_power import DisplayPower, backend_for
from kiosk.services.printing import HandoutPrinter, PrintOutcome
from kiosk.services.qr_cache import cached_qr_modules
from kiosk.services.visit import Screen, Visit
from kiosk.ui.controls import BottomBar, TopBar
from kiosk.ui.gestures import Gesture, TouchTracker
from kiosk.ui.idle import IdleWatch
from kiosk.ui.keys import KeyNavigator
from kiosk.ui.reading import COUNTDOWN_S
from kiosk.ui.screen_fit import ScreenFit
from kiosk.ui.slideshow import SlideShow

if TYPE_CHECKING:
    from kiosk.ui.contact import ContactScreen
    from kiosk.ui.language_picker import LanguageMenu
    from kiosk.ui.notice import NoticeScreen
    from kiosk.ui.read_aloud import ReadAloud
    from kiosk.ui.reading import ReadingQuestion
    from kiosk.ui.signs import SignsScreen
    from kiosk.ui.staff_mode import StaffMode

log = logging.getLogger(__name__)
SCHEDULE_CHECK_MS = 30_000  # opening hours, and slides whose date range starts or ends today
BACK_ON_TOP_MS = 1000  # no tug of war with a window manager that is still arranging its windows
REACH_MM = 1220  # EN 301 549 / ADA: the highest a control may sit above the floor, for a wheelchair user
QUIET_BEFORE_QUESTION_S = 10  # with a very short idle timeout, the question still waits this long


@dataclass
class _LaterScreens:
    """The visitor's screens besides the loop: built once the first slide is on screen (or when asked for
    before that), so that a start does not wait for screens nobody has opened yet."""

    out_of_service: NoticeScreen
    closed: NoticeScreen
    signs: SignsScreen
    contact: ContactScreen
    reading: ReadingQuestion  # over every page, before the idle reset
    language_menu: LanguageMenu  # over every page, when the visitor opens it


class KioskWindow(QWidget):
    """Attract loop until touched; then the visitor pages; after the idle timeout, back to the loop."""

    visitor_took_over = Signal()
    returned_to_loop = Signal()
    screens_built = Signal()  # the screens besides the loop exist now (see _later_screens)

    def __init__(
        self,
        store: ContentStore,
        clock: Clock,
        printer: HandoutPrinter | None = None,
        kiosk_mode: bool = True,
    ) -> None:
        install(store.content.site.kiosk.default_language)  # before any widget: each takes its words from it
        super().__init__()
        self.kiosk_mode = kiosk_mode  # before anything that sends a changeEvent
        self._may_close = not kiosk_mode
        self.setWindowTitle("Wachtkamer")
        self.store = store
        self.clock = clock
        self.content = store.content
        self.visit = self._new_visit()
        self.quit_for_maintenance = False
        self.printer = printer
        self._printing_for: Visit | None = None  # the visit a running print job belongs to
        self._loop_day: dt.date | None = None  # the day the loop's slides were chosen for
        self.counts = DailyCounts(clock)  # anonymous day totals, when the site turns them on
        self._paged_from: str | None = None  # the slide shown before the last page turn (for the counts)

        self.pictures = PictureCache()
        renderer = SlideRenderer(self.pictures, cached_qr_modules)
        self.slideshow = SlideShow(renderer, clock, self.content.site.kiosk.transition_ms)
        self.top_bar = TopBar(self.content.site.clinic.name)
        self.bottom_bar = BottomBar()
        self._later: _LaterScreens | None = None
        self.idle = IdleWatch(clock, self._idle_ms(), self)
        self.idle.set_warning_ms(COUNTDOWN_S * 1000)
        self._reading_tick = clock.timer(self, 1000, single_shot=False)
        self._reading_tick.timeout.connect(self._count_down)
        self._low_controls = False  # a screen hung high: the visitor's buttons at the bottom

        loop_page = QWidget()
        column = QVBoxLayout(loop_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.top_bar)
        column.addWidget(self.slideshow, 1)
        column.addWidget(self.bottom_bar)
        self.loop_page, self.loop_column = loop_page, column
        self.pages = QStackedLayout(self)
        self.pages.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the screen's size is the size
        self.pages.addWidget(loop_page)
        self._staff: StaffMode | None = None  # the way into staff mode: built after the first slide (staff)
        self.setAutoFillBackground(True)  # in the visit's background colour (apply_look)

        self.gestures = TouchTracker(self.slideshow)
        self.gestures.gesture_made.connect(self._on_gesture)
        self.bottom_bar.previous_requested.connect(self.slideshow.previous)
        self.bottom_bar.next_requested.connect(self.slideshow.next)
        self.bottom_bar.language_requested.connect(self.open_languages)
        self.top_bar.signs_requested.connect(self.show_signs)
        self.top_bar.contact_requested.connect(self.show_contact)
        self.bottom_bar.large_text_toggled.connect(self.set_large_text)
        self.bottom_bar.high_contrast_toggled.connect(self.set_high_contrast)
        self.idle.about_to_time_out.connect(self._ask_if_reading)
        self.idle.input_seen.connect(self._still_reading)
        self.slideshow.signs_requested.connect(self.show_signs)
        if printer is not None:
            printer.print_finished.connect(self._print_finished)
        self.slideshow.slide_changed.connect(self._show_position)
        self.slideshow.slides_checked.connect(lambda: self._show_position(self.slideshow.index()))
        self.slideshow.slide_changed.connect(self._count_slide)
        self.slideshow.slide_painted.connect(self._first_slide_painted)
        self._started = False
        self.idle.idle_timed_out.connect(self.reset_to_loop)
        store.content_changed.connect(self.show_content)
        self._schedule_timer = clock.timer(self, SCHEDULE_CHECK_MS, single_shot=False)
        self._schedule_timer.timeout.connect(self.apply_schedule)
        self._schedule_timer.start()
        # Outside opening hours with outside_hours = "dark": the display sleeps where the OS allows; a touch
        # lights it (the closed notice) until the idle timeout, so staff can reach staff mode.
        platform = QGuiApplication.platformName()
        self.display_power = DisplayPower(clock, backend_for(platform) if kiosk_mode else None, self)
        self._lit_by_touch = clock.timer(self)
        self._lit_by_touch.timeout.connect(self.apply_schedule)
        self.screen_fit: ScreenFit | None = None
        if kiosk_mode:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
            self.setCursor(Qt.CursorShape.BlankCursor)
            # The screen's size before anything is laid out: no slide is fitted to a provisional size.
            self.screen_fit = ScreenFit(self, self.content.site.kiosk.screen, clock)
            self.screen_fit.place()
        self.show_content(self.content)
        self.keys = KeyNavigator(self)  # keyboards and USB keypads: focus, Enter, arrows, Escape
        self._read_aloud: ReadAloud | None = None  # "Lees voor": built after the first slide (read_aloud)

    def show_kiosk(self) -> None:
        """Kiosk mode: fullscreen on its screen, and kept at that screen's size; windowed: a window."""
        if self.screen_fit is not None:
            self.screen_fit.show()
        else:
            self.resize(1280, 800)
            self.show()

    def _first_slide_painted(self) -> None:
        """The first slide is on screen (or, at a start with none to show, the notice instead): now build
        the other screens and start following the content folder, so that the first slide does not wait
        for them. What only printing needs (the handout, the QR encoder) is never loaded here: the handout
        is drawn by a child process and the QR code comes from the state folder (kiosk.services.qr_cache)."""
        if not self._started:
            self._started = True
            self._later_screens()
            self._build_staff()  # the corner hold works from here on
            self.read_aloud.prepare_soon()
            self.store.start_watching()

    def _later_screens(self) -> _LaterScreens:
        """The screens besides the loop, built and dressed for this content, visit and look on first use."""
        if self._later is None:
            from kiosk.ui.contact import ContactScreen
            from kiosk.ui.language_picker import LanguageMenu
            from kiosk.ui.notice import NoticeScreen
            from kiosk.ui.reading import ReadingQuestion
            from kiosk.ui.signs import SignsScreen

            later = _LaterScreens(
                out_of_service=NoticeScreen(self.pictures, None, "", ""),
                closed=NoticeScreen(self.pictures, resource("closed.svg"), "", ""),
                signs=SignsScreen(self.pictures),
                contact=ContactScreen(),
                reading=ReadingQuestion(self),
                language_menu=LanguageMenu(self),
            )
            for page in (later.out_of_service, later.closed, later.signs, later.contact):
                self.pages.addWidget(page)
            later.language_menu.chosen.connect(self.set_language)
            later.reading.keep_reading.connect(self._still_reading)
            later.signs.contact_requested.connect(self.show_contact)
            later.signs.left.connect(self.show_slides)
            later.contact.back_requested.connect(self._contact_back)
            later.contact.print_requested.connect(self._print)
            self._later = later
            self._give_content(later)
            self._dress(later, *self._metrics())
            self._apply_direction()
            later.signs.show_visit(self.visit)
            later.contact.show_visit(self.visit)
            self.screens_built.emit()
        return self._later

    @property
    def staff(self) -> StaffMode:
        """Staff mode's way in (a corner held) and its screens, built after the first slide (or when first
        asked for): nobody reaches for it in the first second."""
        return self._staff if self._staff is not None else self._build_staff()

    def _build_staff(self) -> StaffMode:
        if self._staff is None:
            from kiosk.ui.staff_mode import StaffMode

            renderer = self.slideshow.renderer
            staff = StaffMode(self.store, self.clock, self.idle, self.pages, renderer, self.printer, self)
            staff.pad_opened.connect(self.take_over)
            staff.pad_opened.connect(self._staff_in_dutch)
            staff.closed.connect(self.reset_to_loop)
            staff.quit_requested.connect(lambda: self.quit_cleanly(for_maintenance=True))
            staff.restart_requested.connect(lambda: self.quit_cleanly())  # exit 0: Restart=always
            self._staff = staff
            self._dress_staff()
        return self._staff

    def _staff_active(self) -> bool:
        return self._staff is not None and self._staff.active

    @property
    def read_aloud(self) -> ReadAloud:
        """ "Lees voor", built after the first slide (or when first asked for): not part of the start."""
        if self._read_aloud is None:
            from kiosk.ui.read_aloud import ReadAloud

            self._read_aloud = ReadAloud(self)
        return self._read_aloud

    def screens_ready(self) -> bool:
        """Are the screens besides the loop built yet (see `screens_built`)?"""
        return self._later is not None

    @property
    def out_of_service(self) -> NoticeScreen:
        return self._later_screens().out_of_service

    @property
    def closed(self) -> NoticeScreen:
        return self._later_screens().closed

    @property
    def signs(self) -> SignsScreen:
        return self._later_screens().signs

    @property
    def contact(self) -> ContactScreen:
        return self._later_screens().contact

    @property
    def reading(self) -> ReadingQuestion:
        return self._later_screens().reading

    @property
    def language_menu(self) -> LanguageMenu:
        return self._later_screens().language_menu

    # -- content -------------------------------------------------------------------------------
    def show_content(self, content: Content) -> None:
        """Show content the store accepted; with nothing usable, a calm out-of-service screen."""
        self.content = content
        self.counts.enabled = content.site.stats_enabled
        self.pictures.clear()
        self.slideshow.renderer.set_site(content.site)
        self.slideshow.forget_rendered()
        self.slideshow.set_signs_available(self._has_signs())
        kiosk = content.site.kiosk
        if self.visit.language not in self.languages():
            self.visit.language = kiosk.default_language
            if not self._staff_active():
                install(self.visit.language)
        self._apply_direction()
        if not self.visit.taken_over:
            self.visit.high_contrast = kiosk.high_contrast
        if not self._staff_active():
            self.idle.set_timeout_ms(self._idle_ms())
        self.top_bar.name.setText(content.site.clinic.name)
        if self._later is not None:
            self._give_content(self._later)
        if self.printer is not None:
            self.printer.set_settings(content.site.printer)
        self._loop_day = None  # choose the slides again
        self.apply_look()
        self.apply_schedule()
        self._update_bars()

    def _idle_ms(self) -> int:
        """The visitor's idle timeout; long enough for the reading question's countdown and a quiet spell."""
        seconds = max(self.content.site.kiosk.idle_timeout_s, COUNTDOWN_S + QUIET_BEFORE_QUESTION_S)
        return round(seconds * 1000)

    def _new_visit(self) -> Visit:
        kiosk = self.content.site.kiosk
        return Visit(language=kiosk.default_language, high_contrast=kiosk.high_contrast)

    def _choose_slides(self) -> None:
        """The slides for today: chosen again when the content or the date changes (a campaign starts or
        ends at midnight, with or without opening hours), so the out-of-service screen ends by itself."""
        if self.kiosk_mode:
            if not self.isVisible():
                return  # fitted once shown at the screen's size: never skipped for a provisional small size
            if self.loop_page.size() != self.size():  # a hidden page is laid out only once it is shown
                self.loop_page.setGeometry(self.rect())
                self.loop_column.activate()
        today = self.clock.now().date()
        if today == self._loop_day:
            return
        self._loop_day = today
        self.slideshow.set_slides(self.content.loop_slides(today), self.visit.language)
        if self.slideshow.current_slide() is None:
            log.error("no slide can be shown today; showing the out-of-service screen")
        self._show_position(self.slideshow.index())

    def apply_schedule(self) -> None:
        """Today's slides; outside opening hours a 'closed' notice (or a dark screen); the loop when open."""
        if self._staff_active():
            return
        self._choose_slides()
        schedule = self.content.site.schedule
        if not schedule.is_open(self.clock.now()):
            self.closed.dark = schedule.outside_hours == "dark" and not self._lit_by_touch.isActive()
            self._set_notice_words()
            self.slideshow.set_playing(False)
            self.pages.setCurrentWidget(self.closed)
            if self.closed.dark:
                self.display_power.sleep()
            return
        self._lit_by_touch.stop()
        self.display_power.wake()
        current, later = self.pages.currentWidget(), self._later
        if later is not None and current is later.closed:
            self.reset_to_loop()
        elif current is self.loop_page or (later is not None and current is later.out_of_service):
            self._show_screen()

    def _give_content(self, later: _LaterScreens) -> None:
        content = self.content
        signs = content.signs_slide
        if signs is not None and signs.signs is not None:
            later.signs.set_content(signs.signs, content.site.urgent)
        later.contact.set_site(content.site, can_print=self.printer is not None)
        self._set_notice_words()
        for notice in (later.closed, later.out_of_service):  # the crisis line, even when nothing else shows
            notice.urgent = content.site.urgent.line(content.site.kiosk.default_language)

    def _set_notice_words(self) -> None:
        """The notices' words in the language installed now (they are painted, not widgets with words)."""
        if self._later is None:
            return  # given when they are built
        schedule = self.content.site.schedule
        hours = schedule.opens and schedule.closes and f"{schedule.opens:%H:%M} – {schedule.closes:%H:%M}"
        self._later.closed.set_text(
            self.tr("We zijn nu gesloten"), self.tr("Open: ") + hours if hours else ""
        )
        self._later.out_of_service.set_text(
            self.tr("Dit scherm is even buiten gebruik"),
            self.tr("Heb je een vraag? Stel die gerust aan de balie."),
        )

    def languages(self) -> tuple[str, ...]:
        """What the picker offers: the site's languages that have content to show, where the content
        says so (`visitor_languages`), else the site's `languages`."""
        offered = getattr(self.content, "visitor_languages", None)
        return tuple(offered()) if callable(offered) else self.content.site.kiosk.languages

    def _update_bars(self) -> None:
        self.top_bar.set_available(signs=self._has_signs(), contact=True)
        self.bottom_bar.set_language(self.visit.language if len(self.languages()) > 1 else None)
        self.top_bar.set_interactive(self.visit.taken_over)
        self.bottom_bar.show_look(self.visit.large_text, self.visit.high_contrast)
        self.bottom_bar.set_interactive(self.visit.taken_over)
        self.slideshow.set_arrows_shown(self.visit.taken_over)

    def _has_signs(self) -> bool:
        slide = self.content.signs_slide
        return slide is not None and slide.signs is not None

    def _show_position(self, index: int) -> None:
        self.bottom_bar.set_position(index, self.slideshow.count())

    def _show_screen(self) -> None:
        """The page for where the visitor is (the loop: out of service when it has no slide)."""
        screen = self.visit.screen
        if screen is Screen.SIGNS:
            self.pages.setCurrentWidget(self.signs)
        elif screen is Screen.CONTACT:
            self.pages.setCurrentWidget(self.contact)
        else:
            chosen = self._loop_day is not None  # not before the slides are chosen, at the screen's size
            empty = chosen and self.slideshow.current_slide() is None
            self.pages.setCurrentWidget(self.out_of_service if empty else self.loop_page)
        self.slideshow.set_playing(screen is Screen.LOOP and not self.visit.taken_over)

    # -- the visitor ---------------------------------------------------------------------------
    def take_over(self) -> None:
        """First touch: stop the loop and show the controls; the idle timer starts counting."""
        if not self.visit.taken_over:
            self.visit.taken_over = True
            self.slideshow.set_playing(False)
            self._update_bars()
            self.visitor_took_over.emit()
        self.idle.start()

    def _on_gesture(self, gesture: Gesture, where: QPointF) -> None:
        was_taken_over = self.visit.taken_over
        self.take_over()
        rtl = self.slideshow.isRightToLeft()  # right to left, the next slide lies to the left
        if gesture in (Gesture.SWIPE_LEFT, Gesture.SWIPE_RIGHT):
            (self.slideshow.next if (gesture is Gesture.SWIPE_LEFT) != rtl else self.slideshow.previous)()
        elif gesture is Gesture.TAP and was_taken_over:
            on_right = where.x() >= self.slideshow.width() / 2
            (self.slideshow.next if on_right != rtl else self.slideshow.previous)()

    def _go(self, screen: Screen) -> None:
        self.take_over()
        self.visit.screen = screen
        self._show_screen()

    def show_signs(self) -> None:
        if self._has_signs():
            self.counts.add(SIGNS)
            self._go(Screen.SIGNS)

    def _count_slide(self, _index: int) -> None:
        """A slide a visitor paged to; the attract loop's own turns are not counted, nor the second part of
        a slide in two parts (large text) after its first."""
        slide = self.slideshow.current_slide()
        if self.visit.taken_over and slide is not None and slide.id != self._paged_from:
            self.counts.add(SLIDE + slide.id)
        self._paged_from = slide.id if slide is not None else None

    def show_contact(self) -> None:
        self.counts.add(CONTACT)
        self.visit.contact_from = Screen.SIGNS if self.visit.screen is Screen.SIGNS else Screen.LOOP
        self._go(Screen.CONTACT)

    def show_slides(self) -> None:
        self._go(Screen.LOOP)

    def _contact_back(self) -> None:
        self._go(self.visit.contact_from)

    def _print(self) -> None:
        if self.printer is None:
            self._print_finished(PrintOutcome.NO_PRINTER)
            return
        self.visit.printing, self.visit.print_outcome = True, None
        self._printing_for = self.visit
        self.contact.show_visit(self.visit)
        self.printer.request_print(self.content, self.visit.language)

    def _print_finished(self, outcome: PrintOutcome) -> None:
        visit = self._printing_for or self.visit
        self._printing_for = None
        visit.printing, visit.print_outcome = False, outcome
        if outcome is PrintOutcome.PRINTED:
            self.counts.add(HANDOUT)
        if visit is self.visit:  # a handout that comes out after the reset tells the next visitor nothing
            self.contact.show_visit(self.visit)

    def open_languages(self) -> None:
        """The picker's panel; opening it is a touch like any other (the loop stops, the idle timer runs)."""
        self.take_over()
        self.language_menu.open(self.languages(), self.visit.language)

    def set_large_text(self, on: bool) -> None:
        self.visit.large_text = on
        self.apply_look()
        self._update_bars()

    def set_high_contrast(self, on: bool) -> None:
        self.visit.high_contrast = on
        self.apply_look()
        self._update_bars()

    # -- time to finish reading ----------------------------------------------------------------
    def _ask_if_reading(self) -> None:
        """The idle watch warns: a visitor still reading says so; nobody there, and the reset follows."""
        if self._staff_active() or not self.visit.taken_over:
            return
        if self.pages.currentWidget() not in (self.loop_page, self.signs, self.contact):
            return
        self.reading.setGeometry(self.rect())
        self.reading.raise_()
        self.reading.show()
        self._count_down()
        self._reading_tick.start()

    def _count_down(self) -> None:
        self.reading.show_seconds(max(0, -(-self.idle.remaining_ms() // 1000)))

    def _still_reading(self) -> None:
        """Any touch (or "Ja, verder lezen"): the question goes, and the idle watch has started again."""
        self._reading_tick.stop()
        if self._later is not None:
            self._later.reading.hide()

    def set_language(self, lang: str) -> None:
        """One tap: the slides, the signs, the contact screen, the handout and the kiosk's own words."""
        self.visit.language = lang
        self._show_visit()

    def _staff_in_dutch(self) -> None:
        """Staff read Dutch, whatever language the visitor before them chose (the reset at the end of
        staff mode installs the site's default again)."""
        if self._later is not None:
            self._later.language_menu.hide()
        install(SOURCE_LANGUAGE)

    def _show_visit(self) -> None:
        """Every screen shows this visit: its language, its answers, its print status."""
        install(self.visit.language)
        self._apply_direction()
        self.slideshow.set_language(self.visit.language)
        if self._later is not None:
            self._later.signs.show_visit(self.visit)
            self._later.contact.show_visit(self.visit)
        self._update_bars()

    def _apply_direction(self) -> None:
        """The visitor's screens read in the direction of the visit's language (Arabic: right to left,
        controls and dots mirrored); staff mode, always in Dutch, keeps left to right."""
        rtl = is_right_to_left(self.visit.language)
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        start = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        later = self._later
        pages = [self.loop_page] + (
            [] if later is None else [later.signs, later.contact, later.closed, later.out_of_service]
        )
        for page in pages:
            page.setLayoutDirection(direction)
            # A label aligns by its own text's direction: a Latin name or phone line would stay on the left.
            for label in page.findChildren(QLabel):
                if not label.alignment() & Qt.AlignmentFlag.AlignHCenter:
                    vertical = label.alignment() & Qt.AlignmentFlag.AlignVertical_Mask
                    label.setAlignment(start | Qt.AlignmentFlag.AlignAbsolute | vertical)

    def reset_to_loop(self) -> None:
        """Forget the visitor (and close staff mode): a new visit, first slide, default language, looping."""
        self.idle.stop()
        if self.visit.taken_over:
            # Debug only: the log file must not say when visitors came and went.
            log.debug("returned to the slideshow; the visitor's choices are forgotten")
            if not self._staff_active():
                self.counts.add(LANGUAGE + self.visit.language)  # once per visit, the language it ended in
        if self._staff is not None:
            self._staff.leave()
        if self._later is not None:
            self._later.language_menu.hide()
        self._still_reading()
        self.idle.set_warning_ms(COUNTDOWN_S * 1000)
        look = (self.visit.large_text, self.visit.high_contrast)
        self.visit = self._new_visit()
        self.idle.set_timeout_ms(self._idle_ms())
        if look != (self.visit.large_text, self.visit.high_contrast):
            self.apply_look()
        self._show_visit()
        self.slideshow.show_index(0, animate=False)
        self._show_screen()
        self.apply_schedule()
        self.returned_to_loop.emit()

    # -- staying open --------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A touch on the dark screen (the panel asleep or black): the closed notice, lit, for staff."""
        if self._later is not None and self.pages.currentWidget() is self.closed and self.closed.dark:
            log.info("touched while dark: the screen is lit until the idle timeout")
            self._lit_by_touch.start(self._idle_ms())
            self.closed.dark = False
            self.closed.update()
            self.display_power.wake()
        super().mousePressEvent(event)

    def quit_cleanly(self, for_maintenance: bool = False) -> None:
        """The only ways out: the OS asks (SIGTERM), staff restart (exit 0, which the service's Restart=always
        starts again) or staff quit for maintenance (exit 75, which it does not)."""
        log.info("kiosk closing%s", " for maintenance" if for_maintenance else "")
        self.display_power.wake_on_exit()
        self.quit_for_maintenance = for_maintenance
        self._may_close = True
        self.slideshow.stop_rendering()
        if self._read_aloud is not None:
            self._read_aloud.speech.shutdown()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            if self._read_aloud is not None:
                self._read_aloud.speech.shutdown()  # its engine's process ends with the window
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
            self.clock.single_shot(0, self, self._back_on_screen)
        elif event.type() == QEvent.Type.LanguageChange:
            self._set_notice_words()
        elif (
            self.kiosk_mode
            and event.type() == QEvent.Type.ActivationChange
            and self.isFullScreen()
            and not self.isActiveWindow()
        ):
            self.clock.single_shot(BACK_ON_TOP_MS, self, self._back_on_screen)
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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.kiosk_mode and self._loop_day is None:
            self.apply_schedule()  # the slides are chosen and fitted now, at the size the window has
        if not self._started and self.pages.currentWidget() is not self.loop_page:
            # A start outside opening hours, or with no slide to show: no slide will be painted, and staff
            # must still be able to get in.
            QTimer.singleShot(0, self, self._first_slide_painted)

    def look(self) -> theme.Look:
        """This visit's look on this screen: millimetres from the site's screen size, its two toggles."""
        inches = self.content.site.kiosk.screen_inches
        return theme.Look.for_screen(inches, self.size(), self.visit.large_text, self.visit.high_contrast)

    def controls_too_high(self) -> bool:
        """Would a button in the top band sit above the reach limit? Needs `[kiosk] lower_edge_mm`."""
        edge = self.content.site.kiosk.lower_edge_mm
        m = theme.Metrics.for_size(self.size(), self.look())
        return edge is not None and edge + m.mm(self.height() - m.px(24)) > REACH_MM

    def _metrics(self) -> tuple[theme.Metrics, theme.Look, bool]:
        """This visit's sizes on this screen, its look, and whether the controls go to the bottom band."""
        look = self.look()
        return theme.Metrics.for_size(self.size(), look), look, self.controls_too_high()

    def apply_look(self) -> None:
        """Size and colour every visitor screen for this visit and screen; a screen hung high gets its
        controls in the bottom band."""
        m, look, low = self._metrics()
        if low != self._low_controls:
            self._low_controls = low
            self.loop_column.removeWidget(self.top_bar)
            self.loop_column.insertWidget(2 if low else 0, self.top_bar)
        self.top_bar.apply_metrics(m, low)
        self.bottom_bar.apply_metrics(m)
        self.slideshow.apply_metrics(m)
        if self._later is not None:
            self._dress(self._later, m, look, low)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), look.colours.background)
        self.setPalette(palette)
        if self._staff is not None:
            self._dress_staff()

    def _dress_staff(self) -> None:
        staff_look = replace(self.look(), large=False, high_contrast=False)  # staff mode's own dark colours
        self.staff.apply_metrics(theme.Metrics.for_size(self.size(), staff_look))

    def _dress(self, later: _LaterScreens, m: theme.Metrics, look: theme.Look, low: bool) -> None:
        later.signs.apply_metrics(m, self.size(), low)
        later.contact.apply_metrics(m, self.size(), low)
        later.language_menu.apply_metrics(m)
        later.reading.apply_metrics(m, low)
        later.reading.setGeometry(self.rect())
        for notice in (later.closed, later.out_of_service):  # nobody's visit: the site's default colours
            notice.look = replace(look, large=False, high_contrast=self.content.site.kiosk.high_contrast)
            notice.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.apply_look()
        super().resizeEvent(event)
        showing = self.pages.currentWidget()
        if self._later is not None and showing is self._later.out_of_service and not self._staff_active():
            self._loop_day = None  # slides that did not fit the old size may fit this one
            self.apply_schedule()
