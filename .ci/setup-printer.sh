#!/usr/bin/env bash
# Set up a real CUPS print queue "kiosk-pdf" (cups-pdf backend) for CI/tests.
#
#  - installs cups, printer-driver-cups-pdf, poppler-utils (apt-get update only if needed)
#  - starts cupsd without systemd and waits for the scheduler
#  - points cups-pdf output at a fixed, world-writable directory
#  - creates/updates the queue (A4 default) and makes it the default destination
#  - for the failure tests: kiosk-states (cups-pdf, rejected and stopped by the tests), and the test
#    backend .ci/kiosktest-backend with two queues on it: kiosk-fail (the printer cannot be reached)
#    and kiosk-nopaper (out of paper)
#
# Idempotent: safe to run any number of times. Must run as root.
# Last line on stdout:  KIOSK_TEST_PDF_DIR=<dir where printed PDFs land>
# See .ci/PRINTER-NOTES.md for details.
set -euo pipefail

QUEUE="${KIOSK_PRINTER_QUEUE:-kiosk-pdf}"
OUT_DIR="${KIOSK_TEST_PDF_DIR:-/var/spool/cups-pdf/out}"
CUPS_PDF_CONF=/etc/cups/cups-pdf.conf
PKGS=(cups printer-driver-cups-pdf poppler-utils)
START_TIMEOUT="${KIOSK_CUPSD_TIMEOUT:-30}"

log() { echo "[setup-printer] $*" >&2; }
die() { echo "[setup-printer] ERROR: $*" >&2; exit 1; }

[[ "$(id -u)" == 0 ]] || die "must run as root"
export PATH="$PATH:/usr/sbin:/sbin"

# --- 1. packages --------------------------------------------------------------
export DEBIAN_FRONTEND=noninteractive
missing=()
for p in "${PKGS[@]}"; do
    if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -qx 'install ok installed'; then
        missing+=("$p")
    fi
