"""Desktop notifications through adapters tried in order: on Linux the
desktop's notification service through ``notify-send`` with an expiry of its
own, then plyer (only when a notification service really listens, since
plyer's Linux back end reports success without one; it is the adapter on
Windows and macOS), then the tray's own balloon, then the log. Each adapter
says in its constructor that it is unavailable, and the next is tried.

plyer's Linux fallback (without dbus-python) runs ``notify-send -t 0``: banners
that never expire, which the desktop brings back whenever it shows its queue
again. Fokus's banners expire after ``EXPIRE_MS``.

A notification may carry an action (the deep-work window's "Start SIASN —
Fix rank promotion bug"): ``notify_with_action`` offers it where the adapter
can (notify-send's ``--action``, answered on stdout) and shows the plain
notification elsewhere."""

from __future__ import annotations

import logging
import shutil
import sys
import threading
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon

log = logging.getLogger(__name__)
EXPIRE_MS = 10_000


class Unavailable(Exception):
    pass


class Notifier(Protocol):
    name: str

    def notify(self, title: str, message: str) -> None: ...


# How long a notification with an action is listened to: on GNOME it waits in
# the message tray after its banner, and may be clicked there later.
ACTION_WAIT_SECONDS = 30 * 60
# The action's keys: "default" is a click on the notification itself (dunst's
# ``dunstctl action``, GNOME's banner), "start" its button.
ACTION_KEYS = ("default", "start")


class _ActionBridge(QObject):
    """Hands a chosen action from the waiting thread to the GUI thread. Only a
    number crosses threads; the action itself stays here until it runs."""

    chosen = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self._waiting: dict[int, Callable[[], None]] = {}
        self._next = 0
        self._lock = threading.Lock()
        # A slot of this object (which lives in the GUI thread), so that an
        # emit from the waiting thread is queued to the GUI thread.
        self.chosen.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def keep(self, action: Callable[[], None]) -> int:
        with self._lock:
            self._next += 1
            self._waiting[self._next] = action
            return self._next

    def forget(self, key: int) -> None:
        with self._lock:
            self._waiting.pop(key, None)

    @Slot(int)
    def _run(self, key: int) -> None:
        with self._lock:
            action = self._waiting.pop(key, None)
        if action is not None:
            action()


def notify_with_action(notifier: Notifier, title: str, message: str, label: str,
                       on_action: Callable[[], None]) -> bool:
    """A notification whose button (``label``) runs ``on_action`` in the GUI
    thread. Adapters that cannot offer one show the plain notification; False then."""
    offer = getattr(notifier, "notify_action", None)
    if offer is None:
        notifier.notify(title, message)
        return False
    offer(title, message, label, on_action)
    return True


def _linux_notification_service() -> bool:
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    reply = bus.interface().isServiceRegistered("org.freedesktop.Notifications")
    return bool(reply.value()) if reply.isValid() else False


class NotifySendNotifier:
    name = "notify-send"

    def __init__(self) -> None:
        if not sys.platform.startswith("linux"):
            raise Unavailable("not Linux")
        self._program = shutil.which("notify-send")
        if self._program is None:
            raise Unavailable("notify-send is not installed (libnotify-bin)")
        if not _linux_notification_service():
            raise Unavailable("no org.freedesktop.Notifications service on the session bus")
        self._bridge = _ActionBridge()
        self._actions: bool | None = None  # notify-send's --action, asked once

    def notify(self, title: str, message: str) -> None:
        from app import APP_ID

        argv = [str(self._program), "--app-name=Fokus", f"--expire-time={EXPIRE_MS}",
                f"--icon={APP_ID}", "--", title, message]

        def send() -> None:
            import subprocess

            try:
                subprocess.run(argv, timeout=10, check=False, capture_output=True)
            except (OSError, subprocess.TimeoutExpired):  # never take the app down
                log.exception("notify-send failed")

        # A process: keep it off the GUI thread.
        threading.Thread(target=send, name="fokus-notify", daemon=True).start()

    def offers_actions(self) -> bool:
        """Does this notify-send know ``--action`` (libnotify 0.7.10 and later)?"""
        if self._actions is None:
            import subprocess

            try:
                shown = subprocess.run([str(self._program), "--help"], capture_output=True,
                                       text=True, timeout=10).stdout
            except (OSError, subprocess.TimeoutExpired):
                shown = ""
            self._actions = "--action" in shown
        return self._actions

    def action_argv(self, title: str, message: str, label: str) -> list[str]:
        from app import APP_ID

        return [str(self._program), "--app-name=Fokus", f"--expire-time={EXPIRE_MS}",
                f"--icon={APP_ID}", *(f"--action={key}={label}" for key in ACTION_KEYS),
                "--", title, message]

    def notify_action(self, title: str, message: str, label: str,
                      on_action: Callable[[], None]) -> None:
        """notify-send waits with the notification (``--action`` implies
        ``--wait``) and prints the key of the action chosen, if any."""
        argv = self.action_argv(title, message, label)
        bridge = self._bridge
        key = bridge.keep(on_action)

        def wait() -> None:
            import subprocess

            if not self.offers_actions():
                bridge.forget(key)
                self.notify(title, message)  # libnotify before 0.7.10: no actions
                return
            try:
                done = subprocess.run(argv, timeout=ACTION_WAIT_SECONDS, check=False,
                                      capture_output=True, text=True)
            except subprocess.TimeoutExpired:
                done = None  # nobody chose it: it was only a suggestion
            except OSError:
                log.exception("notify-send failed")
                done = None
            if done is not None and done.stdout.strip() in ACTION_KEYS:
                log.info("notification action chosen: %s", label)
                bridge.chosen.emit(key)
            else:
                bridge.forget(key)

        threading.Thread(target=wait, name="fokus-notify-action", daemon=True).start()


class PlyerNotifier:
    name = "plyer"

    def __init__(self) -> None:
        if sys.platform.startswith("linux"):
            if not _linux_notification_service():
                raise Unavailable("no org.freedesktop.Notifications service on the session bus")
            try:
                import dbus  # noqa: F401
            except ImportError:
                # Without dbus-python plyer falls back to notify-send with no
                # expiry: NotifySendNotifier does that properly.
                raise Unavailable("plyer needs dbus-python on Linux") from None
        try:
            from plyer import notification
        except ImportError as exc:  # pragma: no cover - plyer is a dependency
            raise Unavailable(str(exc)) from exc
        self._notification = notification

    def notify(self, title: str, message: str) -> None:
        def send() -> None:
            try:
                self._notification.notify(title=title, message=message, app_name="Fokus",
                                          timeout=10)
            except Exception:  # a notification must never take the app down
                log.exception("plyer notification failed")

        # notify-send is a process: keep it off the GUI thread.
        threading.Thread(target=send, name="fokus-notify", daemon=True).start()


class TrayNotifier:
    name = "tray"

    def __init__(self, tray: QSystemTrayIcon | None) -> None:
        if tray is None or not tray.isVisible() or not QSystemTrayIcon.supportsMessages():
            raise Unavailable("no visible tray icon that can show messages")
        self._tray = tray

    def notify(self, title: str, message: str) -> None:
        self._tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 10_000)


class LogNotifier:
    name = "log"

    def notify(self, title: str, message: str) -> None:
        log.warning("notification: %s: %s", title, message)


def best_notifier(tray: QSystemTrayIcon | None) -> Notifier:
    for make in (NotifySendNotifier, PlyerNotifier, lambda: TrayNotifier(tray)):
        try:
            notifier: Notifier = make()
            return notifier
        except Unavailable as why:
            log.info("notifications: %s", why)
    return LogNotifier()
