#!/usr/bin/env bash
# Set up and run Fokus from a checkout.
#
#   ./fokus.sh run [ARGS...]     create .venv if needed, then start Fokus (or: fokus ARGS)
#   ./fokus.sh test [PYTEST...]  create .venv if needed, then run the whole test suite
#   ./fokus.sh unit [PYTEST...]  the fast layer only: the core, no Qt, no X (seconds)
#   ./fokus.sh bench [startup|input|report|fast|growth|charts|git]  run the benchmarks (all by default)
#   ./fokus.sh screenshots       make the README's screenshots (docs/screenshots/)
#
# System packages (Qt's X11 libraries; for the tests Xvfb, a tray host, xdotool,
# dunst, and a headless GNOME Shell with the AppIndicator extension) are
# installed with apt-get when run as root, and named otherwise.
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=${FOKUS_VENV:-.venv}

RUN_PACKAGES=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-shape0
  libxcb-xkb1 libx11-xcb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
TEST_PACKAGES=(xvfb trayer xdotool x11-utils imagemagick dunst dbus libnotify-bin git
  desktop-file-utils appstream poppler-utils faketime
  gnome-shell gnome-shell-extension-appindicator gjs mutter gsettings-desktop-schemas
  libglib2.0-bin util-linux systemd syncthing python3-pyatspi at-spi2-core
  gnome-settings-daemon-common python3-gi)

say() { printf 'fokus.sh: %s\n' "$*" >&2; }

check_python() {
  if ! command -v "$PYTHON" >/dev/null; then
    say "Python 3.11 or newer is needed: sudo apt-get install python3 python3-venv"
    exit 1
  fi
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    say "Python 3.11 or newer is needed; $PYTHON is $("$PYTHON" -V 2>&1)"
    exit 1
  fi
}

missing_packages() {
  command -v dpkg-query >/dev/null || return 0
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || printf '%s ' "$pkg"
  done
}

ensure_system() {
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing system packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    say "these system packages are missing; install them with:"
    say "  sudo apt-get install $missing"
    exit 1
  fi
}

ensure_venv() {
  local extra=$1 stamp
  stamp="$VENV/.fokus-$extra-$(sha256sum pyproject.toml | cut -c1-16)"
  [ -f "$stamp" ] && return 0
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment in $VENV"
    if ! "$PYTHON" -m venv "$VENV"; then
      say "cannot create a virtual environment: sudo apt-get install python3-venv"
      exit 1
    fi
  fi
  say "installing Fokus and its Python dependencies ($extra)"
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  if [ "$extra" = run ]; then
    "$VENV/bin/python" -m pip install -q -e .
  else
    "$VENV/bin/python" -m pip install -q -e ".[$extra]"
  fi
  rm -f "$VENV"/.fokus-"$extra"-*
  touch "$stamp"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  run)
    check_python
    ensure_system "${RUN_PACKAGES[@]}"
    ensure_venv run
    exec "$VENV/bin/fokus" "$@"
    ;;
  test)
    check_python
    ensure_system "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ensure_venv test
    # The slowest tests are listed at the end: the whole suite has a 15-minute budget.
    exec "$VENV/bin/python" -m pytest --durations=20 "$@"
    ;;
  unit)
    check_python
    ensure_venv test
    # One worker a core (pytest-xdist): the layer's 30-second budget on two cores.
    exec "$VENV/bin/python" -m pytest -q -n auto tests/unit "$@"
    ;;
  bench)
    check_python
    ensure_system "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ensure_venv test
    which=${1:-all}
    [ $# -gt 0 ] && shift
    status=0
    # Every mode adds its headline rows here; one table of them all at the end.
    summary=$(mktemp "${TMPDIR:-/tmp}/fokus-bench-XXXXXX.jsonl")
    export FOKUS_BENCH_SUMMARY=$summary
    # Each mode and its script, in the order "all" runs them.
    found=0
    for pair in startup:run input:input fast:fast growth:growth charts:charts \
                report:report git:git_idle; do
      mode=${pair%%:*}
      if [ "$which" = all ] || [ "$which" = "$mode" ]; then
        found=1
        "$VENV/bin/python" "benchmarks/${pair#*:}.py" "$@" || status=1
        echo
      fi
    done
    if [ "$found" = 0 ]; then
      rm -f "$summary"
      say "unknown benchmark: $which (startup, input, fast, growth, charts, report, git)"
      exit 2
    fi
    "$VENV/bin/python" benchmarks/table.py "$summary" || status=1
    rm -f "$summary"
    exit $status
    ;;
  screenshots)
    check_python
    ensure_system "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ensure_venv test
    exec "$VENV/bin/python" packaging/screenshots.py "$@"
    ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
