"""A power cut in the middle of a staff save, a hundred times over: the folder is always the old or the new
content, it always validates, and undo never points at the file as it already is.

A child process saves through the real content store for ever; it is SIGKILLed after a random delay (the
same delays on every run: the random generator is seeded), and the folder is examined after each kill.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from kiosk.content import load_content
from kiosk.content.editing import ContentEditor, SiteChange, SlideChange
from tests.conftest import ROOT
from tests.services.saving_child import BODIES, NAMES, SLIDE

KILLS = int(os.environ.get("SAVE_CRASH_KILLS", 100))


def possible_texts(folder: Path) -> tuple[set[bytes], set[bytes]]:
    """Every version of site.toml and of the slide that a save (or an undo) can leave: the originals and
    what each change makes of them, worked out on a scratch copy with the same editor."""
    site = {(folder / "site.toml").read_bytes()}
    slide_path = folder / "slides" / f"{SLIDE}.nl.md"
    slide = {slide_path.read_bytes()}
    for name in NAMES:
        site.add(SiteChange({"clinic.name": name}).new_text(folder).encode("utf-8"))
    for body in BODIES:
        slide.add(SlideChange(SLIDE, "nl", {}, body).new_text(folder).encode("utf-8"))
    return site, slide


def saving_child(folder: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.services.saving_child", str(folder)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready", "the saving child did not start"
    return child


def test_a_save_killed_at_any_moment_leaves_old_or_new_content_that_validates_and_undoes(
    content_copy: Path,
) -> None:
    site_versions, slide_versions = possible_texts(content_copy)
    randomness = random.Random(20261129)  # the same kill moments on every run
    saves_seen = undone = 0
    for kill in range(KILLS):
        child = saving_child(content_copy)
        time.sleep(randomness.uniform(0, 0.25))  # not waiting for the kiosk: choosing when the power fails
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        saves_seen += out.count("saved")

        assert (content_copy / "site.toml").read_bytes() in site_versions, f"kill {kill}: site.toml is torn"
        slide = content_copy / "slides" / f"{SLIDE}.nl.md"
        assert slide.read_bytes() in slide_versions, f"kill {kill}: the slide is torn"
        content = load_content(content_copy)
        assert content.errors == [], f"kill {kill}: {content.errors}"
        editor = ContentEditor(content_copy)
        if editor.can_undo():
            record = json.loads((content_copy / ".history" / "last-save.json").read_text(encoding="utf-8"))
            saved = content_copy / record["file"]
            now = hashlib.sha256(saved.read_bytes()).hexdigest() if saved.exists() else None
            assert now == record["after"], f"kill {kill}: undo offered for a save that never landed"
            result = editor.undo_last_save()
            assert result.saved, f"kill {kill}: undo offered but refused: {result.message()}"
            restored = hashlib.sha256(saved.read_bytes()).hexdigest() if saved.exists() else None
            assert restored == record["before"] != record["after"], f"kill {kill}: undo did not go back"
            assert load_content(content_copy).errors == []
            undone += 1
    assert saves_seen > KILLS, "the kills came too early to interrupt any save"
    assert undone > KILLS // 2, "undo was hardly ever offered: the test checks less than it says"
    ContentEditor(content_copy).clean_leftovers()
    leftovers = [p for p in content_copy.rglob(".*.tmp")]
    assert leftovers == []
