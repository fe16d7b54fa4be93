"""A simulated fleet: 200 update clients on loopback polling one static web host.

    python -m benchmarks.fleet              # print the figures
    python -m benchmarks.fleet --write      # also write them into the "## Fleet" section of RESULTS.md

Each simulated kiosk has state folders of its own (trusted metadata and file cache) and runs the real
`check_for_update`; they poll in a bounded pool (PROCESSES processes of THREADS threads each, every check
with a timeout), all at once, which is harder on the host than kiosks spread over their poll interval.
The host is tests/fleet/server.py (a threaded http.server, counting requests and body bytes).
Not part of the test run: timings on shared machines are too noisy to fail a build on.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kiosk.fleet.client import FleetError, check_for_update
from kiosk.fleet.keys import init_keys, root_file
from kiosk.fleet.publish import publish_content
from tests.fleet.server import RepoServer

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
KIOSKS = 200
PROCESSES = 4  # the fleet's share of a 2-core machine, with the host in the parent process
THREADS = 10  # concurrent checks per process: 40 kiosks polling at the same instant
TIMEOUT_S = 30  # per check, as on a kiosk
ROUND_LIMIT_S = 600  # a round that takes longer than this is a failure, not a figure
SLIDE = "slides/010-welkom.nl.md"


@dataclass
class Round:
    name: str
    seconds: float  # from the first poll started until the last kiosk had its answer
    requests: int  # at the host, all kiosks together
    body_bytes: int
    target_bytes: int  # of which content files (the rest is metadata)
    versions: set[int]
    failures: list[str]

    def per_poll(self) -> tuple[float, float]:
        return self.requests / KIOSKS, self.body_bytes / KIOSKS


def _poll_group(url: str, states: list[str]) -> list[tuple[int, str]]:
    """One worker process: a check for each kiosk of its group, THREADS at a time."""

    def one(state: str) -> tuple[int, str]:
        folder = Path(state)
        try:
            update = check_for_update(
                url, "stable", folder / "metadata", folder / "cache", timeout_s=TIMEOUT_S
            )
        except FleetError as err:
            return 0, err.reason
        return update.version, ""

    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(one, states))


def poll_all(name: str, server: RepoServer, states: list[Path], workers: ProcessPoolExecutor) -> Round:
    server.reset_counts()
    groups = [[str(s) for s in states[i::PROCESSES]] for i in range(PROCESSES)]
    started = time.perf_counter()
    futures = [workers.submit(_poll_group, server.url, group) for group in groups]
    results = [r for f in futures for r in f.result(timeout=ROUND_LIMIT_S)]
    seconds = time.perf_counter() - started
    counts = server.reset_counts()
    failures = [reason for _, reason in results if reason]
    files = sum(
        (server.root / p.lstrip("/")).stat().st_size for p in counts.requests if p.startswith("/targets/")
    )
    versions = {v for v, _ in results}
    return Round(name, seconds, len(counts.requests), counts.body_bytes, files, versions, failures)


def run() -> list[Round]:
    work = Path(tempfile.mkdtemp(prefix="kiosk-fleet-bench-"))
    try:
        content, keys, repo = work / "content", work / "keys", work / "repo"
        shutil.copytree(ROOT / "resources" / "content", content)
        init_keys(keys)
        repo.mkdir()
        publish_content(content, repo, keys)
        states = []
        for n in range(KIOSKS):
            state = work / "kiosks" / f"{n:03}"
            (state / "metadata").mkdir(parents=True)
            shutil.copyfile(root_file(keys), state / "metadata" / "root.json")
            states.append(state)
        server = RepoServer(repo)
        try:
            with ProcessPoolExecutor(PROCESSES) as workers:
                rounds = [poll_all("first sync (whole content)", server, states, workers)]
                rounds.append(poll_all("poll, nothing changed", server, states, workers))
                slide = content / SLIDE
                slide.write_text(slide.read_text(encoding="utf-8") + "\nEen zin erbij.\n", encoding="utf-8")
                publish_content(content, repo, keys)
                rounds.append(poll_all("poll after a one-slide change", server, states, workers))
        finally:
            server.stop()
        return rounds
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(rounds: list[Round]) -> str:
    lines = [
        "## Fleet",
        "",
        f"{KIOSKS} simulated kiosks (`python -m benchmarks.fleet`), each with its own state folders, running "
        "the real `check_for_update` against one threaded web host on loopback (tests/fleet/server.py); all "
        f"poll at once, {PROCESSES} processes × {THREADS} concurrent checks. Default content (96 files).",
        "",
        "| round | requests per kiosk | bytes per kiosk (files) | all 200 done in | versions | failures |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in rounds:
        requests, body = r.per_poll()
        lines.append(
            f"| {r.name} | {requests:.1f} | {body:,.0f} ({r.target_bytes / KIOSKS:,.0f}) | "
            f"{r.seconds:.1f} s | {', '.join(map(str, sorted(r.versions)))} | {len(r.failures)} |"
        )
    lines += [
        "",
        "A poll when nothing changed is two requests: the next root version (404: no new root) and "
        "timestamp.json; the rest comes from the kiosk's trusted metadata and cache. A one-slide change adds "
        "the new snapshot, the new targets metadata (one role lists every file of every channel, so it is "
        "most of the bytes; hash-bin delegation would split it if the content grows a lot) and that one "
        "slide's file. In the field kiosks poll every 5 minutes with jitter, so a new version reaches the "
        "whole fleet within one poll interval plus the time above.",
    ]
    return "\n".join(lines) + "\n"


def write_results(section: str) -> None:
    text = RESULTS.read_text(encoding="utf-8")
    text = re.sub(r"\n## Fleet\n.*?(?=\n## |\Z)", "", text, flags=re.S).rstrip("\n")
    RESULTS.write_text(f"{text}\n\n{section}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fleet", description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the figures into benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    rounds = run()
    section = report(rounds)
    print(section)
    if args.write:
        write_results(section)
    return 1 if any(r.failures for r in rounds) else 0


if __name__ == "__main__":
    sys.exit(main())
