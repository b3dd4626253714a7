"""Issue 16's "Done when": a week worked on two computers, Monday, Thursday and
Friday on the laptop (remote days), Tuesday and Wednesday on the office PC,
one sync folder between them, gives the same Today, Insights, plan and weekly
report on both, in English and in Indonesian.

Both computers' command lines live on one wall clock moved by libfaketime
(Asia/Jakarta, Monday 23 to Friday 27 November 2026). Monday to Wednesday
they work from the command line only (each change goes out at once, ``fokus
sync now`` brings the other's in); on Thursday and Friday both trays run under
Xvfb (on the real clock, see ``Computer.start_tray``), the command line goes
through them, and they sync by themselves (the folder is watched). On Thursday afternoon the office
PC was left running a session while the laptop ran one: a conflict, shown on
both and counted once until it is settled.

Then, on Saturday, both computers are read: the weekly JSON export (Insights'
figures and the report come from the same service), ``fokus log`` of every day
(Today's figures), ``fokus plan`` and the reflection facts, as words and as
JSON, in English and with FOKUS_LANG=id."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.tray import Fokus
from tests.helpers.wallclock import WallClock
from tests.helpers.x11 import X11Session, end_process, wait_for

pytestmark = pytest.mark.x11

ZONE = "Asia/Jakarta"
WEEK = "2026-W48"
DAYS = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"]
REPO = Path(__file__).resolve().parents[2]


class Computer(Fokus):
    """One of the two computers: its data directory on the story's clock."""

    def __init__(self, x11: X11Session, home: Path, clock: WallClock) -> None:
        home.mkdir(parents=True)
        super().__init__(x11, home / "data", HOME=str(home), **clock.env())
        self.env["PYTHONPATH"] = str(REPO)
        self.env.pop("FOKUS_LANG", None)

    def batch(self, *argvs: list[str], lang: str | None = None) -> list[dict[str, Any]]:
        """Command lines run one after the other in one process (tests/helpers/cli_batch.py)."""
        env = dict(self.env, **({"FOKUS_LANG": lang} if lang else {}))
        done = subprocess.run([sys.executable, "-m", "tests.helpers.cli_batch"],
                              input=json.dumps(list(argvs)), capture_output=True, text=True,
                              env=env, cwd=REPO, timeout=120)
        assert done.returncode == 0, done.stderr
        results: list[dict[str, Any]] = json.loads(done.stdout)
        for r in results:
            assert r["code"] == 0, r
        return results

    def start_tray(self) -> subprocess.Popen[str]:
        """The tray runs on the real clock, in the story's zone: libfaketime also
        moves the monotonic deadlines Python's ``time.sleep`` waits for, and the
        folder watcher's thread (watchdog pairs a rename's two inotify events
        with a short sleep) dies of it or sleeps for days. The real clock is
        later than the whole story, so the tray takes every day told as past."""
        faked = self.env
        self.env = {k: v for k, v in faked.items()
                    if k != "LD_PRELOAD" and not k.startswith("FAKETIME")}
        try:
            return super().start_tray()
        finally:
            self.env = faked

    def ready(self) -> None:
        """The tray answers (two trays starting at once on a busy 2-core machine
        can take longer than one)."""
        from app.platform.paths import Paths

        sock = Paths(self.data_dir).socket
        wait_for(lambda: sock.exists(), timeout=60, what="the instance socket")

    def sessions(self) -> int:
        row = self.query("SELECT count(*) FROM focus_session")
        return int(str(row[0]))

    def stop(self) -> None:
        end_process(self.proc)


@pytest.fixture
def week(x11: X11Session, tmp_path: Path) -> Iterator[tuple[Computer, Computer, WallClock]]:
    clock = WallClock(tmp_path / "faketime.rc", ZONE)
    laptop = Computer(x11, tmp_path / "laptop", clock)
    office = Computer(x11, tmp_path / "office", clock)
    try:
        yield laptop, office, clock
    finally:
        for side in (laptop, office):
            side.stop()


