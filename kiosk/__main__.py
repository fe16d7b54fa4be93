"""Command line: run the kiosk, or validate / preview / self-test a content folder."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__
from kiosk.resources import default_content_dir

if TYPE_CHECKING:
    from kiosk.content import Content
    from kiosk.ui.window import KioskWindow


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk",
        description="Wachtkamer kiosk. Without a command it runs the kiosk (fullscreen).",
        epilog="commands: validate DIR | shot --screen NAME --size WxH --out FILE.png | "
        "handout --out FILE.pdf | selftest | set-pin | stats --out FILE.csv | translations DIR | "
        "keys init|rotate KEYS_DIR | publish DIR --repo REPO --keys KEYS | fleet status|sync|rollback  "
        "(python -m kiosk COMMAND --help for more)",
    )
    parser.add_argument(
        "--content", type=Path, default=None, help="content folder (default: the built-in one)"
    )
    parser.add_argument(
        "--windowed", action="store_true", help="a normal window with a cursor, for trying it"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _validate(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk validate", description="Check a content folder; exit 0 when it has no errors."
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="check review dates as on this day (YYYY-MM-DD)",
    )
    args = parser.parse_args(argv)
    from kiosk.content import Severity, load_content
    from kiosk.content.review import review_problems

    content = load_content(args.folder)
    problems = [*content.problems, *review_problems(content, args.today or dt.date.today())]
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    print(f"{args.folder}: {len(content.slides)} slides usable, {errors} errors, {warnings} warnings")
    return 1 if errors else 0


def _offered_language(content: Content, wanted: str | None) -> str | None:
    """The language asked for (default: the site's), or None after saying it is not offered."""
    lang = wanted or content.site.kiosk.default_language
    if lang not in content.site.kiosk.languages:
        print(f"language '{lang}' is not offered by this content", file=sys.stderr)
        return None
    return lang


def _rendering_parser(command: str, description: str) -> argparse.ArgumentParser:
    """Options every rendering command shares: where to, from which content, in which language."""
    parser = argparse.ArgumentParser(prog=f"python -m kiosk {command}", description=description)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument(
        "--content", type=Path, default=None, help="content folder (default: the built-in one)"
    )
    parser.add_argument("--lang", default=None, help="language code, e.g. nl (default: the site's own)")
    return parser


def _offscreen_app() -> None:
    """For pictures and checks, not the kiosk: what they would keep (a lockout, the QR-code note) goes to a
    folder of their own, never to the running kiosk's state folder."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import atexit
    import shutil
    import tempfile

    state = os.environ["KIOSK_STATE_DIR"] = tempfile.mkdtemp(prefix="kiosk-state-")
    atexit.register(shutil.rmtree, state, True)


def _shot(argv: list[str]) -> int:
    from kiosk.shots import SCREEN_HELP

    parser = _rendering_parser("shot", "Render one screen to a PNG.")
    parser.add_argument("--screen", required=True, help=SCREEN_HELP)
    parser.add_argument("--size", default="1920x1080", help="WIDTHxHEIGHT, e.g. 1080x1920 for portrait")
    parser.add_argument("--large", action="store_true", help='with the visitor\'s large text ("A+")')
    parser.add_argument("--contrast", action="store_true", help="with the visitor's high contrast")
    args = parser.parse_args(argv)
    _offscreen_app()
    from kiosk.app import build_kiosk, create_application, dispose

    create_application()
    window = build_kiosk(args.content or default_content_dir(), windowed=True)
    try:
        return _render_shot(window, args)
    finally:
        dispose(window)


def _render_shot(window: KioskWindow, args: argparse.Namespace) -> int:
    from kiosk.shots import UnknownScreenError, parse_size, render

    lang = _offered_language(window.content, args.lang)
    if lang is None:
        return 2
    try:
        pixmap = render(window, args.screen, parse_size(args.size), lang, args.large, args.contrast)
    except (UnknownScreenError, ValueError) as err:
        print(err, file=sys.stderr)
        return 2
    if not pixmap.save(str(args.out)):
        print(f"cannot write {args.out}", file=sys.stderr)
        return 1
    print(args.out)
    return 0


def _handout(argv: list[str]) -> int:
    args = _rendering_parser(
        "handout", "Write the printed A4 handout to a PDF, as it would print."
    ).parse_args(argv)
    _offscreen_app()
    from kiosk.app import create_application
    from kiosk.render.handout import write_handout_pdf
    from kiosk.services.content_store import load_logged

    create_application()
    content = load_logged(args.content or default_content_dir())
    lang = _offered_language(content, args.lang)
    if lang is None:
        return 2
    try:
        write_handout_pdf(args.out, content, lang)
    except OSError as err:
        print(f"cannot write {args.out}: {err.strerror or err}", file=sys.stderr)
        return 1
    print(args.out)
    return 0


def _selftest(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk selftest",
        description="Start offscreen, render every screen, exit 0 or name what failed.",
    )
    parser.add_argument("--content", type=Path, default=None)
    args = parser.parse_args(argv)
    _offscreen_app()
    from kiosk.selftest import run_selftest

    return run_selftest(args.content or default_content_dir())


def _set_pin(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk set-pin",
        description="Set the staff PIN (6 to 8 digits, not easy to guess); only a salted hash is stored.",
    )
    parser.add_argument("--content", type=Path, default=None)
    args = parser.parse_args(argv)
    import getpass

    from kiosk.content.editing import ContentEditor
    from kiosk.services.pin import hash_pin, pin_weakness

    pin = getpass.getpass("Nieuwe pincode voor medewerkers (6 tot 8 cijfers): ")
    weakness = pin_weakness(pin)
    if weakness is not None:
        print(f"Niet ingesteld: {weakness}", file=sys.stderr)
        return 2
    if getpass.getpass("Nog een keer: ") != pin:
        print("De twee pincodes verschillen; er is niets veranderd.", file=sys.stderr)
        return 2
    result = ContentEditor(args.content or default_content_dir()).save_site({"staff.pin_hash": hash_pin(pin)})
    print("Pincode ingesteld." if result.saved else f"Niet opgeslagen: {result.message()}")
    return 0 if result.saved else 1


def _stats(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk stats",
        description="Write the anonymous counts per day to a CSV file; counts below 5 read '< 5'.",
    )
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--content", type=Path, default=None, help="for the slides' titles and the setting")
    args = parser.parse_args(argv)
    from kiosk.content import load_content
    from kiosk.services.counts import counts_path, read_counts, write_csv

    content = load_content(args.content or default_content_dir())
    if not content.site.stats_enabled:
        print("counting is off for this site ([stats] enabled = false in site.toml)", file=sys.stderr)
    try:
        rows = write_csv(args.out, read_counts(counts_path()), content)
    except OSError as err:
        print(f"cannot write {args.out}: {err.strerror or err}", file=sys.stderr)
        return 1
    print(f"{args.out}: {rows} rows")
    return 0


def _translations(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk translations",
        description="List the translations that are stale (their Dutch source changed since) or missing, "
        "in the languages offered to visitors; exit 0 when there are none. With --stamp, record in a "
        "translated file that it now follows the current Dutch text.",
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument(
        "--stamp", type=Path, metavar="FILE", help="a translated file, e.g. slides/010-welkom.en.md"
    )
    args = parser.parse_args(argv)
    from kiosk.content import load_content
    from kiosk.content.translations import StampError, stamp, translation_gaps

    if args.stamp is not None:
        path = args.stamp if args.stamp.is_absolute() or args.stamp.exists() else args.folder / args.stamp
        try:
            print(f"{path}: translated_from = {stamp(path)}")
        except StampError as err:
            print(err, file=sys.stderr)
            return 1
        return 0
    content = load_content(args.folder)
    gaps = translation_gaps(content)
    for gap in gaps:
        print(f"{gap.file}: {gap.state}")
    print(f"{args.folder}: languages offered {', '.join(content.visitor_languages())}; {len(gaps)} to do")
    return 1 if gaps else 0


def _can_sign() -> bool:
    """Signing needs `cryptography`, which the kiosk bundle leaves out (a kiosk only verifies)."""
    try:
        import cryptography  # noqa: F401
    except ImportError:
        print(
            "Publishing and keys need the kiosk installed with Python (pip install wachtkamer-kiosk, or "
            "./dev.sh run) on the publishing machine; the kiosk bundle only receives updates.",
            file=sys.stderr,
        )
        return False
    return True


def _keys(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk keys",
        description="The publisher's signing keys for fleet updates (The Update Framework).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init", help="make the four keys and the first root.json")
    init.add_argument("keys_dir", type=Path)
    rotate = commands.add_parser("rotate", help="replace one key: a new root version signed by old and new")
    rotate.add_argument("keys_dir", type=Path)
    rotate.add_argument("--role", required=True, choices=["root", "targets", "snapshot", "timestamp"])
    rotate.add_argument("--repo", required=True, type=Path, help="the published repository to re-sign")
    args = parser.parse_args(argv)
    if not _can_sign():
        return 2
    from kiosk.fleet.keys import KeysError, init_keys, rotate_key
    from kiosk.fleet.publish import check_rotation_keys, resign_after_rotation

    try:
        if args.command == "init":
            init_keys(args.keys_dir)
            print(KEEP_WHERE.format(keys=args.keys_dir))
        else:
            check_rotation_keys(args.keys_dir, args.role)
            root = rotate_key(args.keys_dir, args.role)
            resign_after_rotation(args.repo, args.keys_dir, args.role)
            print(
                f"{args.role} key replaced: root version {root.signed.version} is in "
                f"{args.keys_dir}/root.json and {args.repo}/metadata; copy {args.repo} to the web host. "
                "Kiosks follow by themselves."
            )
    except KeysError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


KEEP_WHERE = """Keys made in {keys}:
  root.pem, targets.pem        OFFLINE: copy them to two USB sticks kept in separate safes, then delete them
                               here. Needed to publish new content (targets) and to rotate keys (root).
  snapshot.pem, timestamp.pem  on the publishing machine, for `publish` and the daily `publish --refresh`.
  root.json, root-history/     not secret: keep them on the publishing machine (publish copies every root
                               version to the web host); root.json also goes into every site's bundle."""


def _publish(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk publish",
        description="Sign a content folder's slides, pictures and handout as a fleet update "
        "(site.toml stays with each site); the repository folder can be copied to any static web host.",
    )
    parser.add_argument("content", type=Path, nargs="?", help="content folder (not with --refresh)")
    parser.add_argument("--repo", required=True, type=Path, help="repository folder (made if new)")
    parser.add_argument("--keys", required=True, type=Path, help="keys folder from `keys init`")
    parser.add_argument("--channel", default="stable", help="e.g. stable or test (default: stable)")
    parser.add_argument("--reason", default=None, help="why slides past their review date go out anyway")
    parser.add_argument(
        "--refresh", action="store_true", help="only renew the timestamp (daily job); content is not read"
    )
    args = parser.parse_args(argv)
    if args.content is None and not args.refresh:
        parser.error("which content folder? (only --refresh goes without one)")
    if not _can_sign():
        return 2
    from kiosk.fleet.keys import KeysError
    from kiosk.fleet.publish import PublishError, publish_content, refresh

    try:
        if args.refresh:
            for warning in refresh(args.repo, args.keys):
                print(f"warning: {warning}")
            print(f"{args.repo}: timestamp renewed")
            return 0
        done = publish_content(args.content, args.repo, args.keys, args.channel, args.reason)
    except (PublishError, KeysError) as err:
        print(err, file=sys.stderr)
        return 1
    for label, names in (("added", done.added), ("changed", done.changed), ("removed", done.removed)):
        for name in names:
            print(f"{label}: {name}")
    for warning in done.warnings:
        print(f"warning: {warning}")
    print(f"{args.repo}: channel {args.channel} at version {done.version}")
    return 0


def _fleet(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk fleet",
        description="Content from the publisher ([fleet] in site.toml). status: what this kiosk has; "
        "sync: one check now; rollback: back to the previous kept version (and that one is not taken again).",
    )
    parser.add_argument("action", choices=("status", "sync", "rollback"))
    parser.add_argument(
        "--content", type=Path, default=None, help="content folder (default: the built-in one)"
    )
    args = parser.parse_args(argv)
    from kiosk.fleet.versions import Versions
    from kiosk.services import fleet_sync

    folder = args.content or default_content_dir()
    records = fleet_sync.FleetRecords(fleet_sync.fleet_state_dir())
    versions = Versions(folder)
    if args.action == "sync":
        outcome = fleet_sync.sync_once(folder, records)
        if outcome.kind in ("failed", "refused"):
            print(f"nothing taken ({outcome.kind}): {outcome.detail}", file=sys.stderr)
            return 1
        said = "new version taken" if outcome.kind == "staged" else "up to date"
        print(f"{said}: showing version {versions.current()}", *[outcome.detail] if outcome.detail else [])
        return 0
    if args.action == "rollback":
        was = versions.current()
        if was is None or versions.previous() is None:
            print("no earlier version is kept; nothing changed", file=sys.stderr)
            return 1
        back = fleet_sync.return_to_previous(versions, records, "rolled back by hand")
        records.note(outcome="returned", reason=f"Teruggezet van versie {was} naar versie {back}.")
        print(f"back to version {back} (version {was} will not be taken again)")
        return 0
    from kiosk.content.site import load_site

    settings, status = load_site(folder, []).fleet, records.status()
    for label, value in (
        ("url", settings.url or "(none: [fleet] url is not set)"),
        ("channel", settings.channel),
        ("current version", versions.current() or "(none: the site's own content)"),
        ("last sync", f"{status.get('last_sync', 'never')} {status.get('outcome', '')}".strip()),
        ("reason", status.get("reason") or "-"),
        ("metadata expires", status.get("expires", "unknown")),
        ("versions kept", ", ".join(map(str, versions.kept())) or "none"),
        ("never taken again", ", ".join(map(str, sorted(records.refused()))) or "none"),
    ):
        print(f"{label}: {value}")
    return 0


def _speech_voice(argv: list[str]) -> int:
    """Internal: the text-to-speech engine's own process, started by the kiosk (kiosk.services.speech)."""
    from kiosk.services.speech import serve_voice

    return serve_voice(argv[0] if argv else "")


COMMANDS = {
    "validate": _validate,
    "shot": _shot,
    "handout": _handout,
    "selftest": _selftest,
    "set-pin": _set_pin,
    "stats": _stats,
    "translations": _translations,
    "keys": _keys,
    "publish": _publish,
    "fleet": _fleet,
    "speech-voice": _speech_voice,
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from kiosk.logs import setup_logging

    if argv and argv[0] in COMMANDS:
        setup_logging(to_file=False)
        return COMMANDS[argv[0]](argv[1:])
    args = _parser().parse_args(argv)
    setup_logging()
    _stop_on_signals_while_starting()
    from kiosk.app import run

    return run(args.content or default_content_dir(), args.windowed)


def _stop_on_signals_while_starting() -> None:
    """SIGTERM or SIGINT while Qt is still loading (a second or so) ends the kiosk cleanly too; once the
    event loop runs, kiosk.app takes over the signals."""
    import logging
    import signal

    log = logging.getLogger("kiosk")

    def stop(signum: int, _frame: object) -> None:
        log.info("signal %d received: closing", signum)
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("kiosk starting")


if __name__ == "__main__":
    sys.exit(main())
