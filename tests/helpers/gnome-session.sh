#!/bin/bash
# A throwaway headless GNOME Shell session on Wayland, the default Ubuntu desktop: Ubuntu's
# AppIndicator extension (the StatusNotifierItem tray), GNOME's notification server, Mutter's idle
# monitor, and --unsafe-mode so that org.gnome.Shell.Screenshot and Eval answer. Run as root.
#
# Usage: gnome-session.sh READY_FILE
#   Once the shell and its tray answer, writes READY_FILE (KEY=VALUE lines: PID, a process inside the
#   session's mount namespace, and the WAYLAND_DISPLAY, DBUS_SESSION_BUS_ADDRESS and XDG_RUNTIME_DIR
#   that clients need), then keeps the session until its standard input closes.
#   Other processes join it with `nsenter -t PID -m` and that environment.
#
# How: a private mount namespace hides the host's /run/systemd (so the shell takes its logind-free
# path) and puts a private system bus at /run/dbus; dbus-run-session gives a private session bus.
set -u
ready=${1:?usage: gnome-session.sh READY_FILE}
if [[ ${FOKUS_GNOME_STAGE:-} == "" ]]; then
  command -v gnome-shell >/dev/null || { echo "gnome-session: gnome-shell is not installed" >&2; exit 2; }
  export FOKUS_GNOME_STAGE=namespace
  exec unshare -m "$0" "$@"
fi
if [[ $FOKUS_GNOME_STAGE == namespace ]]; then
  mount -t tmpfs none /run/systemd 2>/dev/null
  mkdir -p /run/dbus && mount -t tmpfs none /run/dbus || { echo "gnome-session: cannot mount /run/dbus" >&2; exit 2; }
  conf=$(mktemp --suffix=.conf)
  # Without the receive rule (eavesdrop) calls on the system bus hang until a 25 s timeout.
  cat >"$conf" <<'XML'
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>system</type><listen>unix:path=/run/dbus/system_bus_socket</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/><allow user="*"/></policy></busconfig>
XML
  syspid=$(dbus-daemon --config-file="$conf" --fork --print-pid)
  export FOKUS_GNOME_STAGE=session
  dbus-run-session -- "$0" "$@"; rc=$?
  kill "$syspid" 2>/dev/null; rm -f "$conf"
  exit $rc
fi

# Inside the namespace and the session bus.
runtime=$(mktemp -d)
chmod 700 "$runtime"
export XDG_RUNTIME_DIR=$runtime XDG_SESSION_TYPE=wayland XDG_CURRENT_DESKTOP=GNOME
# The session's settings live and die with it (dconf's service is started by the bus, so the bus
# must know where): nothing is written to the real user's settings.
export XDG_CONFIG_HOME=$runtime/config
mkdir -p "$XDG_CONFIG_HOME"
dbus-update-activation-environment XDG_CONFIG_HOME
# A folder of .desktop files the shell watches from its start: a test installs Fokus's there.
export XDG_DATA_DIRS=$runtime/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}
mkdir -p "$runtime/share/applications" "$runtime/share/icons"
gsettings set org.gnome.shell enabled-extensions "['ubuntu-appindicators@ubuntu.com']"
gsettings set org.gnome.shell disable-user-extensions false
gnome-shell --headless --wayland --no-x11 --unsafe-mode --virtual-monitor 1366x768 \
  --wayland-display wayland-0 >"$runtime/shell.log" 2>&1 &
shell=$!
finish() { kill "$shell" 2>/dev/null; wait "$shell" 2>/dev/null; rm -rf "$runtime"; }
trap finish EXIT

answers() { gdbus introspect --session --dest "$1" --object-path "$2" >/dev/null 2>&1; }
limit=$((SECONDS + ${FOKUS_GNOME_START_TIMEOUT:-120}))   # the shell is slow on a loaded machine
until answers org.kde.StatusNotifierWatcher /StatusNotifierWatcher; do
  kill -0 "$shell" 2>/dev/null || { echo "gnome-session: gnome-shell died:" >&2; tail -20 "$runtime/shell.log" >&2; exit 2; }
  ((SECONDS < limit)) || { echo "gnome-session: no StatusNotifierWatcher in time" >&2; exit 2; }
  sleep 0.2
done
# GNOME's notification server (org.freedesktop.Notifications), which a full session starts.
gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
  --method org.freedesktop.DBus.StartServiceByName org.gnome.Shell.Notifications 0 >/dev/null 2>&1
until gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetNameOwner org.freedesktop.Notifications >/dev/null 2>&1; do
  ((SECONDS < limit)) || { echo "gnome-session: no notification server in time" >&2; exit 2; }
  sleep 0.2
done

{
  echo "PID=$$"
  echo "WAYLAND_DISPLAY=wayland-0"
  echo "XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR"
  echo "XDG_CONFIG_HOME=$XDG_CONFIG_HOME"
  echo "XDG_DATA_DIRS=$XDG_DATA_DIRS"
  echo "DBUS_SESSION_BUS_ADDRESS=$DBUS_SESSION_BUS_ADDRESS"
  echo "SHELL_LOG=$runtime/shell.log"
} >"$ready.part" && mv "$ready.part" "$ready"
cat >/dev/null   # until the test run closes our standard input
