#!/usr/bin/env bash
# Installs (or updates) the kiosk on a Debian/Ubuntu PC. Run as root:
#   sudo ./install.sh [BUNDLE] [--session cage|x11] [--replace-content] [--no-apt] [--no-start]
# BUNDLE is dist/kiosk-SITE-VERSION-linux-x86_64.tar.gz or a dist/kiosk folder; without it, the folder this
# script sits in (kiosk/install/install.sh inside an unpacked archive).
#   /opt/wachtkamer-kiosk               the program (replaced on update)
#   /var/lib/wachtkamer-kiosk/content   the site's content, owned by the `kiosk` system user so staff mode
#                                       can save; seeded from the bundle once, kept on updates unless
#                                       --replace-content (the old one is kept beside it)
#   /etc/systemd/system/wachtkamer-kiosk.service   under cage on tty1 (default) or in an X session (x11)
# Before the service is (re)started, every library the bundle links must be found and `kiosk selftest`
# must pass on this machine; otherwise nothing is started and the script says why.
# --root DIR installs into DIR instead of / (an image being prepared, tests): no apt, no selftest as `kiosk`;
# the `kiosk` user is made in DIR's own user database (when run as root), the unit is enabled offline
# (systemctl --root), nothing is started.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
APP=opt/wachtkamer-kiosk
STATE=var/lib/wachtkamer-kiosk
UNIT=etc/systemd/system/wachtkamer-kiosk.service
USER_NAME=kiosk
bundle="" session=cage replace=0 apt=1 start=1 root=/

die() { echo "install.sh: $*" >&2; exit 1; }
say() { echo "install.sh: $*" >&2; }

while [ $# -gt 0 ]; do
    case "$1" in
    --session) session="${2:-}"; shift ;;
    --replace-content) replace=1 ;;
    --no-apt) apt=0 ;;
    --no-start) start=0 ;;
    --root) root="${2:-}"; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) bundle="$1" ;;
    esac
    shift
done
case "$session" in cage|x11) ;; *) die "--session must be cage or x11" ;; esac
[ -n "$root" ] && root="$(mkdir -p "$root" && cd "$root" && pwd)"
real=0; [ "$root" = / ] && real=1
[ "$real" = 0 ] || [ "$(id -u)" = 0 ] || die "run me as root (sudo $0 ...)"
[ -n "$bundle" ] || bundle="$HERE/.."

# 1. The bundle, unpacked into a staging folder next to its final place.
work="$root/$APP.new"
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
if [ -f "$bundle" ]; then
    tar -xzf "$bundle" -C "$work" --strip-components=1
elif [ -d "$bundle" ]; then
    [ -x "$bundle/kiosk" ] || die "$bundle is not a kiosk bundle"
    cp -a "$bundle/." "$work/"
else
    die "no bundle at $bundle"
fi
[ -x "$work/kiosk" ] && [ -d "$work/_internal/resources/content" ] || die "$bundle is not a kiosk bundle"
chmod -R u=rwX,go=rX "$work"

# 2. What the bundle leaves to the OS, and the session it runs in.
if [ "$real" = 1 ] && [ "$apt" = 1 ]; then
    packages=$(grep -v '^#' "$HERE/runtime-packages.txt" 2>/dev/null || grep -v '^#' "$work/install/runtime-packages.txt")
    if [ "$session" = cage ]; then packages="$packages cage"; else packages="$packages x11-xserver-utils"; fi
    say "apt-get install: $(echo $packages)"
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086  # one word per package
    apt-get install -y -q --no-install-recommends $packages >&2 \
        || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends $packages >&2; }
fi

# 3. Every library the bundle links must be found (ldd, with the bundle's own folder first).
missing=$(find "$work" -type f \( -name '*.so' -o -name '*.so.*' -o -name kiosk \) -print0 \
    | LD_LIBRARY_PATH="$work/_internal" xargs -0 -r ldd 2>/dev/null | awk '/not found/ {print $1}' | sort -u \
    || true)
[ -z "$missing" ] || die "libraries not found: $(echo $missing); install the packages in runtime-packages.txt"

