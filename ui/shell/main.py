"""Start the tray app: one instance per data directory, the icon first, the
database and everything else right after it."""

from __future__ import annotations

import os
import sys
import time

from app.platform.paths import Paths, resolve


def _(message: str) -> str:
    from app.i18n import _ as translate

    return translate(message)


def _plain_error(text: str) -> int:
    print(f"fokus: {text}", file=sys.stderr)
    return 1


def _display_problem(paths: Paths) -> str | None:
    """Say what is missing before Qt aborts on it with a stack of its own."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if not os.environ.get("DISPLAY"):
        if os.environ.get("WAYLAND_DISPLAY") and not platform:
            return None
        return _("no display: start Fokus inside a desktop session ($DISPLAY is not set)")
    from app import __version__

    marker = paths.data_dir / ".qt-xcb-checked"
    stamp = f"{__version__} {sys.version_info[:2]}"
    if marker.exists() and marker.read_text() == stamp:
        return None
    from app.platform.doctor import missing_system_libraries

    missing = missing_system_libraries()
    if missing:
        return _("Qt's X11 plugin needs system libraries; install them with:\n"
                 "  sudo apt-get install {pkgs}").format(pkgs=" ".join(missing))
    import contextlib

    with contextlib.suppress(OSError):  # a read-only folder: checked again next time
        marker.write_text(stamp)
    return None


def _claim_instance(paths: Paths) -> tuple[object | None, int | None]:
    """(lock, None) when this process may run; (None, exit code) when not."""
    from app.errors import ErrorCode, FokusError
    from app.platform.instance import InstanceLock, send

    deadline = time.monotonic() + 5.0
    lock = InstanceLock(paths.lock_file)
    while True:
        try:
            send(paths.socket, "show")
            print(_("Fokus is already running; its window is open now."))
            return None, 0
        except ConnectionError:
            pass
        except FokusError as err:
            if err.code is ErrorCode.INSTANCE_SOCKET_FOREIGN:
                from app.cli.main import error_text

                return None, _plain_error(error_text(err))
            return None, _plain_error(_("another Fokus is running but does not answer"))
        if lock.acquire():
            return lock, None
        if time.monotonic() > deadline:
            return None, _plain_error(_("another Fokus is starting or not answering; "
                                        "try again in a moment"))
        time.sleep(0.1)


def run_tray(data_dir: str | None = None) -> int:
    paths = resolve(data_dir)
    try:
        from app.platform.instance import ensure_usable

        ensure_usable(paths)  # a read-only folder with a database in it is still read
    except Exception as err:
        from app.cli.main import error_text
        from app.errors import FokusError

        if not isinstance(err, FokusError):
            raise
        return _plain_error(error_text(err))
    from app.platform.logs import record_faults

    record_faults(paths)  # a crash or a hang of the tray leaves its stacks
    lock, code = _claim_instance(paths)
    if lock is None:
        return code or 0
    problem = _display_problem(paths)
    if problem:
        return _plain_error(problem)
    # The icon first, with nothing but Qt loaded; then the rest of the app.
    # The language is read before any text exists; logging, the database and
    # the rest follow in FokusApp (after the icon).
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    from ui.platform.imports import lighten_feature_check

    lighten_feature_check()  # before anything else is imported
    from ui.i18n import install_translators, start_language
    from ui.tray.icons import state_icon

    qapp = QApplication(sys.argv[:1])
    from ui.platform.collector import collect_on_gui_thread

    collect_on_gui_thread(qapp)  # before any worker thread exists
    language = install_translators(qapp, start_language(paths.database))
    icon = QSystemTrayIcon(state_icon("idle"))
    if QSystemTrayIcon.isSystemTrayAvailable():
        icon.show()
        qapp.processEvents()  # hand the dock request to the tray host now
    from ui.shell.app import FokusApp

    return FokusApp(paths, icon, language=language).run()
