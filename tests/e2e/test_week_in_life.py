"""A week in the life of Dewi, a programmer in Jakarta on two projects (SIASN
and MyASN), told Monday 23 to Friday 27 November 2026 with the real tray under
Xvfb, a tray host and a notification daemon, real keys and clicks from
xdotool, and a wall clock set by libfaketime for every Fokus process.

Dewi's desktop speaks English; she chooses Bahasa Indonesia in the welcome
guide, so everything she sees afterwards is in Indonesian. Each test is one
day and builds on the one before (the same data directory, in file order).

Fokus starts at login each morning, a few seconds before the moment the day's
story is about (the clock moves between days while Fokus is not running, as a
night does; see tests/helpers/wallclock.py for why the clock moves only
between sessions or by seconds)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.wallclock import WallClock
from tests.helpers.week_user import WeekUser
from tests.helpers.x11 import X11Session, wait_for

pytestmark = pytest.mark.x11

ZONE = "Asia/Jakarta"
SHOTS = Path("/tmp/fokus-week-in-life")


@pytest.fixture(scope="module")
def dewi(x11: X11Session, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WeekUser]:
    home = tmp_path_factory.mktemp("dewi")
    (home / "home").mkdir()
    clock = WallClock(home / "faketime.rc", ZONE)
    user = WeekUser(x11, home / "home", clock, SHOTS)
    yield user
    user.user_quits_fokus()


# -- Monday 23 November: the first morning ------------------------------------------------


def test_monday_dewi_sets_up_fokus_in_indonesian_and_plans_her_week(dewi: WeekUser) -> None:
    dewi.clock_reads("2026-11-23 07:59:35")
    dewi.user_starts_fokus()

    # The guide opens by itself, in the desktop's English.
    guide = dewi.sees_window("^Fokus — Welcome$")
    dewi.screenshot("monday-guide-english")
    dewi.user_focuses(guide)
    dewi.user_presses("Down")  # English → Bahasa Indonesia
    dewi.user_presses("alt+n")  # Next
    # The guide speaks Indonesian from the next page on, on an English desktop.
    guide = dewi.sees_window("^Fokus — Selamat datang$")
    dewi.user_clicks_in(guide, 150, 364)  # the project-name field
    dewi.user_types("SIASN")
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
    blocks = dewi.cli_json("block", "list")
    print(blocks)


def test_monday_the_deep_work_window_opens_and_she_starts_from_the_tray(dewi: WeekUser) -> None:
    # 08:00: the first no-meeting window of the day opens, with her plan in it.
    notice = dewi.sees_notice("Jam kerja mendalam", timeout=40)
    dewi.screenshot("monday-0800-deep-work-notice")
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
    dewi.user_presses_hotkey("ctrl+alt+i")
    notice = dewi.sees_notice("Interupsi dicatat")
    assert notice.body == "Fokus mencatat satu interupsi.", notice
    assert dewi.state() == "focusing"  # an interruption does not end the session
    log = dewi.cli_ok("log")
    assert "interupsi" in log.lower(), log

    # Coffee: no input for longer than the idle threshold (4 s in this story).
    wait_for(lambda: dewi.state() == "paused", timeout=20, what="no input to pause the session")
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
    dewi.clock_reads("2026-11-24 06:30:00")
    here = dewi.cli_json("log")
    there = dewi.cli_json("log", tz="UTC")
    assert here["date"] == "2026-11-24", here
    assert there["date"] == here["date"], (
        "a command line in UTC and one in Asia/Jakarta disagree on today without the tray: "
        f"UTC says {there['date']}, Jakarta says {here['date']}")


def test_tuesday_the_deep_work_notice_comes_once_also_after_a_restart(dewi: WeekUser) -> None:
    dewi.clock_reads("2026-11-24 07:59:52")
    dewi.user_starts_fokus()
    notice = dewi.sees_notice("Jam kerja mendalam sampai 10.00", timeout=30)
    assert notice.body, notice
    dewi.user_quits_fokus()
    dewi.user_starts_fokus()  # e.g. after an update
    dewi.wait_for_log("ready")
    assert not [n for n in dewi.notices() if "Jam kerja mendalam" in n.summary], \
        "the deep-work notice came again after a restart, in the same window"


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
    dewi.user_quits_fokus()


# -- Wednesday 25 November: the reflection waits for the session ---------------------------


def test_wednesday_the_reflection_waits_for_the_end_of_her_session(dewi: WeekUser) -> None:
    dewi.clock_reads("2026-11-25 16:44:40")
    dewi.user_starts_fokus()
    dewi.wait_for_log("global hotkeys active")
    dewi.user_presses_hotkey("ctrl+alt+f")
    wait_for(lambda: dewi.state() == "focusing", what="the hotkey to start a session")
    # 16:45 passes while she focuses: nothing opens over her work.
    dewi.wait_for_log("reflection reminder held until the session ends", timeout=30)
    assert dewi.no_window("^Refleksi"), "the reflection opened over a running session"
    dewi.screenshot("wednesday-1645-focusing-nothing-over-it")
    dewi.user_presses_hotkey("ctrl+alt+f")  # she stops
    wait_for(lambda: dewi.state() == "idle", what="the hotkey to stop the session")
    reflection = dewi.sees_window("^Refleksi ")
    title = dewi.window_title(reflection)
    assert "Rabu" in title or "25" in title, title
    dewi.screenshot("wednesday-reflection-after-the-session")
    dewi.cli_ok("reflect", "--satisfaction", "4", "--energy", "3", "--focus", "4",
                "--productivity", "5", "--flow", "once")
    dewi.user_quits_fokus()
