"""Desktop integration: one application id across the .desktop file, the
AppStream metainfo and the icons; the files validate; autostart is written and
removed (Linux for real; the Windows and macOS forms by their content)."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
from pathlib import Path

import pytest

from app import APP_ID
from app.platform import autostart

ROOT = Path(__file__).resolve().parents[2]


def need(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is missing: sudo apt-get install {package}", pytrace=False)
    return found


def test_desktop_file_and_metainfo_validate() -> None:
    desktop = ROOT / "packaging" / f"{APP_ID}.desktop"
    metainfo = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
    result = subprocess.run([need("desktop-file-validate", "desktop-file-utils"),
                             str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    result = subprocess.run([need("appstreamcli", "appstream"), "validate", "--no-net",
                             str(metainfo)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = metainfo.read_text()
    assert f"<id>{APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text
    assert f"Icon={APP_ID}" in desktop.read_text()


def test_icons_exist_at_every_size() -> None:
    icons = ROOT / "resources" / "icons"
    assert (icons / f"{APP_ID}.svg").read_text().startswith("<?xml")
    for size in (16, 22, 24, 32, 48, 64, 128, 256):
        png = icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png


def test_linux_autostart_is_written_valid_and_removed(tmp_path: Path) -> None:
    path = autostart.set_enabled(True, "linux", ["/opt/fokus dir/fokus"])
    assert path == tmp_path / "home" / ".config" / "autostart" / f"{APP_ID}.desktop"
    assert autostart.is_enabled("linux")
    assert 'Exec="/opt/fokus dir/fokus"' in path.read_text()
    result = subprocess.run([need("desktop-file-validate", "desktop-file-utils"), str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    autostart.set_enabled(False, "linux")
    assert not path.exists() and not autostart.is_enabled("linux")
    autostart.set_enabled(False, "linux")  # removing twice is fine


def test_windows_and_macos_entries() -> None:
    cmd = autostart.entry_text([r"C:\Program Files\Fokus\fokus.exe"], "win32")
    assert 'start "" "C:\\Program Files\\Fokus\\fokus.exe"' in cmd
    assert autostart.entry_path("win32").name == "Fokus.cmd"
    plist = plistlib.loads(autostart.entry_text(["/Applications/Fokus.app/fokus"],
                                                "darwin").encode())
    assert plist == {"Label": APP_ID, "ProgramArguments": ["/Applications/Fokus.app/fokus"],
                     "RunAtLoad": True}
    assert autostart.entry_path("darwin").name == f"{APP_ID}.plist"


def test_the_command_is_this_installation() -> None:
    command = autostart.fokus_command()
    assert Path(command[0]).exists()