# 4. The user the kiosk runs as; it owns the site's content so that staff mode can save. With --root, it is
#    made in DIR's own /etc/passwd (useradd --root), not on this machine.
has_user() {
    if [ "$real" = 1 ]; then getent passwd "$USER_NAME" >/dev/null
    else grep -q "^$USER_NAME:" "$root/etc/passwd" 2>/dev/null; fi
}
if ! has_user; then
    if [ "$real" = 1 ]; then
        useradd --system --user-group --home-dir "/$STATE" --create-home --shell /usr/sbin/nologin \
            --comment "Wachtkamer kiosk" "$USER_NAME"
        say "created system user $USER_NAME"
    elif [ "$(id -u)" = 0 ]; then
        mkdir -p "$root/etc"
        for db in passwd group; do [ -e "$root/etc/$db" ] || : >"$root/etc/$db"; done
        for db in shadow gshadow; do [ -e "$root/etc/$db" ] || install -m 640 /dev/null "$root/etc/$db"; done
        useradd --root "$root" --system --user-group --home-dir "/$STATE" --shell /usr/sbin/nologin \
            --comment "Wachtkamer kiosk" "$USER_NAME" 2> >(grep -v "missing or non-executable shell" >&2)
        say "created system user $USER_NAME in $root"
    else
        say "not run as root: the $USER_NAME user is not made in $root"
    fi
fi
if [ "$real" = 1 ]; then
    for group in video render input; do
        if getent group "$group" >/dev/null; then usermod -a -G "$group" "$USER_NAME"; fi
    done
fi
content="$root/$STATE/content"
new_content=0
if [ ! -d "$content" ] || [ "$replace" = 1 ]; then new_content=1; fi
tested="$content"
[ "$new_content" = 0 ] || tested="$work/_internal/resources/content"

# 5. The selftest, on this machine, as the kiosk user, before anything is replaced or started.
selftest=(env -u XDG_RUNTIME_DIR QT_QPA_PLATFORM=offscreen "$work/kiosk" selftest --content "$tested")
[ "$real" = 0 ] || selftest=(runuser -u "$USER_NAME" -- env "HOME=/$STATE" "${selftest[@]}")
"${selftest[@]}" >&2 || die "the selftest failed (above); nothing was changed"

# 6. Put the content and the program in place, install the unit, (re)start.
mkdir -p "$root/$STATE"
if [ "$new_content" = 1 ]; then
    [ ! -d "$content" ] || mv "$content" "$content.bak-$(date +%Y%m%d-%H%M%S)"
    cp -a "$work/_internal/resources/content" "$content"
    say "content from the bundle put in /$STATE/content"
else
    say "kept the site's content in /$STATE/content (--replace-content takes the bundle's)"
fi
if [ "$real" = 1 ]; then
    chown -R "$USER_NAME:$USER_NAME" "$root/$STATE"
elif has_user && [ "$(id -u)" = 0 ]; then   # by number: DIR's user is not this machine's
    chown -R "$(awk -F: -v u="$USER_NAME" '$1 == u {print $3 ":" $4}' "$root/etc/passwd")" "$root/$STATE"
fi
if [ -d "$root/$APP" ]; then
    rm -rf "$root/$APP.old" && mv "$root/$APP" "$root/$APP.old"
fi
mv "$work" "$root/$APP"
rm -rf "$root/$APP.old"
trap - EXIT
unit_source="$HERE/wachtkamer-kiosk.service"
[ "$session" = x11 ] && unit_source="$HERE/wachtkamer-kiosk-x11.service"
[ -f "$unit_source" ] || unit_source="$root/$APP/install/$(basename "$unit_source")"
install -D -m 644 "$unit_source" "$root/$UNIT"
say "installed /$UNIT ($session)"
if [ "$real" = 1 ]; then
    systemctl daemon-reload
    systemctl enable wachtkamer-kiosk.service >&2
    [ "$session" = x11 ] || systemctl set-default graphical.target >&2
    if [ "$start" = 1 ]; then systemctl restart wachtkamer-kiosk.service; say "started"; fi
elif command -v systemctl >/dev/null; then
    systemctl --root="$root" enable wachtkamer-kiosk.service >&2   # offline: the WantedBy= link only
fi
say "done: /$APP ($(cat "$root/$APP/install/VERSION" 2>/dev/null || echo 'version unknown'))"
