#!/usr/bin/env bash
# Regenerate the screenshots of docs/staff-guide.md (1280x800 PNGs in docs/img/) with `python -m kiosk shot`,
# from a copy of the built-in example content with a staff PIN set (as after installing).
# Run from anywhere:  bash docs/make-screenshots.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${1:-${PYTHON:-python}}"
export QT_QPA_PLATFORM=offscreen
content="$(mktemp -d)/content"
trap 'rm -rf "$(dirname "$content")"' EXIT
cp -r resources/content "$content"
"$PYTHON" -c 'import sys
from kiosk.content.editing import ContentEditor
from kiosk.services.pin import hash_pin
assert ContentEditor(sys.argv[1]).save_site({"staff.pin_hash": hash_pin("482617")}).saved' "$content"
for screen in pin staff:slides staff:contact staff:kiosk staff:status; do
    "$PYTHON" -m kiosk shot --content "$content" --screen "$screen" --size 1280x800 \
        --out "docs/img/${screen/:/-}.png" >/dev/null 2>&1 || {
        echo "shot --screen $screen failed" >&2
        exit 1
    }
done
echo "docs/img/: $(ls docs/img | tr '\n' ' ')"
