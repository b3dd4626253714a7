"""Start-up and idle cost of the Fokus tray against two baselines measured in
the same run on the same X server:

- bare:  a PySide6 program that only shows a tray icon
- floor: the same, plus importing SQLModel and one query on a SQLite file

Measures time from process start to the icon embedded in the tray host
(median of --runs), resident memory after 10 s idle, and CPU used over
--idle-seconds of idle. Prints a table with ratios and the budgets.

    ./fokus.sh bench startup     (or: python benchmarks/run.py [--runs 7] [--idle-seconds 60])
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from Xlib import display as xdisplay

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.x11 import _start_xvfb, wait_for  # noqa: E402

BIN = Path(sys.executable).parent


@dataclass
class Program:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    startup: list[float] = field(default_factory=list)
    socket: Path | None = None
    ready: list[float] = field(default_factory=list)
    rss_mb: float = 0.0
    rss_early_mb: float = 0.0
    cpu_percent: float = 0.0


def panel_children(dpy: xdisplay.Display) -> int:
    """How many icons the tray host holds (children of trayer's panel)."""
    root = dpy.screen().root
    count = 0
    for win in root.query_tree().children:
        try:
            if win.get_wm_name() == "panel":
                count += len(win.query_tree().children)
        except Exception:  # windows come and go while we look
            continue
    return count


def _answers(path: Path) -> bool:
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        try:
            sock.connect(str(path))
        except OSError:
            return False
    return True


def time_to_tray(program: Program, env: dict[str, str],
                 dpy: xdisplay.Display) -> tuple[float, float | None]:
    """Seconds to the icon in the tray host, and to the program's socket
    answering (its "ready"), when it has one."""
    before = panel_children(dpy)
    start = time.perf_counter()
    proc = subprocess.Popen(program.argv, env={**env, **program.env},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ready: float | None = None
    try:
        while panel_children(dpy) <= before:
            if proc.poll() is not None:
                raise RuntimeError(f"{program.name} exited with {proc.returncode}")
            if time.perf_counter() - start > 30:
                raise RuntimeError(f"{program.name}: no tray icon after 30 s")
            time.sleep(0.002)
        icon = time.perf_counter() - start
        if program.socket is not None:
            while not _answers(program.socket):
                if time.perf_counter() - start > 30:
                    raise RuntimeError(f"{program.name}: no answer after 30 s")
                time.sleep(0.002)
            ready = time.perf_counter() - start
        return icon, ready
    finally:
        proc.terminate()
        proc.wait(10)
        try:
            wait_for(lambda: panel_children(dpy) <= before, timeout=10, what="the icon to go")
        except Exception:  # a loaded tray host may keep a dead icon's window: go on
            print(f"(the tray host kept {program.name}'s icon; counting from there)",
                  file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--idle-seconds", type=float, default=60.0)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="fokus-bench-"))
    fokus_data = work / "fokus-data"
    subprocess.run([str(BIN / "fokus"), "demo", "--data-dir", str(fokus_data)], check=True,
                   stdout=subprocess.DEVNULL)
    from app.platform.paths import Paths

    floor_socket = work / "floor.sock"
    programs = [
        Program("bare tray", [sys.executable, str(ROOT / "benchmarks" / "bare_tray.py")]),
        Program("stack floor", [sys.executable, str(ROOT / "benchmarks" / "stack_floor.py"),
                                str(floor_socket)], socket=floor_socket),
        Program("Fokus", [str(BIN / "fokus")], {"FOKUS_DATA_DIR": str(fokus_data)},
                socket=Paths(fokus_data).socket),
    ]

    xvfb, disp = _start_xvfb()
    env = dict(os.environ, DISPLAY=disp)
    env.pop("QT_QPA_PLATFORM", None)
    trayer = subprocess.Popen(
        ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
         "--height", "24", "--SetDockType", "true"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs: list[subprocess.Popen[bytes]] = []
    try:
        dpy = xdisplay.Display(disp)
        root = dpy.screen().root
        wait_for(lambda: any(w.get_wm_name() == "panel" for w in root.query_tree().children),
                 what="trayer")
        # Warm the file cache once, then interleave the runs.
        for program in programs:
            time_to_tray(program, env, dpy)
        for _ in range(args.runs):
            for program in programs:
                icon, ready = time_to_tray(program, env, dpy)
                program.startup.append(icon)
                if ready is not None:
                    program.ready.append(ready)

        # Idle: all three at once, each measured on its own.
        for program in programs:
            procs.append(subprocess.Popen(program.argv, env={**env, **program.env},
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        # Fokus makes matplotlib ready for Insights once it has been ready and
        # left alone for 3 s: memory before that, and after.
        time.sleep(2.5)
        handles = [psutil.Process(p.pid) for p in procs]
        for program, handle in zip(programs, handles, strict=True):
            program.rss_early_mb = handle.memory_info().rss / 2**20
        time.sleep(7.5)
        for program, handle in zip(programs, handles, strict=True):
            program.rss_mb = handle.memory_info().rss / 2**20
        first = [h.cpu_times() for h in handles]
        t0 = time.perf_counter()
        time.sleep(args.idle_seconds)
        elapsed = time.perf_counter() - t0
        for program, handle, before in zip(programs, handles, first, strict=True):
            after = handle.cpu_times()
            used = (after.user - before.user) + (after.system - before.system)
            program.cpu_percent = 100 * used / elapsed
        dpy.close()
    finally:
        for p in procs:
            p.terminate()
            p.wait(10)
        trayer.terminate()
        xvfb.terminate()
        trayer.wait()
        xvfb.wait()

    bare, floor, fokus = programs
    start = {p.name: statistics.median(p.startup) for p in programs}
    rows = [
        ("time to tray icon (s, median)", start[bare.name], start[floor.name], start[fokus.name],
         start[fokus.name] / start[bare.name], "≤ 1.5× bare",
         start[fokus.name] <= 1.5 * start[bare.name]),
        ("time to ready: socket answers (s, median)", None,
         statistics.median(floor.ready), statistics.median(fokus.ready),
         statistics.median(fokus.ready) / statistics.median(floor.ready), "(measured)", True),
        ("resident memory 2.5 s after start, charts not made ready yet (MB)",
         bare.rss_early_mb, floor.rss_early_mb, fokus.rss_early_mb,
         fokus.rss_early_mb / floor.rss_early_mb, "≤ 1.25× floor",
         fokus.rss_early_mb <= 1.25 * floor.rss_early_mb),
        ("resident memory after 10 s, matplotlib made ready for Insights (MB)", bare.rss_mb,
         floor.rss_mb, fokus.rss_mb, fokus.rss_mb / floor.rss_mb,
         f"(its cost: +{fokus.rss_mb - fokus.rss_early_mb:.0f} MB)", True),
        (f"CPU over {args.idle_seconds:.0f} s idle (% of a core)", bare.cpu_percent,
         floor.cpu_percent, fokus.cpu_percent, None, "< 0.5 %", fokus.cpu_percent < 0.5),
    ]
    print(f"Fokus start-up and idle benchmark ({args.runs} runs, Python "
          f"{sys.version.split()[0]}, {os.cpu_count()} cores)\n")
    print("| measure | bare tray | stack floor | Fokus | ratio | budget | met |")
    print("|---|---:|---:|---:|---:|---|---|")
    from benchmarks.table import record

    for name, b, f, k, ratio, budget, ok in rows:
        ratio_text = f"{ratio:.2f}×" if ratio is not None else "—"
        bare_text = f"{b:.3f}" if b is not None else "—"
        measured = budget.startswith("(")
        print(f"| {name} | {bare_text} | {f:.3f} | {k:.3f} | {ratio_text} | {budget} | "
              f"{'—' if measured else 'ok' if ok else 'missed'} |")
        floor_name = "bare tray" if name.startswith("time to tray") else "stack floor"
        floor_value = b if floor_name == "bare tray" else f
        record("startup", name, f"{k:.3f}", f"{floor_name}: {floor_value:.3f}", ratio,
               budget, None if measured else ok)
    spread = {p.name: f"{min(p.startup):.3f}–{max(p.startup):.3f}" for p in programs}
    print(f"\nstart-up range (s): {spread}")
    return 0 if all(r[-1] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
