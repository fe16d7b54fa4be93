"""Every benchmark figure, several runs each in fresh processes, as one table with the floor beside it.

    python -m benchmarks              # the full set (about 15 minutes on a 2-core machine)
    python -m benchmarks --quick      # fewer runs and shorter soak/CPU windows: a smoke check
    python -m benchmarks --write      # also rewrite benchmarks/RESULTS.md

The floor is a bare PySide6 window doing the same work as the kiosk (started and painted; blending two
full-screen pixmaps; switching a stacked page and painting it; idle), measured in the same run and the
same way (the real clock, fresh processes), so a slow machine shows as a slow floor and the ratios stay
comparable.
Not part of the test run: timings on shared CI machines are too noisy to fail a build on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SCREEN = ROOT / "tests" / "offscreen-screen.json"
# The start on a 1920×1080 screen, as a kiosk starts on its own: the window is laid out once, for that
# screen (on the tests' 4K screen it would be laid out for 4K and then again for the size the probe sets).
FULL_HD_SCREEN = ROOT / "benchmarks" / "full-hd-screen.json"
# An installed kiosk runs from compiled bytecode (pip compiles on install; PyInstaller bundles .pyc). A
# machine with PYTHONDONTWRITEBYTECODE would otherwise compile every kiosk module from source on every
# start while PySide6, installed by pip, loads compiled: the probes get a bytecode cache of their own.
BYTECODE = Path(tempfile.gettempdir()) / "kiosk-bench-bytecode"


def probe(name: str, kind: str = "kiosk", state: Path | None = None, **options: object) -> dict[str, Any]:
    """Run one probe in a fresh process; its result is the JSON on its last line. `state`: the kiosk's
    state folder, kept between runs as an installed kiosk keeps it between starts (a new one each run
    otherwise)."""
    env = {
        **_installed_env(),
        "QT_QPA_PLATFORM": f"offscreen:configfile={FULL_HD_SCREEN if name == 'startup' else SCREEN}",
        "KIOSK_LOG_DIR": _scratch(),
    }
    if state is not None:
        env["KIOSK_STATE_DIR"] = str(state)
    command = [sys.executable, "-m", "benchmarks.probes", name, kind, json.dumps(options)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"probe {name} {kind} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _installed_env() -> dict[str, str]:
    """The environment with Python's bytecode cache on, as on an installed kiosk (see BYTECODE)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(BYTECODE)}


def _scratch() -> str:
    return tempfile.mkdtemp(prefix="kiosk-bench-")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def process_seconds(kiosk_args: list[str]) -> float:
    """Wall time of `python -m kiosk ARGS` in a fresh process, from before it starts until it exits."""
    env = {**_installed_env(), "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kiosk", *kiosk_args], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return time.perf_counter() - started


Run = dict[str, tuple[float, float | None]]  # figure key -> (kiosk, floor or None), from one run


@dataclass
class Figure:
    key: str
    name: str
    unit: str
    target: float
    how: str
    floor_name: str = ""
    results: list[tuple[float, float | None]] = field(default_factory=list)
    # Met when the median is at most this many times the floor's median (then `target` is not used): for a
    # figure that mostly depends on how fast the machine is, like starting a Python process.
    floor_ratio: float | None = None

    def kiosk(self) -> list[float]:
        return [r[0] for r in self.results]

    def floors(self) -> list[float]:
        return [r[1] for r in self.results if r[1] is not None]

    def ratio(self) -> float | None:
        floors = self.floors()
        return statistics.median(self.kiosk()) / statistics.median(floors) if floors else None

    def met(self) -> bool:
        if self.floor_ratio is not None:
            ratio = self.ratio()
            return ratio is not None and ratio <= self.floor_ratio
        return statistics.median(self.kiosk()) <= self.target

    def target_text(self) -> str:
        if self.floor_ratio is not None:
            return f"≤ {self.floor_ratio:g}× floor"
        return f"≤ {_fmt(self.target)} {self.unit}"