done
if ((${#missing[@]})); then
    log "installing: ${missing[*]}"
    apt_install() {
        apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 \
            -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
            "${missing[@]}" >&2
    }
    # Only run 'apt-get update' when the package lists don't know the packages
    # or the install fails (e.g. stale lists pointing at removed .debs).
    if ! apt-cache show "${missing[@]}" >/dev/null 2>&1 || ! apt_install; then
        log "apt-get update (package lists missing or stale)"
        apt-get update -q -o DPkg::Lock::Timeout=300 >&2
        apt_install
    fi
fi
for b in cupsd lpadmin lpinfo lpstat cupsenable cupsaccept pdfinfo pdftotext; do
    command -v "$b" >/dev/null 2>&1 || [[ -x "/usr/sbin/$b" ]] || die "$b not found after install"
done

# --- 2. cups-pdf output directory (before cupsd/jobs) ---------------------------
[[ -f "$CUPS_PDF_CONF" ]] || die "$CUPS_PDF_CONF missing (printer-driver-cups-pdf not installed?)"
set_cups_pdf_opt() { # key value   -> replaces '#key ...' / 'key ...' line, or appends
    local key="$1" val="$2"
    if grep -Eq "^[[:space:]]*${key}[[:space:]]+" "$CUPS_PDF_CONF"; then
        sed -i -E "s|^[[:space:]]*${key}[[:space:]].*|${key} ${val}|" "$CUPS_PDF_CONF"
    else
        [[ -z "$(tail -c1 "$CUPS_PDF_CONF")" ]] || echo >>"$CUPS_PDF_CONF"
        printf '%s %s\n' "$key" "$val" >>"$CUPS_PDF_CONF"
    fi
}
set_cups_pdf_opt Out "$OUT_DIR"
# Label 2: always append the job id -> "<title>-job_<id>.pdf"; never overwrites
# an earlier job's file that had the same title.
set_cups_pdf_opt Label 2
# TitlePref 1: name the file after the CUPS job title (Qt: QPrinter.docName(),
# lp: file name / -t) instead of the PS %%Title, which after pdftops picks up junk
# (a PDF "foo.pdf" printed with lp became "foo.pdf___enable-job_1.pdf").
set_cups_pdf_opt TitlePref 1
# Output files world-readable (default 0077 -> 0600 owned by the job's user).
set_cups_pdf_opt UserUMask 0022
mkdir -p "$OUT_DIR"
chmod 1777 "$OUT_DIR"

# --- 3. cupsd (no systemd) ----------------------------------------------------
scheduler_running() { lpstat -r 2>/dev/null | grep -qx 'scheduler is running'; }
if ! scheduler_running; then
    mkdir -p /run/cups /var/spool/cups /var/cache/cups /var/log/cups
    # A live (non-zombie) cupsd from the pid file? (a killed cupsd can linger as
    # a zombie until PID 1 reaps it, so don't trust /proc/<pid> existing alone)
    pid="$(cat /run/cups/cupsd.pid 2>/dev/null || true)"
    stat="$(cat "/proc/${pid:-0}/stat" 2>/dev/null || true)"
    if [[ "$stat" == *"(cupsd) "[RSD]* ]]; then
        log "cupsd process exists but scheduler not answering yet; waiting"
    else
        log "starting cupsd"
        /usr/sbin/cupsd || die "cupsd failed to start (see /var/log/cups/error_log)"
    fi
    deadline=$((SECONDS + START_TIMEOUT))
    until scheduler_running; do
        if ((SECONDS >= deadline)); then
            tail -n 30 /var/log/cups/error_log >&2 2>/dev/null || true
            die "CUPS scheduler not running after ${START_TIMEOUT}s"
        fi
        sleep 0.5
    done
fi
log "$(lpstat -r)"

# --- 4. queue -----------------------------------------------------------------
MODEL="$(lpinfo -m 2>/dev/null | awk '$1 ~ /CUPS-PDF_opt\.ppd$/ {print $1; exit}')"
[[ -n "$MODEL" ]] || MODEL="$(lpinfo -m 2>/dev/null | awk '$1 ~ /CUPS-PDF.*\.ppd$/ {print $1; exit}')"
[[ -n "$MODEL" ]] || die "no cups-pdf PPD found in 'lpinfo -m'"
log "queue $QUEUE: model $MODEL"
# (lpadmin -m prints "Printer drivers are deprecated" on CUPS 2.4; harmless)
# TitlePref=1 / Label=2 are PPD options of CUPS-PDF_opt.ppd and override the
# same keys in cups-pdf.conf. pdftops-renderer=pdftocairo keeps text extractable
# (default "hybrid" goes through Ghostscript ps2write -> Type 3 fonts, pdftotext
# then yields garbage).
if ! out="$(lpadmin -p "$QUEUE" -E -v cups-pdf:/ -m "$MODEL" \
    -o PageSize=A4 -o media=A4 -o TitlePref=1 -o Label=2 \
    -o pdftops-renderer-default=pdftocairo -o printer-is-shared=false 2>&1)"; then
    echo "$out" >&2
    die "lpadmin failed to create/update queue $QUEUE"
fi
grep -v -i 'drivers are deprecated' <<<"$out" >&2 || true
lpstat -v "$QUEUE" >/dev/null 2>&1 || die "queue $QUEUE was not created"
cupsenable "$QUEUE"
cupsaccept "$QUEUE"
lpadmin -d "$QUEUE"
# A stale client-side "Default" (lpoptions -d) would override the server default.
for f in /etc/cups/lpoptions "${HOME:-/root}/.cups/lpoptions"; do
    if [[ -f "$f" ]]; then sed -i -E '/^Default[[:space:]]/d' "$f"; fi
done

# --- 5. queues for the failure tests in tests/ui/test_printing.py ---------------------
# kiosk-states: another cups-pdf queue, which the tests reject (cupsreject) and stop (cupsdisable)
# and then restore, so that kiosk-pdf itself never changes state under a test running alongside.
if ! out="$(lpadmin -p kiosk-states -E -v cups-pdf:/ -m "$MODEL" \
    -o PageSize=A4 -o media=A4 -o TitlePref=1 -o Label=2 \
    -o pdftops-renderer-default=pdftocairo -o printer-is-shared=false 2>&1)"; then
    echo "$out" >&2
    die "lpadmin failed to create/update queue kiosk-states"
fi
cancel -a kiosk-states 2>/dev/null || true
cupsenable kiosk-states
cupsaccept kiosk-states
# A backend that fails at once (kiosktest:/fail) or reports an empty paper tray and waits
# (kiosktest:/nopaper). Mode 0755: CUPS runs it as the unprivileged lp user. No PPD (a raw
# queue, which takes the PDF as it is). The error policy is set explicitly: the tests change it.
install -m 0755 "$(dirname "${BASH_SOURCE[0]}")/kiosktest-backend" /usr/lib/cups/backend/kiosktest
for spec in kiosk-fail:fail kiosk-nopaper:nopaper; do
    name="${spec%%:*}"
    cancel -a "$name" 2>/dev/null || true
    if ! out="$(lpadmin -p "$name" -E -v "kiosktest:/${spec#*:}" -o printer-error-policy=retry-job \
        -o printer-is-shared=false 2>&1)"; then
        echo "$out" >&2
        die "lpadmin failed to create/update queue $name"
    fi
    cupsenable "$name"
    cupsaccept "$name"
done

default="$(lpstat -d 2>/dev/null || true)"
[[ "$default" == *": $QUEUE" ]] || die "default destination is not $QUEUE ($default)"
state="$(lpstat -p "$QUEUE" 2>&1 || true)"
[[ "$state" == *enabled* ]] || die "queue $QUEUE not enabled: $state"
log "ready: ${state%%$'\n'*}"

echo "KIOSK_TEST_PDF_DIR=$OUT_DIR"
