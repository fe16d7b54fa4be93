#!/usr/bin/env bash
# Regenerate the screenshots of docs/staff-guide.md (1280x800 PNGs in docs/img/) with `python -m kiosk shot`,
# from the built-in example content. Run from anywhere:  bash docs/make-screenshots.sh  [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${1:-${PYTHON:-python}}"
export QT_QPA_PLATFORM=offscreen
for screen in pin staff:slides staff:contact staff:kiosk staff:status; do
    "$PYTHON" -m kiosk shot --screen "$screen" --size 1280x800 --out "docs/img/${screen/:/-}.png" >/dev/null
done
echo "docs/img/: $(ls docs/img | tr '\n' ' ')"
