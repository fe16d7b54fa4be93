"""The real speech system for the end-to-end speech tests (tests/speech/audio.py), once per session.
Missing tools fail the tests, never skip them: CI must prove that the kiosk is heard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.speech.audio import SpeechSystem, SpeechSystemError, speech_system


@pytest.fixture(scope="session")
def speech(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SpeechSystem]:
    try:
        with speech_system(tmp_path_factory.mktemp("speech")) as system:
            yield system
    except SpeechSystemError as problem:
        pytest.fail(f"the speech tests: {problem}", pytrace=False)
