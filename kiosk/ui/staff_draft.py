"""What staff changed on a form: its values as loaded (the baseline) against its values now.

Only the difference is saved, so a save never rewrites a field staff did not touch (nor writes a value
the form merely displays, such as a default). New content arriving while staff are editing (their own save
of another part, or an edit from outside) never wipes their unsaved edits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Values = dict[str, Any]


class Draft:
    def __init__(self, read: Callable[[], Values], show: Callable[[Values], None]) -> None:
        self._read, self._show = read, show
        self.baseline: Values = {}  # empty until the first load: nothing to compare with, nothing changed

    def changes(self) -> Values:
        if not self.baseline:
            return {}
        return {key: value for key, value in self._read().items() if self.baseline.get(key) != value}

    def dirty(self) -> bool:
        return bool(self.changes())

    def load(self, values: Values, keep_edits: bool = True) -> None:
        """Show `values` as the new baseline, unless staff have unsaved edits that differ from them: then
        their edits stay on screen, measured against the baseline they were made from."""
        draft = self._read() if keep_edits and self.dirty() else None
        self._show(values)
        fresh = self._read()
        if draft is not None and draft != fresh:
            self._show(draft)
        else:
            self.baseline = fresh

    def revert(self) -> None:
        self._show(self.baseline)
