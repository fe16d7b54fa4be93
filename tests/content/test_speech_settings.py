"""`[speech]` in site.toml: "Lees voor" on or off, loudspeaker or headphones only, and a visit's volume;
a wrong value is reported with its file, line and field, in Dutch for staff, and the default stands."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.model import Problem, SpeechSettings
from kiosk.content.site import HEADPHONE_VOLUME, load_site
from kiosk.content.staff_messages import staff_message


def speech_of(folder: Path, table: str) -> tuple[SpeechSettings, list[Problem]]:
    (folder / "site.toml").write_text('[clinic]\nname = "De Linde"\n\n[speech]\n' + table, encoding="utf-8")
    problems: list[Problem] = []
    return load_site(folder, problems).speech, problems


def test_without_a_speech_table_visitors_get_speech_through_the_loudspeaker(tmp_path: Path) -> None:
    speech, problems = speech_of(tmp_path, "")
    assert speech == SpeechSettings(enabled=True, loudspeaker=True, volume=70, engine="")
    assert not [p for p in problems if "speech" in (p.field or "")]


def test_headphones_only_starts_quieter_unless_a_volume_is_given(tmp_path: Path) -> None:
    speech, _ = speech_of(tmp_path, "loudspeaker = false\n")
    assert not speech.loudspeaker and speech.volume == HEADPHONE_VOLUME < SpeechSettings.volume
    speech, _ = speech_of(tmp_path, "loudspeaker = false\nvolume = 55\n")
    assert speech.volume == 55


def test_wrong_values_are_reported_where_they_stand_and_the_defaults_stay(tmp_path: Path) -> None:
    speech, problems = speech_of(tmp_path, 'enabled = "ja"\nvolume = 150\nengine = "speech dispatcher"\n')
    assert speech == SpeechSettings()
    found = {p.field: p for p in problems if (p.field or "").startswith("speech")}
    assert set(found) == {"speech.enabled", "speech.volume", "speech.engine"}
    assert [found[f].line for f in ("speech.enabled", "speech.volume", "speech.engine")] == [5, 6, 7]
    for problem in found.values():
        message = staff_message(problem, {})
        assert message.mapped and "oorlezen" in message.text, message.text  # named by its label
        assert "site.toml" not in message.text
