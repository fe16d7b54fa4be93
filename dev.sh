#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine with Python 3.11+:
#   ./dev.sh run [kiosk options]   install what the kiosk needs, then start it windowed on the built-in content
#   ./dev.sh test                  install what the tests need (with an X server and a window manager for
#                                  tests/display), then run every check CI runs
#   ./dev.sh translations          bring resources/i18n/kiosk_LL.ts up to date with the code, and list
#                                  what is left to translate
# System packages are installed with apt-get (through sudo when not root); Python packages go in .venv.
set -euo pipefail
cd "$(dirname "$0")"

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
# Qt's xcb platform plugin needs these on a real display; offscreen needs the GL/font ones.
RUN_PACKAGES=(libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0
              libwayland-client0 libwayland-cursor0
              libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0
              libxcb-xinerama0 libxcb-xkb1 libcups2
              libspeechd2 libpulse0 speech-dispatcher speech-dispatcher-espeak-ng)  # reading aloud

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "dev.sh: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 \
        || { as_root apt-get update -q >&2 && as_root apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; }
}

venv() {
    local extras="$1"
    if [ ! -x "$VENV/bin/python" ]; then
        "$PYTHON" -m venv "$VENV" 2>/dev/null || { apt_install python3-venv && "$PYTHON" -m venv "$VENV"; }
    fi
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".$extras"
}

case "${1:-}" in
run)
    shift
    apt_install "${RUN_PACKAGES[@]}"
    venv ""
    exec "$VENV/bin/python" -m kiosk --windowed "$@"
    ;;
test)
    # binutils: PyInstaller reads and strips binaries with it. tests/display runs the kiosk on a real X server
    # (xvfb) under a real window manager (openbox), drives it with xdotool and wmctrl, reads it back with
    # x11-utils (xprop, xwininfo; xmessage is the other window) and screenshots it with imagemagick.
    # tests/display also runs the frozen bundle under cage (xwayland; grim screenshots it), checks DPMS with
    # xset (x11-xserver-utils), and tests/packaging verifies the systemd units with systemd-analyze (systemd).
    # tests/speech records speech-dispatcher into a null sink of its own PulseAudio daemon (pulseaudio;
    # parec and pactl: pulseaudio-utils).
    apt_install "${RUN_PACKAGES[@]}" binutils xvfb openbox xdotool wmctrl x11-utils imagemagick \
        cage xwayland grim x11-xserver-utils systemd pulseaudio pulseaudio-utils
    eval "$(as_root bash .ci/setup-printer.sh)"   # a real CUPS queue "kiosk-pdf" printing to PDF
    export KIOSK_TEST_PDF_DIR
    venv "[test,build]"
    py="$VENV/bin/python"
    # One command per line: under `set -e` a failure inside `a && b && c` does not stop the script.
    echo "== ruff"
    "$py" -m ruff check .
    "$py" -m ruff format --check .
    echo "== mypy"
    "$py" -m mypy
    echo "== import contracts"
    "$VENV/bin/lint-imports"
    echo "== content model without Qt"
    KIOSK_FORBID_QT=1 "$py" -m pytest -q -p no:pytest-qt tests/content
    # The one-folder bundle (dist/kiosk and its tar.gz), and its selftest run from the frozen binary:
    # a data file, Qt plugin, library or hidden import the bundle lacks fails here.
    echo "== bundle"
    SECONDS=0
    "$VENV/bin/pyinstaller" --noconfirm --log-level WARN build.spec
    echo "built in ${SECONDS}s"
    echo "== bundle selftest"
    QT_QPA_PLATFORM=offscreen dist/kiosk/kiosk selftest
    export KIOSK_BUNDLE_DIR="$PWD/dist/kiosk"   # tests/packaging checks the built folder, and must find it
    echo "== all tests"
    "$py" -m pytest -q
    ;;
translations)
    venv ""
    exec "$VENV/bin/python" packaging/translations.py update
    ;;
*)
    echo "usage: ./dev.sh run [--content DIR] | ./dev.sh test | ./dev.sh translations" >&2
    exit 2
    ;;
esac