def _without_ids(value: Any) -> Any:
    """What must agree between computers: each numbers its own rows (the
    reporter's id is text, and must agree)."""
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "generated_at" and not (
            (k in ("id", "session") or k.endswith("_id")) and isinstance(v, int | None))}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def _read(side: Computer, lang: str | None, out: Path) -> dict[str, Any]:
    """Everything the person sees of the week on one computer, in one language."""
    export = out / f"{side.data_dir.parent.name}-{lang or 'en'}.json"
    argvs = [["export", "--week", WEEK, "--format", "json", "--out", str(export)],
             ["plan", "--week", WEEK], ["plan", "--week", WEEK, "--json"]]
    for day in DAYS:
        argvs += [["log", "--date", day], ["log", "--date", day, "--json"],
                  ["reflect", "--date", day], ["reflect", "--date", day, "--json"]]
    results = side.batch(*argvs, lang=lang)
    seen: dict[str, Any] = {"export": _without_ids(json.loads(export.read_text("utf-8")))}
    for r in results[1:]:
        key = " ".join(r["argv"])
        seen[key] = _without_ids(json.loads(r["out"])) if "--json" in r["argv"] else r["out"]
    return seen


def test_a_week_on_two_computers_reads_the_same_on_both_in_both_languages(
        week: tuple[Computer, Computer, WallClock], tmp_path: Path) -> None:
    laptop, office, clock = week
    secret = tmp_path / "passphrase.txt"
    secret.write_text("kopi tubruk di lantai tiga\n", encoding="utf-8")
    share = tmp_path / "Sync"
    share.mkdir()

    # Sunday evening: both computers join the folder.
    clock.set("2026-11-22 20:00:00")
    for side in (laptop, office):
        done = side.cli("sync", "setup", str(share), "--passphrase-file", str(secret))
        assert done.returncode == 0, done.stderr

    # Monday, the laptop (WFA), from the command line; each change goes out at once.
    clock.set("2026-11-23 07:55:00")
    laptop.batch(["project", "add", "SIASN"], ["project", "add", "MyASN"],
                 ["batch", "add", "-p", "SIASN", "-t", "Refactor API", "--type", "coding",
                  "--estimate", "600", "--due", "2026-11-27"],
                 ["batch", "add", "-p", "MyASN", "-t", "Sprint review", "--type",
                  "code_review", "--estimate", "120", "--due", "2026-11-27"],
                 ["plan", "--apply"])
    clock.set("2026-11-23 08:00:00")
    laptop.batch(["start", "-p", "SIASN", "--minutes", "120"])
    clock.set("2026-11-23 08:40:00")
    laptop.batch(["interrupt", "--source", "chat", "--minutes", "5"])
    clock.set("2026-11-23 09:30:00")
    laptop.batch(["stop"], ["switch", "--to", "MyASN", "--trigger", "planned"])
    clock.set("2026-11-23 17:00:00")
    laptop.batch(["reflect", "--satisfaction", "4", "--energy", "3", "--flow", "once"])

    # Tuesday, the office PC (WFO): it first takes in Monday.
    clock.set("2026-11-24 07:58:00")
    pulled = office.cli("sync", "now", "--json")
    assert pulled.returncode == 0, pulled.stderr
    assert json.loads(pulled.stdout)["files_read"] >= 1
    clock.set("2026-11-24 10:00:00")
    office.batch(["start", "-p", "MyASN", "--minutes", "120"])
    clock.set("2026-11-24 11:15:00")
    office.batch(["stop"], ["reflect", "--satisfaction", "3", "--energy", "4"])

    # Wednesday, the office PC again: a session added after the fact.
    clock.set("2026-11-25 17:00:00")
    office.batch(["session", "add", "-p", "SIASN", "--start", "2026-11-25 13:00",
                  "--end", "2026-11-25 14:30"],
                 ["reflect", "--satisfaction", "4", "--energy", "4"])

    # Thursday: both trays run from now on and sync by themselves.
    clock.set("2026-11-26 07:58:00")
    for side in (laptop, office):
        side.start_tray()
    for side in (laptop, office):
        side.ready()
    wait_for(lambda: laptop.sessions() == 3 == office.sessions(), timeout=30,
             what="both trays to take in the first three days at start")
    clock.set("2026-11-26 17:00:00")
    laptop.batch(["session", "add", "-p", "SIASN", "--start", "2026-11-26 08:00",
                  "--end", "2026-11-26 09:30"],
                 ["session", "add", "-p", "MyASN", "--start", "2026-11-26 15:00",
                  "--end", "2026-11-26 16:00"], ["sync", "now"])
    # The office PC ran one at the same time (it was left running there).
    office.batch(["session", "add", "-p", "MyASN", "--start", "2026-11-26 15:30",
                  "--end", "2026-11-26 16:30"], ["sync", "now"])
    wait_for(lambda: laptop.sessions() == 6 == office.sessions(), timeout=30,
             what="Thursday's sessions on both computers")

    # Friday, the laptop; the office's tray takes it in with no command there.
    clock.set("2026-11-27 17:30:00")
    laptop.batch(["session", "add", "-p", "SIASN", "--start", "2026-11-27 08:00",
                  "--end", "2026-11-27 10:00"],
                 ["reflect", "--date", "2026-11-27", "--satisfaction", "5", "--energy", "4",
                  "--flow", "several"],
                 # The week's report, sent to the team lead: it names her by a random id.
                 ["export", "--week", WEEK, "--format", "json", "--out",
                  str(tmp_path / "friday.json")],
                 ["sync", "now"])
    wait_for(lambda: office.sessions() == 7, timeout=30, what="Friday on the office PC")
    wait_for(lambda: office.query("SELECT count(*) FROM reflection")[0] == 4, timeout=30,
             what="Friday's reflection on the office PC")
    for side in (laptop, office):
        side.stop()

    # Saturday: both computers are read, in both languages, two at a time.
    clock.set("2026-11-28 10:00:00")
    readings = tmp_path / "readings"
    readings.mkdir()
    with ThreadPoolExecutor(2) as pool:
        seen = dict(zip(["laptop-en", "office-en", "laptop-id", "office-id"], pool.map(
            lambda job: _read(job[0], job[1], readings),
            [(laptop, None), (office, None), (laptop, "id"), (office, "id")]), strict=True))
    for lang in ("en", "id"):
        here, there = seen[f"laptop-{lang}"], seen[f"office-{lang}"]
        assert here.keys() == there.keys()
        for key in here:
            assert here[key] == there[key], f"{key} ({lang}) differs between the computers"

    # The figures are the week's, with Thursday's shared half hour counted once.
    report = seen["laptop-en"]["export"]
    minutes = {d["date"]: d["focus_minutes"] for d in report["days"]}
    assert minutes == {"2026-11-23": 90.0, "2026-11-24": 75.0, "2026-11-25": 90.0,
                       "2026-11-26": 90.0 + 60.0 + 30.0, "2026-11-27": 120.0,
                       "2026-11-28": 0.0, "2026-11-29": 0.0}, minutes
    # Monday's break on the laptop and Tuesday's on the office PC, on both.
    assert report["goals_breaks"]["breaks"]["suggested"] == 2
    thursday = json.loads(json.dumps(seen["office-en"]["log --date 2026-11-26 --json"]))
    assert thursday["focus_minutes"] == 180.0
    assert sorted(s["shared_minutes"] for s in thursday["sessions"]) == [0.0, 0.0, 30.0]
    assert "counted once" in seen["office-en"]["log --date 2026-11-26"]
    assert "Refactor API" in seen["office-en"]["plan --week 2026-W48"]
    # The words differ between the languages, the figures do not.
    assert seen["laptop-id"]["log --date 2026-11-26"] != seen["laptop-en"]["log --date 2026-11-26"]
    assert seen["laptop-id"]["export"]["days"] == report["days"]
    # One person, one id: the report made on Friday and both of Saturday's.
    friday = json.loads((tmp_path / "friday.json").read_text("utf-8"))
    assert report["programmer"]["id"] == friday["programmer"]["id"]
    # The conflict is still there on both.
    for side in (laptop, office):
        status = side.batch(["sync", "status", "--json"])[0]
        assert len(json.loads(status["out"])["conflicts"]) == 1
