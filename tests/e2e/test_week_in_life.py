"""A week in the life of Dewi, a programmer in Jakarta on two projects (SIASN
and MyASN), told Monday 23 to Friday 27 November 2026 with the real tray under
Xvfb, a tray host and a notification daemon, real keys and clicks from
xdotool, and a wall clock set by libfaketime for every Fokus process.

Dewi's desktop speaks English; she chooses Bahasa Indonesia in the welcome
guide, so everything she sees afterwards is in Indonesian. Each test is one
day and builds on the one before (the same data directory, in file order).

Fokus starts at login on most mornings, a few seconds before the moment the
day's story is about; one night (Wednesday to Thursday) the laptop sleeps
with Fokus running. The clock moves only between sessions or by seconds (see
tests/helpers/wallclock.py): a jump during a session is a suspend to Fokus.

Where a step fails because Fokus is wrong, its message names the item of the
week's issue (issue 10) or of the trust issue (issue 11) it breaks.

Screenshots of the key moments go to $FOKUS_WEEK_SHOTS (else the module's tmp
directory)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.wallclock import WallClock
from tests.helpers.week_user import WeekUser
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11

ZONE = "Asia/Jakarta"
# Where the screenshots of the week go: FOKUS_WEEK_SHOTS, else the test's own tmp dir.
SHOTS = "FOKUS_WEEK_SHOTS"


@pytest.fixture(scope="module")
def dewi(x11: X11Session, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WeekUser]:
    home = tmp_path_factory.mktemp("dewi")
    (home / "home").mkdir()
    clock = WallClock(home / "faketime.rc", ZONE)
    shots = Path(os.environ.get(SHOTS) or home / "shots")
    user = WeekUser(x11, home / "home", clock, shots)
    yield user
    user.user_quits_fokus()
    # Quitting gives the desktop back; the desktop is shared with the next tests.
    held = user.desktop_is_quiet()
    if held:
        x11.run("dunstctl", "set-paused", "false")
    assert not held, "Fokus quit with the desktop's banners still held"


# -- Monday 23 November: the first morning ------------------------------------------------


def test_monday_dewi_sets_up_fokus_in_indonesian_and_plans_her_week(dewi: WeekUser) -> None:
    # Idle after 8 s without input in this story, so that a coffee break fits in it.
    dewi.begins_the_day("2026-11-23 07:59:35", idle_seconds=8)

    # The guide opens by itself, in the desktop's English.
    guide = dewi.sees_window("^Fokus — Welcome$")
    dewi.screenshot("monday-guide-english")
    dewi.user_focuses(guide)
    dewi.user_presses("Down")  # English → Bahasa Indonesia
    dewi.user_presses("alt+n")  # Next
    # The guide speaks Indonesian from the next page on, on an English desktop.
    guide = dewi.sees_window("^Fokus — Selamat datang$")
    dewi.user_focuses(guide)
    dewi.user_types("SIASN")  # the name field has the keyboard: no click needed
    dewi.user_presses("Return")  # adds the project and stays on the page
    dewi.user_types("MyASN")
    dewi.user_presses("Return")
    dewi.screenshot("monday-guide-projects-typed")
    wait_for(lambda: len(dewi.cli_json("project", "list")["projects"]) == 2,  # type: ignore[arg-type]
             what="both projects added from the guide")
    dewi.screenshot("monday-guide-projects")
    assert dewi.windows_titled("^Fokus — Selamat datang$"), "Enter left the projects page"
    for _page in ("model", "privacy", "calendar", "ready"):
        dewi.user_presses("alt+l")  # Lanjut >
    dewi.screenshot("monday-guide-ready")
    dewi.user_presses("Return")  # Selesai
    wait_for(lambda: dewi.no_window("^Fokus — Selamat datang$"), what="the guide to close")
    assert dewi.cli_ok("config", "get", "language").strip().endswith("id")

    # Her week: one batch per project, planned into the week from the command line.
    dewi.cli_ok("batch", "add", "-p", "SIASN", "-t", "Refactor API", "--estimate", "180",
                "--due", "2026-11-27", "--note", "Mulai dari tes AuthClient yang gagal")
    dewi.cli_ok("batch", "add", "-p", "MyASN", "-t", "Login page", "--estimate", "120",
                "--due", "2026-11-27")
    plan = dewi.cli_ok("plan", "--apply")
    assert "Refactor API" in plan and "Login page" in plan, plan
    blocks = dewi.cli_json("block", "list")["blocks"]
    assert {b["project"] for b in blocks} == {"SIASN", "MyASN"}, blocks  # type: ignore[index]
    # The plan in the Week window, opened from the tray (Pekan… is third from the end).
    week = dewi.user_opens_window_from_menu(3, "^Fokus — Pekan$")
    dewi.screenshot("monday-week-window")
    dewi.user_closes_window(week)
    dewi.sees_window_close("^Fokus — Pekan$", week)


def test_monday_the_deep_work_window_opens_and_she_starts_from_the_tray(dewi: WeekUser) -> None:
    # 08:00: the first no-meeting window of the day opens, with her plan in it.
    notice = dewi.sees_notice("Jam kerja mendalam", timeout=40,
                              shot="monday-0800-deep-work-notice")
    assert "10.00" in notice.summary, f"the time is not written as Indonesian does: {notice}"
    assert "SIASN" in notice.body, notice

    dewi.user_opens_tray_menu()
    dewi.screenshot("monday-tray-menu")
    dewi.user_picks_from_menu("Down", "Return")  # the bold first entry: Mulai rencana: …
    wait_for(lambda: dewi.state() == "focusing", what="the planned session to start")
    status = dewi.status()
    assert (status["project"], status["batch"]) == ("SIASN", "Refactor API"), status
    # The batch's preparation note, on the where-you-stopped card.
    dewi.sees_window("^Kembali ke SIASN$")
    dewi.screenshot("monday-card-siasn")
    dewi.user_presses("Escape")  # she has read it (the card does not hold the keyboard)
    dewi.user_focuses(dewi.sees_window("^Kembali ke SIASN$"))
    dewi.user_presses("Return")  # Mengerti
    wait_for(lambda: dewi.no_window("^Kembali ke SIASN$"), what="the card to close")


def test_monday_a_colleague_interrupts_and_she_steps_away(dewi: WeekUser) -> None:
    dewi.wait_for_log("global hotkeys active")
    # Her desktop is quiet while she focuses (do-not-disturb, on by default):
    # dunst holds every banner, Fokus's word that it noted the interruption too.
    assert dewi.desktop_is_quiet(), "the desktop's banners are not held during the session"
    dewi.user_presses_hotkey("ctrl+alt+i")
    wait_for(lambda: "interupsi" in dewi.cli_ok("log").lower(), what="the interruption logged")
    assert dewi.state() != "idle"  # an interruption does not end the session
    # (dunstctl's history would take held notices out of the queue: count them.)
    wait_for(lambda: dewi.notices_count("waiting") == 1, what="the notice held back")
    assert dewi.notices_count("displayed") == 0, "a banner came through the quiet desktop"

    # Coffee: no input for longer than the idle threshold (8 s in this story).
    wait_for(lambda: dewi.state() == "paused", timeout=20, what="no input to pause the session")
    # Paused, the desktop is given back, and the notice held for her shows.
    notice = dewi.sees_notice("Interupsi dicatat")
    assert notice.body == "Fokus mencatat satu interupsi.", notice
    assert not dewi.desktop_is_quiet()
    dewi.user_moves_the_mouse(300, 300)
    back = dewi.sees_window("^Selamat datang kembali$")
    dewi.screenshot("monday-welcome-back")
    dewi.user_focuses(back)
    dewi.user_presses("Return")  # its default: the time away was a break
    wait_for(lambda: dewi.state() == "focusing", what="the session to go on")


def test_monday_she_stops_and_writes_where_she_stopped(dewi: WeekUser) -> None:
    dewi.user_opens_tray_menu()
    dewi.screenshot("monday-tray-menu-focusing")
    # Under the session's header: Pindah ke, Catat interupsi, Jeda, Hentikan.
    dewi.user_picks_from_menu("Down", "Down", "Down", "Down", "Return")
    wait_for(lambda: dewi.state() == "idle", what="the session to stop")
    prompt = dewi.sees_window("^Sesi di SIASN berakhir$")
    dewi.user_focuses(prompt)
    dewi.user_types("AuthClient.refresh lolos; berikutnya: retry")
    dewi.screenshot("monday-session-ended-note")
    dewi.user_presses("Return")
    wait_for(lambda: dewi.no_window("^Sesi di SIASN berakhir$"), what="the prompt to close")
    notes = dewi.cli_ok("note", "list", "-p", "SIASN")
    assert "AuthClient.refresh lolos" in notes, notes
    # Enter kept the note; it did not also rate the session's flow.
    assert dewi.fokus.query("SELECT flow_rating FROM focus_session") == (None,)
    dewi.user_quits_fokus()  # the end of her Monday


# -- Tuesday 24 November: two projects, notes between them ------------------------------


def test_tuesday_early_a_terminal_in_utc_agrees_on_today(dewi: WeekUser) -> None:
    # 06:30 in Jakarta is still Monday 23:30 in UTC; Fokus is not running yet.
    dewi.user_quits_fokus()
    dewi.clock_reads("2026-11-24 06:30:00")
    here = dewi.cli_json("log")
    there = dewi.cli_json("log", tz="UTC")
    assert here["date"] == "2026-11-24", here
    assert there["date"] == here["date"], (
        "issue 11 item 2: with no tray running, `fokus log --json` in TZ=UTC and in "
        f"TZ=Asia/Jakarta disagree on today at 06:30 WIB: UTC says {there['date']}, "
        f"Jakarta says {here['date']} (the command line takes 'today' from its own zone, "
        "not from the person's)")


def test_tuesday_the_deep_work_notice_comes_once_also_after_a_restart(dewi: WeekUser) -> None:
    dewi.begins_the_day("2026-11-24 07:59:52")
    notice = dewi.sees_notice("Jam kerja mendalam sampai 10.00", timeout=30)
    assert notice.body, notice
    dewi.user_quits_fokus()
    dewi.user_starts_fokus()  # e.g. after an update
    dewi.wait_for_log("ready")
    again = [n for n in dewi.notices() if "Jam kerja mendalam" in n.summary]
    assert not again, ("issue 10 item 4: the deep-work notice came again after a restart of "
                       f"Fokus within the same window (08:00–10:00): {again}")


def test_tuesday_she_switches_projects_and_finds_where_she_stopped(dewi: WeekUser) -> None:
    dewi.cli_ok("start", "-p", "MyASN")
    wait_for(lambda: dewi.state() == "focusing", what="the MyASN session")
    dewi.user_opens_tray_menu()
    # Pindah ke ▸ (MyASN (sekarang) is greyed) SIASN
    dewi.user_picks_from_menu("Down", "Right")
    dewi.screenshot("tuesday-switch-menu")
    dewi.user_picks_from_menu("Return")
    prompt = dewi.sees_window("^Meninggalkan MyASN$")
    dewi.user_focuses(prompt)
    dewi.user_types("Form login selesai; berikutnya: validasi NIP")
    dewi.screenshot("tuesday-leaving-myasn")
    dewi.user_presses("Return")  # keeps the note, and starts SIASN (checked by default)
    wait_for(lambda: dewi.status().get("project") == "SIASN", what="the session on SIASN")
    # Back on SIASN: the card with Monday's note.
    dewi.sees_window("^Kembali ke SIASN$")
    dewi.screenshot("tuesday-card-siasn-monday-note")
    switch = dewi.fokus.query(
        "SELECT p1.name, p2.name FROM context_switch c JOIN project p1 ON p1.id = "
        "c.from_project_id JOIN project p2 ON p2.id = c.to_project_id ORDER BY c.id DESC")
    assert switch == ("MyASN", "SIASN"), switch
    assert "validasi NIP" in dewi.cli_ok("note", "list", "-p", "MyASN")
    log = dewi.cli_ok("log")
    assert "MyASN" in log and "SIASN" in log, log
    dewi.cli_ok("stop")
    prompt = dewi.sees_window("^Sesi di SIASN berakhir$")
    dewi.user_focuses(prompt)
    dewi.user_presses("Escape")  # nothing to add this time
    # Her day so far, in Today (Hari ini… is eighth from the end of the menu).
    today = dewi.user_opens_window_from_menu(8, "^Fokus — Hari ini$")
    dewi.screenshot("tuesday-today-window")
    dewi.user_closes_window(today)
    dewi.user_quits_fokus()


# -- Wednesday 25 November: the reflection waits for the session ---------------------------


def test_wednesday_the_reflection_waits_for_the_end_of_her_session(dewi: WeekUser) -> None:
    dewi.begins_the_day("2026-11-25 16:44:40")
    dewi.wait_for_log("global hotkeys active")
    dewi.user_presses_hotkey("ctrl+alt+f")
    wait_for(lambda: dewi.state() == "focusing", what="the hotkey to start a session")
    # 16:45 passes while she focuses: nothing opens over her work.
    dewi.wait_for_log("reflection reminder held until the session ends", timeout=30)
    assert dewi.no_window("^Refleksi"), "the reflection opened over a running session"
    dewi.screenshot("wednesday-1645-focusing-nothing-over-it")
    dewi.user_presses_hotkey("ctrl+alt+f")  # she stops
    wait_for(lambda: dewi.state() == "idle", what="the hotkey to stop the session")
    # The session's own note comes first; the day's reflection after it.
    note = dewi.sees_window("^Sesi di .* berakhir$")
    assert dewi.no_window("^Refleksi"), "the reflection came before the session's note"
    dewi.user_focuses(note)
    dewi.user_presses("Escape")
    reflection = dewi.sees_window("^Refleksi ")
    title = dewi.window_title(reflection)
    assert "Rabu" in title or "25" in title, title
    dewi.screenshot("wednesday-reflection-after-the-session")
    dewi.cli_ok("reflect", "--satisfaction", "4", "--energy", "3", "--focus", "4",
                "--productivity", "5", "--flow", "once")
    # She closes the lid with Fokus running: the night is a suspend.


# -- Thursday 26 November: an early start, the tray and a terminal in UTC ------------------


def test_thursday_after_a_night_asleep_the_tray_and_a_terminal_in_utc_agree(
        dewi: WeekUser) -> None:
    # Wednesday evening she closed the lid with Fokus running; the machine wakes
    # at 06:45 in Jakarta, which is Wednesday 23:45 in UTC.
    dewi.clock_reads("2026-11-26 06:45:00")
    here = dewi.cli_json("log")
    there = dewi.cli_json("log", tz="UTC")
    assert here["date"] == there["date"] == "2026-11-26", (here["date"], there["date"])
    assert dewi.cli_json("status", tz="UTC")["state"] == dewi.state() == "idle"
    dewi.cli_ok("start", "-p", "MyASN", "--minutes", "50", tz="UTC")
    here, there = dewi.status(), dewi.cli_json("status", tz="UTC")
    assert here == there, (here, there)
    assert str(here["started_at"]).startswith("2026-11-26T06:45"), here
    dewi.cli_ok("stop", tz="UTC")
    dewi.user_focuses(dewi.sees_window("^Sesi di MyASN berakhir$"))
    dewi.user_presses("Escape")


def test_thursday_the_deep_work_window_is_announced_after_the_machine_slept(
        dewi: WeekUser) -> None:
    dewi.clock_reads("2026-11-26 07:59:55")
    notice = dewi.sees_notice("Jam kerja mendalam sampai 10.00", timeout=35)
    assert "MyASN" in notice.body, notice  # Thursday's plan: the login page
    dewi.user_quits_fokus()


# -- Friday 27 November: the week's report for her PIC, and the team's ---------------------


def test_friday_she_exports_her_week_and_the_pic_merges_the_team(
        dewi: WeekUser, tmp_path: Path) -> None:
    dewi.user_quits_fokus()
    dewi.clock_reads("2026-11-27 16:29:52")
    dewi.cli_ok("config", "set", "display_name", "Dewi Lestari")
    dewi.user_starts_fokus()
    notice = dewi.sees_notice("Laporan mandiri mingguan", timeout=30,
                              shot="friday-1630-export-notice")
    assert "2026-W48" in notice.body or "48" in notice.body, notice
    dewi.sees_window("^Ekspor laporan mandiri mingguan$")
    dewi.screenshot("friday-1630-export-reminder")

    out = tmp_path / "untuk-pic"
    out.mkdir()
    for fmt in ("pdf", "json"):
        dewi.cli_ok("export", "--format", fmt, "--out", str(out))
    names = sorted(p.name for p in out.iterdir())
    assert names == ["fokus-2026-W48-dewi-lestari.json", "fokus-2026-W48-dewi-lestari.pdf"], \
        names
    mine = pdf_text(out / "fokus-2026-W48-dewi-lestari.pdf")
    assert "2026-W48" in mine and "Dewi Lestari" in mine, mine[:400]
    assert "SIASN" in mine and "MyASN" in mine, mine[:800]
    problems = what_a_pic_would_question(mine, "her PDF")

    # Two colleagues' exports land in the same folder without replacing hers.
    for colleague in ("Budi Santoso", "Sari Wulandari"):
        colleague_exports_week_48(dewi, colleague, tmp_path, out)
    jsons = sorted(str(p) for p in out.glob("*.json"))
    assert [Path(p).name for p in jsons] == [
        "fokus-2026-W48-budi-santoso.json", "fokus-2026-W48-dewi-lestari.json",
        "fokus-2026-W48-sari-wulandari.json"]

    # The PIC's team report, from the three files.
    team = tmp_path / "tim-W48.pdf"
    report = dewi.cli_ok("team-report", *jsons, "--out", str(team))
    assert "3" in report and team.exists(), report
    text = pdf_text(team)
    assert "2026-W48" in text and "Dewi Lestari" in text, text[:400]
    problems += what_a_pic_would_question(text, "the team report")
    if "SIASN" not in text:
        problems.append("the team report has no time per project (SIASN, MyASN): item 5 asks "
                        "for the team's time per project, planned against done, batches "
                        "finished")
    assert not problems, "issue 10 item 5 (what the PIC receives):\n" + "\n".join(problems)


def what_a_pic_would_question(text: str, which: str) -> list[str]:
    """Item 5 of the week's issue, read in an Indonesian PDF."""
    import re

    problems = []
    if not re.search(r"23[–-]29 Nov|23 Nov", text):  # the ISO week runs Monday to Sunday
        problems.append(f"{which}: no date range (23–29 Nov) beside the ISO week 2026-W48")
    decimals = [n for n in re.findall(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])", text)
                if not re.fullmatch(r"([01]?\d|2[0-3])\.[0-5]\d", n)]  # 16.30 is a time
    if decimals:
        problems.append(f"{which}: numbers written the English way in Indonesian: "
                        f"{sorted(set(decimals))[:6]} (Indonesian writes 3,67)")
    share = re.search(r"Porsi kerja mendalam[^\n]*", text)
    if share and "%" not in share.group(0):
        problems.append(f"{which}: the deep-work share is not a percentage: "
                        f"{' '.join(share.group(0).split())!r}")
    return problems


def colleague_exports_week_48(dewi: WeekUser, name: str, tmp_path: Path, out: Path) -> None:
    """A colleague on the same clock, with demo history, exports week 48 into ``out``."""
    env = {**dewi.fokus.env, "FOKUS_DATA_DIR": str(tmp_path / name.split()[0].lower())}
    for args in (("demo", "--weeks", "1"), ("config", "set", "display_name", name),
                 ("export", "--format", "json", "--week", "2026-W48", "--out", str(out))):
        result = subprocess.run([dewi.fokus_bin(), *args], env=env, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 0, (args, result.stderr)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