@dataclass
class Settings:
    runs: int
    slow_runs: int
    cpu_seconds: float
    loop_seconds: float
    transitions: int
    big_folder: Path
    photo_folder: Path
    scratch: Path


def _default_loop() -> tuple[float, int]:
    """The default content's attract loop today: its length in seconds (each slide's reading time), and
    how many slides it turns."""
    import datetime as dt

    from kiosk.content import load_content
    from kiosk.resources import default_content_dir

    slides = load_content(default_content_dir()).loop_slides(dt.date.today())
    return sum(slide.duration_s for slide in slides), len(slides)


CYCLE_S, SLIDES = _default_loop()
TRANSITION_MS = 450


def figures(s: Settings) -> list[Figure]:
    visitors = s.transitions // 20
    loop = "a whole cycle" if s.loop_seconds >= CYCLE_S else f"{s.loop_seconds:g} s"
    return [
        Figure(
            "start",
            "start to first slide painted",
            "s",
            0.5,
            "new process, offscreen on a 1920×1080 screen, default content; from before the process "
            "starts until the slideshow paints its first slide (not the background it shows while the "
            "worker renders it); "
            "the kiosk as installed (compiled bytecode) and as it starts every morning (its state folder "
            "from an earlier start: the site's QR code kept there); each kiosk run is paired with an "
            "empty-window run right after it",
            "empty window painted",
            floor_ratio=2.0,
        ),
        Figure("memory", "memory after start", "MB", 120, "peak RSS of those same processes", "empty window"),
        Figure(
            "growth",
            f"memory growth over {s.transitions:,} transitions",
            "MB",
            2,
            f"{visitors} signs/contact/idle-reset cycles mixed in, each slide waited for from the worker and "
            "painted; resident memory now (/proc/self/statm, not the peak) at the end minus after 1,000",
        ),
        Figure(
            "frame",
            "transition frame painted at 1920×1080 (p95)",
            "ms",
            8,
            "paintEvent time of every frame of 20 real cross-fades; the floor is a bare widget painting "
            "full-screen pixmap A, then pixmap B at an eased opacity, on a 16 ms timer, at 1920×1080",
            "two pixmaps blended",
        ),
        Figure(
            "tap",
            "tap to first frame of the new screen (p95)",
            "ms",
            50,
            "synthesised touch, from the finger lifting to the new screen's first paint: next slide, signs, "
            "back, contact, back (×12); the floor switches a QStackedLayout page of a full-screen pixmap and "
            "paints it, or (for the slide) starts the pixmap blend above",
            "page switched / blend started",
        ),
        Figure(
            "tap_shown",
            "tap to new screen fully shown (p95)",
            "ms",
            TRANSITION_MS + 50,
            f"the same taps, until the new screen is all there: a slide once its {TRANSITION_MS} ms "
            "cross-fade has painted its last frame, signs or contact once painted; the floor the same",
            "same steps, bare",
        ),
        Figure(
            "cpu_loop",
            "CPU while the attract loop runs",
            "% core",
            2.0,
            f"process CPU time over {loop} of the default content's loop at real speed (a slide change "
            f"with its {TRANSITION_MS} ms fade every ~{CYCLE_S / SLIDES:.0f} s: {SLIDES} slides in "
            f"{CYCLE_S:.0f} s), after 2 s of settling; the floor blends two "
            "full-screen pixmaps as often",
            "blend as often",
        ),
        Figure(
            "cpu",
            "CPU while one slide stands still",
            "% core",
            1.0,
            f"process CPU time over {s.cpu_seconds:g} s after 2 s of settling, the loop stopped by a "
            "visitor's first tap (the idle reset comes later)",
            "empty window",
        ),
        Figure(
            "photo_gap",
            "6000×4000 photos: longest gap between two frames of a fade",
            "ms",
            36,
            "the default content with a 6000×4000 JPEG on every slide (decoded on the slideshow's worker "
            "thread); 20 cross-fades while the next slides are decoded; a frame is due every 16 ms, so "
            "36 ms means a frame waited 20 ms; the floor is the bare pixmap blend",
            "two pixmaps blended",
        ),
        Figure(
            "photo_tap",
            "6000×4000 photos: longest tap to first frame of a new slide",
            "ms",
            20,
            "the tap run above on that content: the slowest of its 12 slide changes, from finger lifted to "
            "the first frame of the fade (the floor: its slowest blend start)",
            "blend started",
        ),
        Figure(
            "load",
            "200 slides with pictures: app load",
            "s",
            1.0,
            "default content plus 200 slides (JPEG 2400×1600, PNG 1200×900, SVG), loaded and validated "
            "in the running app until the first slide is painted",
        ),
        Figure(
            "validate",
            "200 slides with pictures: validate",
            "s",
            1.0,
            "`python -m kiosk validate` on that folder, in a new process",
        ),
        Figure(
            "handout", "handout to PDF", "s", 1.0, "`python -m kiosk handout --out x.pdf`, in a new process"
        ),
        *speech_figures(),
    ]


