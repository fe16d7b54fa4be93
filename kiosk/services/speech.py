""" "Lees voor": one text-to-speech engine (Qt's QTextToSpeech) that reads the screen aloud for a visitor.

The engine runs in a child process (`kiosk speech-voice`), asked for after the kiosk started, never while
it starts. Not a thread: making the engine connects to speech-dispatcher, which takes seconds when it has to
be started and never returns when it hangs (no sound server, say), and PySide holds the interpreter's lock
all that time: the kiosk's screen would freeze with it. Across a pipe the kiosk only ever waits for nothing;
a child that hangs or dies just means no speech. Without an engine, or without a voice for a language,
speech is simply not offered there: the window hides the speaker button, and the log says so once.

Which engine: `[speech] engine` in site.toml, else the environment's KIOSK_SPEECH_ENGINE (the tests set
"mock", Qt's silent engine), else "speechd" on Linux and the platform's own elsewhere.

Nothing said is kept: the text goes to the engine and is forgotten (only `said` carries it, to whoever
listens in the same process: the tests and the benchmark's seam).

The seam for a benchmark of "tap on Lees voor → the engine speaks": `wait_ready()` (the engine is up, as a
few seconds after start), then time from `ReadAloud.toggle()` (what the tap does) to `engine_speaking`.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QProcess, Signal, Slot

from kiosk.content.model import SpeechSettings
from kiosk.services.clock import Clock

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)
ENGINE_ENV = "KIOSK_SPEECH_ENGINE"
MOCK = "mock"  # Qt's test engine: it "speaks" any text (a word every 50-100 ms), silently
VOLUME_STEP = 0.1
MIN_VOLUME = 0.1  # never silent by accident: a visitor who cannot see the screen must hear it still works
# An engine that never reports the end (speech-dispatcher gone mid-sentence) must not hold the visit open.
GUARD_S = 10
GUARD_S_PER_WORD = 1
EVERY_LANGUAGE = "*"
ANSWER_S = 20  # the engine's first answer; later, the log says it did not come


def engine_name(settings: SpeechSettings) -> str:
    """The engine to ask Qt for; "" for the platform's default."""
    if settings.engine:
        return settings.engine
    if os.environ.get(ENGINE_ENV):
        return os.environ[ENGINE_ENV]
    return "speechd" if sys.platform.startswith("linux") else ""


