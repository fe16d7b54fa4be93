"""What the window's helpers work on: the kiosk window (kiosk.ui.window.KioskWindow), named by its parts.

The window installs its helpers (the keys, "Lees voor"); they take it by this description rather than
import the window, which imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QStackedLayout, QWidget

    from kiosk.content import Content
    from kiosk.render import theme
    from kiosk.services.clock import Clock
    from kiosk.services.content_store import ContentStore
    from kiosk.services.printing import HandoutPrinter
    from kiosk.services.visit import Visit
    from kiosk.ui.contact import ContactScreen
    from kiosk.ui.controls import BottomBar
    from kiosk.ui.idle import IdleWatch
    from kiosk.ui.language_picker import LanguageMenu
    from kiosk.ui.notice import NoticeScreen
    from kiosk.ui.reading import ReadingQuestion
    from kiosk.ui.signs import SignsScreen
    from kiosk.ui.slideshow import SlideShow
    from kiosk.ui.staff_mode import StaffMode


class Kiosk(Protocol):
    visit: Visit
    content: Content
    store: ContentStore
    clock: Clock
    printer: HandoutPrinter | None
    staff: StaffMode
    pages: QStackedLayout
    loop_page: QWidget
    bottom_bar: BottomBar
    slideshow: SlideShow
    idle: IdleWatch
    returned_to_loop: SignalInstance
    visitor_took_over: SignalInstance
    screens_built: SignalInstance

    @property
    def reading(self) -> ReadingQuestion: ...
    @property
    def language_menu(self) -> LanguageMenu: ...
    @property
    def signs(self) -> SignsScreen: ...
    @property
    def contact(self) -> ContactScreen: ...
    @property
    def closed(self) -> NoticeScreen: ...
    @property
    def out_of_service(self) -> NoticeScreen: ...

    def take_over(self) -> None: ...
    def show_slides(self) -> None: ...
    def look(self) -> theme.Look: ...
    def languages(self) -> tuple[str, ...]: ...
    def screens_ready(self) -> bool: ...
