"""Make the README's screenshots from the app as it is now:

    ./fokus.sh screenshots        (or: python packaging/screenshots.py [OUT_DIR])

Starts its own Xvfb with a tray host, fills a fresh data directory with the
demo data, takes the real tray menu with real clicks, and the windows as they
draw themselves. Writes PNGs to docs/screenshots/."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                             "1280x800x24", "-nolisten", "tcp", "-noreset"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as fh:
        return proc, f":{fh.readline().strip()}"


def tray_menu(env: dict[str, str], out: Path) -> None:
    """The real tray icon and its menu, opened with a real right-click."""
    proc = subprocess.Popen([str(BIN / "fokus")], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        geometry = ""
        for _ in range(100):
            ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--classname",
                                  "^fokus$"], env=env, capture_output=True, text=True).stdout
            for wid in ids.split():
                g = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid], env=env,
                                   capture_output=True, text=True).stdout
                if "WIDTH=22" in g or "WIDTH=24" in g:
                    geometry = g
            if geometry:
                break
            time.sleep(0.1)
        values = dict(line.split("=") for line in geometry.split())
        x, y = int(values["X"]) + 10, int(values["Y"]) + 10
        time.sleep(1.5)
        subprocess.run([str(BIN / "fokus"), "start", "-p", "SIASN", "-m", "50"], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        time.sleep(0.5)
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "3"], env=env, check=True)
        time.sleep(1.0)
        subprocess.run(["xdotool", "key", "Down", "Down", "Right"], env=env, check=True)
        time.sleep(0.8)
        shot = out / "tray-menu.png"
        subprocess.run(["import", "-window", "root", "-crop", "640x430+640+0", str(shot)],
                       env=env, check=True)
        subprocess.run(["xdotool", "key", "Escape", "Escape"], env=env)
        subprocess.run([str(BIN / "fokus"), "stop"], env=env, stdout=subprocess.DEVNULL)
    finally:
        proc.terminate()
        proc.wait(10)


def visible_window(env: dict[str, str], wider_than: int) -> str:
    """The id of Fokus's visible top-level window wider than ``wider_than``, or ""."""
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--classname", "^fokus$"],
                         env=env, capture_output=True, text=True).stdout
    for wid in ids.split():
        g = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid], env=env,
                           capture_output=True, text=True).stdout
        values = dict(line.split("=") for line in g.split())
        if int(values.get("WIDTH", 0)) > wider_than:
            return wid
    return ""


def no_tray_window(env: dict[str, str], out: Path) -> None:
    """The Fokus window of a desktop without a tray, during a session: the real
    app, started where no tray host runs, shows it after FOKUS_TRAY_WAIT."""
    env = dict(env, FOKUS_TRAY_WAIT="1")
    proc = subprocess.Popen([str(BIN / "fokus")], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        wid = ""
        for _ in range(150):
            wid = visible_window(env, 200)
            if wid:
                break
            time.sleep(0.1)
        if not wid:
            raise RuntimeError("the Fokus window did not appear without a tray")
        subprocess.run([str(BIN / "fokus"), "start", "-p", "SIASN", "-m", "50"], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        time.sleep(1.5)  # the window follows the session at its next refresh
        subprocess.run(["import", "-window", wid, str(out / "no-tray.png")], env=env,
                       check=True)
        subprocess.run([str(BIN / "fokus"), "stop"], env=env, stdout=subprocess.DEVNULL)
    finally:
        proc.terminate()
        proc.wait(10)


WINDOWS = r'''
import sys
from datetime import date, timedelta
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.platform.paths import Paths
from app.week.workmodel import iso_week_of
from ui.shell.controller import FokusController
from ui.i18n import install_translators

app = QApplication(sys.argv[:1])
out = Path(sys.argv[1])
language = sys.argv[2]
install_translators(app, language)
c = FokusController(Paths(Path(sys.argv[3])))
c.load()
today = c.service.week.local(c.clock.now()).date()
last_week = iso_week_of(today - timedelta(weeks=1))
from ui.week.window import WeekWindow
from ui.projects.window import ProjectsWindow
from ui.activity.today import TodayWindow
from ui.reports.insights import InsightsWindow
from ui.settings.window import SettingsDialog
from ui.reports.reflection import ReflectionDialog
from ui.reports.export import ExportDialog
suffix = "" if language == "en" else "-" + language
week = WeekWindow(c)
week.show_week(iso_week_of(today + timedelta(days=(7 if today.weekday() >= 5 else 0))))
week.resize(1180, 760)
projects = ProjectsWindow(c)
projects.resize(960, 560)
day = today - timedelta(days=max(1, (today.weekday() - 4) if today.weekday() > 4 else 1))
todayw = TodayWindow(c)
todayw.show_day(day)
todayw.resize(960, 600)
insights = InsightsWindow(c)
insights.shift(-1)
settings = SettingsDialog(c)
settings.tabs.setCurrentIndex(1)
reflection = ReflectionDialog(c, day)
export = ExportDialog(c, last_week)
shots = {"week": week, "projects": projects, "today": todayw, "insights": insights,
         "settings": settings, "reflection": reflection, "export": export}
for w in shots.values():
    w.show()


def grab():
    if not insights.ready:
        QTimer.singleShot(300, grab)
        return
    for name, w in shots.items():
        w.grab().save(str(out / f"{name}{suffix}.png"))
    app.quit()


QTimer.singleShot(1500, grab)
app.exec()
'''


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="fokus-shots-"))
    xvfb, display = start_xvfb()
    env = dict(os.environ, DISPLAY=display, FOKUS_DATA_DIR=str(data),
               TZ=os.environ.get("TZ", "Asia/Jakarta"), FOKUS_TRAY_WAIT="5")
    env.pop("QT_QPA_PLATFORM", None)
    trayer = subprocess.Popen(["trayer", "--edge", "top", "--align", "right", "--widthtype",
                               "request", "--height", "24", "--SetDockType", "true",
                               "--tint", "0x333333", "--transparent", "false"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        subprocess.run([str(BIN / "fokus"), "demo"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        tray_menu(env, out)
        trayer.terminate()  # now a desktop without a tray
        trayer.wait(10)
        no_tray_window(env, out)
        for language in ("en", "id"):
            subprocess.run([sys.executable, "-c", WINDOWS, str(out), language, str(data)],
                           env=env, check=True, cwd=ROOT)
        from datetime import date, timedelta

        from app.week.workmodel import iso_week_of

        week = iso_week_of(date.today() - timedelta(weeks=1))
        pdf = data / "report.pdf"
        subprocess.run([str(BIN / "fokus"), "export", "--week", week, "--out", str(pdf),
                        "--name", "Sari"], env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(out / "report")],
                       check=True)
    finally:
        trayer.terminate()
        xvfb.terminate()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
