"""Desktop notifications through adapters tried in order: on Linux the
desktop's notification service through ``notify-send`` with an expiry of its
own, then plyer (only when a notification service really listens, since
plyer's Linux back end reports success without one; it is the adapter on
Windows and macOS), then the tray's own balloon, then the log. Each adapter
says in its constructor that it is unavailable, and the next is tried.

plyer's Linux fallback (without dbus-python) runs ``notify-send -t 0``: banners
that never expire, which the desktop brings back whenever it shows its queue
again. Fokus's banners expire after ``EXPIRE_MS``."""

from __future__ import annotations

import logging
import shutil
import sys
import threading
from typing import Protocol

from PySide6.QtWidgets import QSystemTrayIcon

log = logging.getLogger(__name__)
EXPIRE_MS = 10_000


class Unavailable(Exception):
    pass


class Notifier(Protocol):
    name: str

    def notify(self, title: str, message: str) -> None: ...


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