class _Voice(QObject):
    """The engine, in the child process (`serve_voice`): what the kiosk asks for, and what the engine does."""

    ready = Signal(object)  # {language: locale name} ({"*": ""} for the mock), or None: no engine
    state_changed = Signal(str, int)  # "speaking", "ready" or "error"; the number of the text said last

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self._engine: QTextToSpeech | None = None
        self._said = 0

    @Slot()
    def start(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech  # here: the kiosk starts without it

        name = self._name
        if name and name not in QTextToSpeech.availableEngines():
            log.warning(
                "speech: the text-to-speech engine '%s' is not installed; nothing is read aloud", name
            )
            self.ready.emit(None)
            return
        engine = QTextToSpeech(name, self) if name else QTextToSpeech(self)
        if engine.state() == QTextToSpeech.State.Error:
            log.warning("speech: the engine '%s' does not work: %s", name, engine.errorString())
            self.ready.emit(None)
            return
        self._engine = engine
        engine.stateChanged.connect(self._on_state)
        self.ready.emit(_languages(engine))

    def _on_state(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        names = {QTextToSpeech.State.Speaking: "speaking", QTextToSpeech.State.Ready: "ready"}
        self.state_changed.emit(names.get(state, "error"), self._said)  # type: ignore[call-overload]

    @Slot(str, str, int)
    def say(self, text: str, locale: str, number: int) -> None:
        from PySide6.QtCore import QLocale

        self._said = number
        if self._engine is not None:
            if locale and self._engine.locale() != QLocale(locale):
                self._engine.setLocale(QLocale(locale))
            self._engine.say(text)

    @Slot()
    def stop(self) -> None:
        if self._engine is not None:
            self._engine.stop()

    @Slot(float)
    def set_volume(self, volume: float) -> None:
        if self._engine is not None:
            self._engine.setVolume(volume)


def _languages(engine: QTextToSpeech) -> dict[str, str]:
    """{language: the locale its voice speaks}: the language's own main country first (nl_NL, not nl_BE)."""
    from PySide6.QtCore import QLocale

    if engine.engine() == MOCK:  # the test engine reads any text: it stands for a voice in every language
        return {EVERY_LANGUAGE: ""}
    found: dict[str, QLocale] = {}
    for locale in engine.availableLocales():
        code = QLocale.languageToCode(locale.language(), QLocale.LanguageCodeType.ISO639Part1)
        if code and (code not in found or locale.territory() == QLocale(code).territory()):
            found[code] = locale
    return {code: locale.name() for code, locale in found.items()}


def serve_voice(name: str) -> int:
    """`kiosk speech-voice`: the engine in this process, one JSON object a line on stdin (say, stop,
    volume) and on stdout (ready, state); ends when stdin closes (the kiosk ended or let go of it)."""
    from PySide6.QtCore import QCoreApplication, QSocketNotifier, QTimer

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    voice = _Voice(name)

    def send(message: dict[str, Any]) -> None:
        try:
            sys.stdout.write(json.dumps(message) + "\n")
            sys.stdout.flush()
        except OSError:  # the kiosk let go of this process (it closed): nobody to tell, so end
            app.quit()

    unread = [b""]

    def read() -> None:
        data = os.read(sys.stdin.fileno(), 65536)  # not sys.stdin: its buffer would hide a second line
        if not data:
            app.quit()
            return
        *lines, unread[0] = (unread[0] + data).split(b"\n")
        for line in lines:
            message = json.loads(line)
            if "say" in message:
                voice.say(message["say"], message.get("locale", ""), message.get("part", 0))
            elif "stop" in message:
                voice.stop()
            elif "volume" in message:
                voice.set_volume(float(message["volume"]))

    voice.ready.connect(lambda locales: send({"ready": locales}))
    voice.state_changed.connect(lambda state, part: send({"state": state, "part": part}))
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(read)
    QTimer.singleShot(0, voice.start)
    return app.exec()


class Speech(QObject):
    """Says one text (or a few, each in its own language) at a time; a new text replaces the one being said.

    `prepare()` asks for the engine (its child process); until it answers, `available_languages()` is
    empty and `voices_found` says when that changes."""

    speaking_changed = Signal(bool)
    finished = Signal()  # an utterance (all its parts) was said to the end; not after stop()
    volume_changed = Signal(float)
    voices_found = Signal()  # the engine answered (with voices, or without an engine)
    said = Signal(str, str)  # text, language: handed to the engine just now
    engine_speaking = Signal()  # the engine says it speaks the text handed to it (the benchmark's end point)

    def __init__(
        self, clock: Clock, settings: SpeechSettings | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings or SpeechSettings()
        self._process: QProcess | None = None
        self._unread = b""  # the start of a line from the engine, until its end comes
        self._locales: dict[str, str] | None = None  # None: no answer from the engine (yet)
        self._queue: list[tuple[str, str]] = []
        self._speaking = False
        self._started = False  # the engine reported "speaking" for the part now being said
        self._part = 0  # that part's number: the engine's news about an earlier one is old news
        self._level = self.default_volume()
        self._guard = clock.timer(self)
        self._guard.timeout.connect(self._engine_silent)

    # -- the engine ----------------------------------------------------------------------------
    def set_settings(self, settings: SpeechSettings) -> None:
        """The site's `[speech]` (again, after staff saved); a changed engine is used from the next start."""
        self.settings = settings

    def prepare(self) -> None:
        """Ask for the engine, once: its process starts (speech on, and not asked yet)."""
        if self._process is not None or not self.settings.enabled:
            return
        process = self._process = QProcess(self)
        frozen = getattr(sys, "frozen", False)
        program = [sys.executable] if frozen else [sys.executable, "-m", "kiosk"]
        process.setProgram(program[0])
        process.setArguments([*program[1:], "speech-voice", engine_name(self.settings)])
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)  # its log: ours
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._engine_gone)
        process.errorOccurred.connect(self._engine_failed)
        process.start()
        self._guard.start(ANSWER_S * 1000)  # no answer in time: logged (and nothing offered)

    def shutdown(self) -> None:
        """The kiosk closes: its engine's process ends with it."""
        process, self._process = self._process, None
        self._guard.stop()
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.finished.disconnect(self._engine_gone)
            process.closeWriteChannel()  # the child ends when its input closes
            if not process.waitForFinished(1000):
                process.kill()
                process.waitForFinished(1000)

    def _send(self, message: dict[str, Any]) -> None:
        if self._process is not None and self._process.state() == QProcess.ProcessState.Running:
            self._process.write((json.dumps(message) + "\n").encode())

    def _read(self) -> None:
        if self._process is None:
            return
        self._unread += bytes(self._process.readAllStandardOutput().data())
        *lines, self._unread = self._unread.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue  # not the engine's (a library printing to stdout)
            if isinstance(message, dict) and "ready" in message:
                self._on_ready(message["ready"])
            elif isinstance(message, dict) and "state" in message:
                self._on_state(str(message["state"]), int(message.get("part", 0)))

    def _engine_failed(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            log.warning("speech: the engine's process did not start; nothing is read aloud")
            self._engine_gone()

    def _engine_gone(self) -> None:
        """The engine's process ended (or never started): no speech from here on."""
        if self._locales is None:
            self._on_ready(None)
        elif self._locales:
            log.warning("speech: the engine's process ended; nothing more is read aloud")
            self._locales = {}
            self.voices_found.emit()
        self.stop()

    def wait_ready(self, timeout_ms: int = 10_000) -> bool:
        """Ask for the engine and wait for its answer in a local event loop: for `selftest` and benchmarks,
        never the running kiosk. False when it did not answer in time."""
        from PySide6.QtCore import QEventLoop, QTimer

        self.prepare()
        if self._locales is None and self._process is not None:
            loop = QEventLoop()
            self.voices_found.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
        return self._locales is not None

    def _on_ready(self, locales: dict[str, str] | None) -> None:
        if self._locales is not None:
            return
        self._guard.stop()
        self._locales = locales or {}
        self._send({"volume": self._level})
        self.voices_found.emit()

    def available_languages(self) -> set[str]:
        """Languages this machine has a voice for; empty until the engine answered, or without one."""
        return set(self._locales or ()) if self.settings.enabled else set()

    def has_voice(self, language: str) -> bool:
        languages = self.available_languages()
        return language in languages or EVERY_LANGUAGE in languages

    def voices_line(self, offered: tuple[str, ...]) -> str:
        """For the log and `selftest`: which offered languages have a voice here, in English."""
        if not self.settings.enabled:
            return "speech: off ([speech] enabled = false)"
        name = engine_name(self.settings) or "the platform's"
        if self._locales is None:
            return f"speech ({name}): the engine did not answer"
        if not self._locales:
            return f"speech ({name}): no text-to-speech engine; nothing is read aloud"
        voiced = [lang for lang in offered if self.has_voice(lang)]
        silent = [lang for lang in offered if lang not in voiced]
        return f"speech ({name}): a voice for {', '.join(voiced) or 'none'}" + (
            f"; no voice for {', '.join(silent)}" if silent else ""
        )

    def status_nl(self, offered: tuple[str, ...], names: dict[str, str]) -> str:
        """For staff status ("Voorlezen: ..."), in plain Dutch: in which offered languages visitors can have
        the screen read aloud on this computer."""
        if not self.settings.enabled:
            return "staat uit"
        if self._locales is None:
            return "het spraakprogramma is nog niet klaar, of antwoordt niet"
        if not self._locales:
            return "werkt niet: deze computer heeft geen spraakprogramma. Vraag de beheerder om hulp."
        voiced = [names.get(lang, lang) for lang in offered if self.has_voice(lang)]
        silent = [names.get(lang, lang) for lang in offered if not self.has_voice(lang)]
        line = f"in het {_listed(voiced)}" if voiced else "in geen enkele taal"
        if silent:
            line += f"; geen stem voor het {_listed(silent)}, dus daar geen knop Lees voor"
        return line

    # -- speaking ------------------------------------------------------------------------------
    @property
    def speaking(self) -> bool:
        return self._speaking

    def say(self, text: str, language: str) -> bool:
        """Read `text` aloud in `language`, instead of whatever is being read; False when it cannot be."""
        return self.say_parts([(text, language)])

    def say_parts(self, parts: list[tuple[str, str]]) -> bool:
        """Read each text in its own language, one after the other (a slide not translated yet is Dutch
        on a Polish visit: read by the Dutch voice, not spelled out by the Polish one)."""
        parts = [(text.strip(), lang) for text, lang in parts if text.strip() and self.has_voice(lang)]
        if not parts:
            return False
        self._queue = parts
        self._set_speaking(True)
        self._next_part()
        return True

    def _next_part(self) -> None:
        text, lang = self._queue.pop(0)
        self._started = False
        self._part += 1
        self._send({"stop": 1})  # its "ready" is not the end of this part: `_started` is still False
        self._guard.start(round((GUARD_S + GUARD_S_PER_WORD * len(text.split())) * 1000))
        self.said.emit(text, lang)
        self._send({"say": text, "locale": (self._locales or {}).get(lang, ""), "part": self._part})

    def stop(self) -> None:
        """Silence now; `finished` does not follow."""
        self._queue.clear()
        self._guard.stop()
        self._started = False
        self._send({"stop": 1})
        self._set_speaking(False)

    def _on_state(self, state: str, part: int) -> None:
        if part != self._part:
            return
        if state == "speaking" and self._speaking:
            self._started = True
            self.engine_speaking.emit()
        elif state in ("ready", "error") and self._started:
            self._started = False
            self._part_done()

    def _part_done(self) -> None:
        """A part was said to the end: the next, or the end of the utterance."""
        if self._queue:
            self._next_part()
            return
        self._guard.stop()
        self._set_speaking(False)
        self.finished.emit()

    def _engine_silent(self) -> None:
        if self._locales is None:
            log.warning("speech: the engine did not answer in %d s; nothing is read aloud", ANSWER_S)
            return
        log.warning("speech: the engine did not finish in time; speech stopped")
        self.stop()

    def _set_speaking(self, speaking: bool) -> None:
        if speaking != self._speaking:
            self._speaking = speaking
            self.speaking_changed.emit(speaking)

    # -- volume --------------------------------------------------------------------------------
    def default_volume(self) -> float:
        return max(MIN_VOLUME, self.settings.volume / 100)

    @property
    def volume(self) -> float:
        return self._level

    def set_volume(self, volume: float) -> None:
        volume = round(min(1.0, max(MIN_VOLUME, volume)), 2)
        if volume != self._level:
            self._level = volume
            self._send({"volume": volume})
            self.volume_changed.emit(volume)

    def louder(self) -> None:
        self.set_volume(self._level + VOLUME_STEP)

    def softer(self) -> None:
        self.set_volume(self._level - VOLUME_STEP)

    def reset(self) -> None:
        """A new visit: silence, and the site's volume."""
        self.stop()
        self.set_volume(self.default_volume())


def _listed(names: list[str]) -> str:
    """ "Nederlands, Engels en Turks" """
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