def speech_figures() -> list[Figure]:
    how = (
        "the kiosk showing its slides, its engine ready in its speech process (`kiosk speech-voice`); 20 "
        "Dutch slides, each reading stopped once it speaks; speech-dispatcher with espeak-ng into a null "
        "sink of a PulseAudio of its own (tests/speech/audio.py); the floor: say() to Speaking on "
        "QTextToSpeech('speechd') in an empty window's process"
    )
    return [
        Figure("speak", "tap on Lees voor to speaking (median)", "ms", 300,
               f"from the tap (ReadAloud.toggle) to the engine's state Speaking: {how}",
               "empty window, say() in process"),
        Figure("speak_p95", "tap on Lees voor to speaking (p95)", "ms", 300,
               "the same readings' 95th percentile", "empty window, say() in process"),
        Figure("speech_memory", "memory with speech in use (kiosk process)", "MB", 120,
               "peak RSS of the kiosk's process after those readings, started as every morning (its state "
               "folder kept, so the site's QR code comes from it; a first start encodes it, which loads "
               "segno and with it OpenSSL: about 5 MB more until the next start); its speech process apart: "
               "see the next row", "empty window with its engine"),
        Figure("speech_process", "memory of the speech process", "MB", 120,
               "peak RSS of the kiosk's speech process (QtTextToSpeech and the speechd plugin)", ""),
    ]  # fmt: skip


