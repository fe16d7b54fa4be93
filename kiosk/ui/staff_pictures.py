"""Staff mode, pictures: chosen from small pictures, not file names; new ones come from a USB stick.

`Thumbnails` shows pictures in a strip a finger drags sideways, the chosen one marked. The slide form uses
it for images/ ("Geen plaatje" first); `UsbPage` uses it for the pictures on a stick, and hands the chosen
one to staff mode, which has the content store check and copy it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kiosk.render.pictures import PictureCache
from kiosk.services.removable import pictures_on_media
from kiosk.ui.staff_touch import refill
from kiosk.ui.widgets import big_button, text_label

KEY = Qt.ItemDataRole.UserRole


def strip_height(side: int, scroll_bar: int) -> int:
    """One row of pictures `side` pixels square with their names, and the scroll bar below."""
    return side + side // 2 + scroll_bar + 16


class Thumbnails(QListWidget):
    """A row of pictures; `chosen()` is the marked one's key (a name, a path; None for "Geen plaatje")."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self._pictures = PictureCache()
        self._side = 120
        self._shown: list[tuple[object, Path | None, str]] = []
        self.currentItemChanged.connect(lambda *_: self.picked.emit())

    def set_side(self, side: int) -> None:
        """Each picture `side` pixels square (the strip's height is the stylesheet's: `strip_height`)."""
        self._side = side
        self._shown = []  # drawn again at the new size
        self.setIconSize(QSize(side, side))
        self.setGridSize(QSize(side + side // 3, side + side // 2))

    def set_pictures(self, pictures: list[tuple[object, Path | None, str]]) -> None:
        """(key, file or None, caption) each; the marked picture stays marked when it is still there.

        The same pictures again (every save reloads the content) leave the strip as it is: rebuilding it
        decoded every picture anew and cleared the list each time."""
        if pictures == self._shown:
            return
        self._shown = list(pictures)
        chosen = self.chosen()
        self.blockSignals(True)

        def fill(item: QListWidgetItem, row: int) -> None:
            key, path, caption = pictures[row]
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            item.setIcon(self._icon(path))
            item.setText(caption)
            item.setData(KEY, key)
            item.setToolTip(caption)

        refill(self, len(pictures), fill)
        self.blockSignals(False)
        self.choose(chosen)

    def _icon(self, path: Path | None) -> QIcon:
        if path is None:
            return QIcon()
        side = self._side * 2  # sharp on a screen that scales
        image: QImage = self._pictures.image(path, QSize(side, side))
        return QIcon(QPixmap.fromImage(image))

    def offered(self) -> list[object]:
        return [self.item(row).data(KEY) for row in range(self.count())]

    def chosen(self) -> object:
        item = self.currentItem()
        return item.data(KEY) if item is not None else None

    def choose(self, key: object) -> None:
        """Mark the picture `key`; an unknown one marks the first ("Geen plaatje" in the slide form)."""
        keys = self.offered()
        self.setCurrentRow(keys.index(key) if key in keys else 0 if keys else -1)
        self.scrollToItem(self.currentItem()) if self.currentItem() is not None else None


class PicturePicker(QWidget):
    """The slide's picture: "Geen plaatje" and every picture in images/, and a way to add one from a stick."""

    changed = Signal()
    usb_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = Thumbnails()
        self.strip.setObjectName("pictures")
        self.add = big_button(self.tr("Plaatje van USB-stick toevoegen…"), "picture-usb")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.strip)
        column.addWidget(self.add, 0, Qt.AlignmentFlag.AlignLeft)
        self.strip.picked.connect(self.changed)
        self.add.clicked.connect(self.usb_requested)

    def set_pictures(self, folder: Path, names: list[str]) -> None:
        """The pictures themselves, without their (often English) file names."""
        self.strip.set_pictures(
            [
                (None, None, self.tr("Geen plaatje")),
                *((name, folder / name, "") for name in names),
            ]
        )

    def picture(self) -> str | None:
        chosen = self.strip.chosen()
        return chosen if isinstance(chosen, str) else None

    def set_picture(self, name: str | None) -> None:
        self.strip.choose(name)

    def names(self) -> list[str]:
        """The pictures offered, "Geen plaatje" left out."""
        return [key for key in self.strip.offered() if isinstance(key, str)]


class UsbPage(QWidget):
    """Pick a picture on a USB stick: only the sticks are searched, never the rest of the computer."""

    import_requested = Signal(object)  # Path of the picture on the stick
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("question")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title = text_label("banner", self.tr("Plaatje van een USB-stick"))
        self.title.setProperty("role", "banner")
        self.text = text_label("message")
        self.text.setProperty("role", "message")
        self.found = Thumbnails()
        self.found.setObjectName("usb-pictures")
        self.again = big_button(self.tr("Opnieuw zoeken"), "usb-again")
        self.add = big_button(self.tr("Toevoegen"), "usb-add", primary=True)
        self.back = big_button(self.tr("Terug"), "usb-back")
        self._buttons = QHBoxLayout()
        for button in (self.add, self.again, self.back):
            self._buttons.addWidget(button, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addWidget(self.found)
        column.addStretch(1)
        column.addLayout(self._buttons)
        self._column = column
        self.again.clicked.connect(self.search)
        self.back.clicked.connect(self.closed)
        self.add.clicked.connect(self._add)
        self.found.picked.connect(lambda: self.add.setEnabled(self.found.chosen() is not None))

    def search(self) -> None:
        files = pictures_on_media()
        self.found.set_pictures([(path, path, path.name) for path in files])
        self.found.setVisible(bool(files))
        self.add.setEnabled(bool(files))
        self.text.setText(
            self.tr("Tik op een plaatje en dan op 'Toevoegen'. Het wordt gecontroleerd en dan bewaard.")
            if files
            else self.tr(
                "Geen plaatjes gevonden. Steek een USB-stick met plaatjes (SVG, PNG of JPEG) in de "
                "computer en tik op 'Opnieuw zoeken'."
            )
        )

    def _add(self) -> None:
        chosen = self.found.chosen()
        if isinstance(chosen, Path):
            self.import_requested.emit(chosen)

    def set_portrait(self, portrait: bool, margins: tuple[int, int]) -> None:
        self._buttons.setDirection(
            QHBoxLayout.Direction.TopToBottom if portrait else QHBoxLayout.Direction.LeftToRight
        )
        self._column.setContentsMargins(margins[0], margins[1], margins[0], margins[1])
