"""End to end: the real speech-dispatcher with espeak-ng speaks a Dutch and an Arabic slide of the built-in
content into a null audio sink (tests/speech/audio.py), and each recording holds at least a second of
sound. The mock engine's tests cover what is said; this covers that it is heard."""

from __future__ import annotations

import array
import math
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.content import load_content, pick
from kiosk.content.model import SpeechSettings
from kiosk.services.clock import Clock
from kiosk.services.speech import Speech
from tests.conftest import DEFAULT_CONTENT
from tests.speech.audio import RATE, SpeechSystem

WINDOW_S = 0.02  # loudness is judged per 20 ms
SILENCE_RMS = 0.01  # of full scale: espeak-ng speaks at about 0.1-0.3
SPEAK_TIMEOUT_MS = 60_000  # espeak-ng speaks in real time; a busy CI machine is slower


def speak(qtbot: QtBot, text: str, lang: str) -> None:
    """Say `text` in `lang` the way "Lees voor" does (kiosk.services.speech: the engine in the kiosk's own
    child process, `kiosk speech-voice speechd`), and wait until the reading has finished."""
    speech = Speech(Clock(), SpeechSettings(engine="speechd"))
    try:
        assert speech.wait_ready(SPEAK_TIMEOUT_MS), "the speech process did not answer"
        assert speech.has_voice(lang), f"no voice for {lang}: is speech-dispatcher-espeak-ng installed?"
        with qtbot.waitSignal(speech.finished, timeout=SPEAK_TIMEOUT_MS):
            assert speech.say(text, lang)
    finally:
        speech.shutdown()


def sounding_seconds(recording: Path) -> float:
    """How long the recording is louder than silence, in 20 ms windows."""
    samples = array.array("h", recording.read_bytes())
    step = round(RATE * WINDOW_S)
    loud = 0
    for start in range(0, len(samples) - step + 1, step):
        window = samples[start : start + step]
        rms = math.sqrt(sum(s * s for s in window) / step) / 32768
        loud += rms > SILENCE_RMS
    return loud * WINDOW_S


def slide_text(lang: str) -> str:
    """The first slide's title and first paragraph in `lang`, as plain words (the body is Markdown): a
    few seconds of speech, as a visitor hears it first."""
    content = load_content(DEFAULT_CONTENT)
    slide = next(s for s in content.slides if lang in s.title and lang in s.body)
    body = QTextDocument()
    body.setMarkdown(pick(slide.body, lang))
    return f"{pick(slide.title, lang)}. {body.toPlainText().splitlines()[0]}"


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_a_slide_is_heard(
    qtbot: QtBot, speech: SpeechSystem, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str
) -> None:
    assert QApplication.instance() is not None
    for name, value in speech.client_env().items():
        monkeypatch.setenv(name, value)
    text = slide_text(lang)
    recording = tmp_path / f"{lang}.raw"
    recorder = speech.record(recording)
    try:
        speech.wait_until_recording()  # before the first word
        speak(qtbot, text, lang)
        qtbot.wait(300)  # the last samples through the sink and the recorder (audio runs in real time)
    finally:
        recorder.terminate()
        _, errors = recorder.communicate(timeout=5)
    assert recording.exists() and recording.stat().st_size > 0, errors.decode(errors="replace")
    heard = sounding_seconds(recording)
    assert heard >= 1.0, (
        f"{lang}: {heard:.2f} s of sound for {len(text)} characters ({os.environ.get('PULSE_SERVER')})"
    )