def measurements(s: Settings) -> list[tuple[int, Callable[[int], list[Run]], tuple[str, ...]]]:
    """(runs, how to do them, the figures they yield); each run yields one or more figures."""

    def repeat(one: Callable[[], Run]) -> Callable[[int], list[Run]]:
        return lambda runs: [one() for _ in range(runs)]

    started_before = s.scratch / "state"  # the kiosk as it starts every morning: installed, started before

    def start() -> Run:
        if not started_before.exists():
            _start("kiosk", started_before)
        kiosk, empty = _start("kiosk", started_before), _start("empty")
        return {
            "start": (kiosk["seconds"], empty["seconds"]),
            "memory": (kiosk["peak_rss_mb"], empty["peak_rss_mb"]),
        }

    def growth() -> Run:
        result = probe("soak", transitions=s.transitions, visitors=s.transitions // 20)
        return {"growth": (result["rss_end"] - result["rss_after_1000"], None)}

    def frame() -> Run:
        return {"frame": (p95(probe("frames")["frame_ms"]), p95(probe("frames", "empty")["frame_ms"]))}

    def tap() -> Run:
        kiosk, floor = probe("taps"), probe("taps", "empty")
        return {
            "tap": (p95(kiosk["first_ms"]), p95(floor["first_ms"])),
            "tap_shown": (p95(kiosk["shown_ms"]), p95(floor["shown_ms"])),
        }

    def photos() -> Run:
        frames, floor = probe("frames", content=str(s.photo_folder)), probe("frames", "empty")
        taps, floor_taps = probe("taps", content=str(s.photo_folder)), probe("taps", "empty")
        floor_starts = floor_taps["first_ms"][::5]  # the floor's slide change is the first of its five steps
        return {
            "photo_gap": (frames["gap_ms"], floor["gap_ms"]),
            "photo_tap": (max(taps["slide_first_ms"]), max(floor_starts)),
        }

    def cpu(runs: int) -> list[Run]:
        """Both figures run all their processes at once: a kiosk at rest or looping uses ~1 % of a core, so
        they barely compete; a full loop cycle is 2.5 minutes."""
        loop = {"seconds": s.loop_seconds, "looping": True, "cycle_s": CYCLE_S / SLIDES}
        still = {"seconds": s.cpu_seconds}
        with ThreadPoolExecutor(max_workers=4 * runs) as pool:
            jobs = {
                (figure, kind): [pool.submit(probe, "cpu", kind, None, **options) for _ in range(runs)]
                for figure, options in (("cpu_loop", loop), ("cpu", still))
                for kind in ("kiosk", "empty")
            }
            return [
                {
                    figure: (
                        jobs[(figure, "kiosk")][n].result()["cpu_percent"],
                        jobs[(figure, "empty")][n].result()["cpu_percent"],
                    )
                    for figure in ("cpu_loop", "cpu")
                }
                for n in range(runs)
            ]

    def load() -> Run:
        return {"load": (probe("load", folder=str(s.big_folder))["seconds"], None)}

    def validate() -> Run:
        return {"validate": (process_seconds(["validate", str(s.big_folder)]), None)}

    def handout() -> Run:
        return {"handout": (process_seconds(["handout", "--out", str(s.scratch / "handout.pdf")]), None)}

    def speak(runs: int) -> list[Run]:
        """A speech system of the benchmark's own for these probes (SPEECHD_ADDRESS, PULSE_SERVER)."""
        from tests.speech.audio import speech_system

        with speech_system(Path(_scratch())) as system:
            saved = dict(os.environ)
            os.environ.update(system.client_env())
            try:
                runs_done = []
                if not started_before.exists():
                    _start("kiosk", started_before)
                for _ in range(runs):
                    kiosk, floor = probe("speech", state=started_before), probe("speech", "empty")
                    runs_done.append({
                        "speak": (statistics.median(kiosk["say_ms"]), statistics.median(floor["say_ms"])),
                        "speak_p95": (p95(kiosk["say_ms"]), p95(floor["say_ms"])),
                        "speech_memory": (kiosk["peak_rss_mb"], floor["peak_rss_mb"]),
                        "speech_process": (kiosk["speech_process_mb"], None),
                    })  # fmt: skip
                return runs_done
            finally:
                os.environ.clear()
                os.environ.update(saved)

    return [
        (s.runs, repeat(start), ("start", "memory")),
        (s.slow_runs, repeat(growth), ("growth",)),
        (s.runs, repeat(frame), ("frame",)),
        (s.runs, repeat(tap), ("tap", "tap_shown")),
        (s.slow_runs, repeat(photos), ("photo_gap", "photo_tap")),
        (s.slow_runs, cpu, ("cpu_loop", "cpu")),
        (s.runs, repeat(load), ("load",)),
        (s.runs, repeat(validate), ("validate",)),
        (s.runs, repeat(handout), ("handout",)),
        (s.runs, speak, ("speak", "speak_p95", "speech_memory", "speech_process")),
    ]


def _start(kind: str, state: Path | None = None) -> dict[str, float]:
    started = time.perf_counter()  # CLOCK_MONOTONIC: the child's perf_counter reads the same clock
    result = probe("startup", kind, state)
    return {"seconds": result["painted_at"] - started, "peak_rss_mb": result["peak_rss_mb"]}


def _fmt(value: float) -> str:
    return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"


def table(rows: list[Figure]) -> str:
    lines = [
        "| figure | median | spread (min–max) | runs | floor (median) | ratio to floor | target | met |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for f in rows:
        kiosk = f.kiosk()
        median = statistics.median(kiosk)
        floors = f.floors()
        floor = statistics.median(floors) if floors else None
        ratio = f"{median / floor:.2f}×" if floor else "–"
        floor_text = f"{_fmt(floor)} {f.unit} ({f.floor_name})" if floor is not None else "–"
        spread = f"{_fmt(min(kiosk))}–{_fmt(max(kiosk))}"
        met = "yes" if f.met() else "**no**"
        lines.append(
            f"| {f.name} | **{_fmt(median)} {f.unit}** | {spread} | {len(kiosk)} "
            f"| {floor_text} | {ratio} | {f.target_text()} | {met} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory_kb = int(
        next(
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    )
    from PySide6 import __version__ as pyside

    return (
        f"{cpu}, {os.cpu_count()} cores, {memory_kb / 1e6:.0f} GB RAM; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}, PySide6 {pyside}, "
        "Qt's offscreen platform"
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, shorter windows: a smoke check")
    parser.add_argument("--write", action="store_true", help=f"also write {RESULTS.relative_to(ROOT)}")
    parser.add_argument("--only", metavar="KEYS", help="only these figures, e.g. start,memory")
    args = parser.parse_args()
    scratch = Path(_scratch())
    settings = Settings(
        runs=3 if args.quick else 7,
        slow_runs=2 if args.quick else 3,
        cpu_seconds=5.0 if args.quick else 30.0,
        loop_seconds=20.0 if args.quick else CYCLE_S,
        transitions=2000 if args.quick else 10_000,
        big_folder=scratch / "content-200",
        photo_folder=scratch / "content-photos",
        scratch=scratch,
    )
    rows = {f.key: f for f in figures(settings)}
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "kiosk", "benchmarks"],
        cwd=ROOT,
        env=_installed_env(),
        check=True,
    )  # see BYTECODE
    only = set(args.only.split(",")) if args.only else set(rows)
    if only - set(rows):
        parser.error(f"unknown figure(s) {', '.join(sorted(only - set(rows)))}; known: {', '.join(rows)}")
    if not only.isdisjoint({"load", "validate"}):
        probe("make_folder", folder=str(settings.big_folder))
    if not only.isdisjoint({"photo_gap", "photo_tap"}):
        probe("make_photo_folder", folder=str(settings.photo_folder))
    started = time.monotonic()
    for runs, measure, keys in measurements(settings):
        if only.isdisjoint(keys):
            continue
        for run in measure(runs):
            for key, figure in run.items():
                rows[key].results.append(figure)
        print(f"measured: {', '.join(keys)}", file=sys.stderr, flush=True)
    measured = [f for f in rows.values() if f.results]
    result = table(measured)
    print(result)
    if args.write:
        if measured != list(rows.values()):
            parser.error("--write needs every figure: leave out --only")
        write_results(measured, result, args.quick, time.monotonic() - started)
    return 0 if all(f.met() for f in measured) else 1


def _kept_sections() -> str:
    """Sections other runners write (`python -m benchmarks.fleet`: "## Fleet"), kept as they are."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    at = text.find("\n## Fleet")
    if at < 0:
        return ""
    end = text.find("\n## ", at + 1)  # what follows it is this runner's, and written anew
    return text[at:] if end < 0 else text[at:end] + "\n"


def write_results(rows: list[Figure], result: str, quick: bool, seconds: float) -> None:
    git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    command = "python -m benchmarks --write" + (" --quick" if quick else "")
    how = "\n".join(f"- **{f.name}:** {f.how}." for f in rows)
    RESULTS.write_text(
        "# Benchmark results\n\n"
        f"- **Date:** {dt.date.today().isoformat()} (commit {git.stdout.strip() or 'unknown'}, "
        f"{seconds / 60:.0f} minutes)\n"
        f"- **Machine:** {machine()}\n"
        f"- **Command:** `{command}`\n\n"
        "Each figure is the median of several runs, each in a fresh process, with the spread over those "
        "runs. A p95 figure is the 95th percentile within one run. The floor is a bare PySide6 window "
        "doing the same work in the same session, on the real clock, in fresh processes: started and "
        "painted; two full-screen pixmaps blended; a stacked page switched and painted; idle.\n\n"
        f"{result}\n\n## How each figure is measured\n\n{how}\n{_kept_sections()}",
        encoding="utf-8",
    )
    print(f"written to {RESULTS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
