"""What watching mapped repositories costs, against a floor measured in the
same run:

- idle CPU: a process watching 10 mapped repositories (each a real git
  working tree with a few hundred files, a build folder and history) for
  ``--seconds`` with nothing written, against the same process importing the
  same modules and watching nothing;
- detection latency: from a real file save, ``git commit`` and ``git
  checkout`` in one of the repositories to the watcher's event (what the tray
  turns into a proposed or logged switch), over ``--runs`` of each.

Each measure runs in a subprocess against the code in ``--code`` (this
checkout by default).

    ./fokus.sh bench git     (or: python benchmarks/git_idle.py [--seconds 20] [--runs 20])
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.git import commit, make_repo  # noqa: E402

REPOS = 10

IDLE = """
import json, resource, sys, threading, time
from pathlib import Path
from app.repos.watcher import RepoWatcher, WatchedRepo
seconds, watch = float(sys.argv[1]), sys.argv[2] == "watch"
repos = [WatchedRepo(i + 1, i + 1, Path(p)) for i, p in enumerate(sys.argv[3:])]
events = []
watcher = RepoWatcher(events.append)
if watch:
    watcher.watch(repos)
time.sleep(1.0)  # settle: watches added, start-up done
before = resource.getrusage(resource.RUSAGE_SELF)
wall = time.monotonic()
time.sleep(seconds)
after = resource.getrusage(resource.RUSAGE_SELF)
wall = time.monotonic() - wall
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
threads = threading.active_count()
watcher.stop()
print(json.dumps({"cpu": cpu, "wall": wall, "threads": threads,
                  "events": len(events), "wakeups": after.ru_nvcsw - before.ru_nvcsw}))
"""

LATENCY = """
import json, os, subprocess, sys, threading, time
from pathlib import Path
from app.repos.watcher import Activity, RepoWatcher, WatchedRepo
runs = int(sys.argv[1])
repos = [WatchedRepo(i + 1, i + 1, Path(p)) for i, p in enumerate(sys.argv[2:])]
seen = threading.Event()
wanted = {}
def on(event):
    if event.kind == wanted.get("kind") and event.repo_id == wanted.get("repo"):
        wanted["at"] = time.perf_counter()
        seen.set()
watcher = RepoWatcher(on, throttle_seconds=0)
watcher.watch(repos)
time.sleep(1.0)
env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@b", "GIT_COMMITTER_NAME": "b",
       "GIT_COMMITTER_EMAIL": "b@b", "GIT_CONFIG_GLOBAL": os.devnull}
def git(repo, *args):
    subprocess.run(["git", "-C", str(repo.path), *args], check=True, capture_output=True, env=env)
out = {"save": [], "commit": [], "checkout": []}
for i in range(runs):
    repo = repos[i % len(repos)]
    for kind in ("save", "commit", "checkout"):
        seen.clear()
        wanted.clear()
        wanted.update(kind=Activity(kind), repo=repo.repo_id)
        if kind == "save":
            t = time.perf_counter()
            (repo.path / "src" / "mod0" / "f0.py").write_text(f"x = {i}\\n")
        elif kind == "commit":
            git(repo, "add", "-A")
            t = time.perf_counter()
            git(repo, "commit", "-q", "-m", f"bench {i}")
        else:
            t = time.perf_counter()
            git(repo, "checkout", "-q", "-B", f"bench-{i}")
        if not seen.wait(5):
            raise SystemExit(f"no {kind} event within 5 s")
        # Latency from the moment the write (or the git command) began.
        out[kind].append(wanted["at"] - t)
watcher.stop()
print(json.dumps(out))
"""


def make_repos(where: Path) -> list[Path]:
    repos = []
    for i in range(REPOS):
        repo = make_repo(where / f"repo{i}")
        for d in range(10):
            folder = repo / "src" / f"mod{d}"
            folder.mkdir(parents=True, exist_ok=True)
            for f in range(20):
                (folder / f"f{f}.py").write_text(f"# {i} {d} {f}\n", encoding="utf-8")
        (repo / "node_modules" / "dep").mkdir(parents=True)
        (repo / "node_modules" / "dep" / "index.js").write_text("1", encoding="utf-8")
        (repo / ".gitignore").write_text("node_modules/\n", encoding="utf-8")
        commit(repo, "Files", ".gitignore", "node_modules/\n")
        subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, capture_output=True)
        commit(repo, "All of it", "extra.txt", "x\n")
        repos.append(repo)
    return repos


def run(code: Path, script: str, *args: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                          text=True, env=env, timeout=600, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20.0, help="idle window")
    parser.add_argument("--runs", type=int, default=20, help="latency runs of each kind")
    parser.add_argument("--code", type=Path, default=ROOT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fokus-bench-git-") as tmp:
        repos = [str(p) for p in make_repos(Path(tmp))]
        files = sum(1 for r in repos for _ in Path(r).rglob("*"))
        base = run(args.code, IDLE, str(args.seconds), "none", *repos)
        watched = run(args.code, IDLE, str(args.seconds), "watch", *repos)
        latency = run(args.code, LATENCY, str(args.runs), *repos)
    print(f"Fokus: watching {REPOS} mapped repositories ({files} paths in all), idle for "
          f"{args.seconds:.0f} s, against the same process watching nothing")
    print()
    from benchmarks.table import record

    print("| measure | watching 10 repositories | floor (watching nothing) |")
    print("|---|---:|---:|")
    for key, name, unit in (("cpu", "CPU time while idle", "ms"),
                            ("wakeups", "voluntary context switches", ""),
                            ("threads", "threads", ""), ("events", "events seen", "")):
        a, b = watched[key], base[key]
        if key == "cpu":
            a, b = 1000 * float(a), 1000 * float(b)  # type: ignore[arg-type]
            pa = 100 * float(watched["cpu"]) / float(watched["wall"])  # type: ignore[arg-type]
            pb = 100 * float(base["cpu"]) / float(base["wall"])  # type: ignore[arg-type]
            print(f"| {name} | {a:.1f} {unit} ({pa:.3f} % of a core) | "
                  f"{b:.1f} {unit} ({pb:.3f} % of a core) |")
            record("git", f"{name}, watching 10 repositories (% of a core)", f"{pa:.3f}",
                   f"watching nothing: {pb:.3f}", None, "< 0.5 %", pa < 0.5)
        else:
            print(f"| {name} | {a} | {b} |")
    print()
    print(f"Detection latency, {args.runs} runs each (from the write or the git command's "
          "start to the watcher's event):")
    print()
    print("| activity | median | max |")
    print("|---|---:|---:|")
    for kind, values in latency.items():
        v = [1000 * float(x) for x in values]  # type: ignore[attr-defined]
        print(f"| {kind} | {statistics.median(v):.1f} ms | {max(v):.1f} ms |")
        record("git", f"detection latency, {kind} (ms, median)",
               f"{statistics.median(v):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
