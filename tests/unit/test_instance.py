"""The command socket is private: it lives where only the user can write, the
command line checks what stands at its path and who answers on it before it
sends anything, and a path that is not Fokus's own is refused, never followed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import ErrorCode, FokusError
from app.platform import instance
from app.platform.instance import check_socket, peer_uid, prepare_listen, send
from app.platform.paths import Paths, is_private_dir, runtime_dir

NOBODY = 65534
as_root = pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0,
                             reason="needs root to act as a second local user")


@pytest.fixture
def private_tmp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A short temporary directory standing in for /tmp, with no runtime directory."""
    import shutil

    base = Path(tempfile.mkdtemp(prefix="fk"))
    base.chmod(0o1777)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(base))
    yield base
    shutil.rmtree(base)


def _long_dir(tmp_path: Path) -> Path:
    long = tmp_path / ("d" * 60) / ("e" * 60)
    long.mkdir(parents=True, mode=0o700)
    return long


def _refused(err: pytest.ExceptionInfo[FokusError]) -> str:
    assert err.value.code is ErrorCode.INSTANCE_SOCKET_FOREIGN
    return str(err.value.params["reason"])


def test_a_short_private_data_dir_keeps_the_socket(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    assert Paths(data).socket == data / "fokus.sock"


def test_a_long_data_dir_uses_the_private_runtime_dir(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    import tempfile

    # A short one, as /run/user/1000 is (a runtime dir too long for a socket
    # name is passed over, whatever folder the test runner gives this test).
    runtime = Path(tempfile.mkdtemp(prefix="run-"))
    try:
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
        sock = Paths(_long_dir(tmp_path)).socket
        assert sock.parent == runtime and sock.name.startswith("fokus-")
        assert len(str(sock)) < 100
    finally:
        shutil.rmtree(runtime)


def test_without_a_runtime_dir_the_socket_gets_a_0700_folder_of_its_own(
        tmp_path: Path, private_tmp: Path) -> None:
    sock = Paths(_long_dir(tmp_path)).socket
    assert sock.parent.parent == private_tmp and sock.parent.name == f"fokus-{os.getuid()}"
    prepare_listen(sock)
    assert is_private_dir(sock.parent) and (sock.parent.stat().st_mode & 0o777) == 0o700


def test_a_shared_data_dir_or_runtime_dir_is_not_used(tmp_path: Path, private_tmp: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))
    assert runtime_dir().parent == private_tmp
    assert Paths(shared).socket.parent == runtime_dir()


def test_a_plain_file_in_the_sockets_place_is_refused_and_kept(tmp_path: Path) -> None:
    sock = tmp_path / "fokus.sock"
    sock.write_text("mine")
    with pytest.raises(FokusError) as err:
        send(sock, "status")
    assert _refused(err) == "it is not a socket"
    with pytest.raises(FokusError):
        prepare_listen(sock)
    assert sock.read_text() == "mine"


def test_a_symlink_in_the_sockets_place_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(target))
        server.listen()
        (tmp_path / "fokus.sock").symlink_to(target)
        with pytest.raises(FokusError) as err:
            send(tmp_path / "fokus.sock", "status")
        assert _refused(err) == "it is a symbolic link"
        server.settimeout(0.2)
        with pytest.raises(TimeoutError):
            server.accept()  # nothing ever connected through the link
    assert (tmp_path / "fokus.sock").is_symlink()


def test_no_socket_means_no_tray(tmp_path: Path) -> None:
    with pytest.raises(ConnectionError):
        send(tmp_path / "fokus.sock", "status")
    with pytest.raises(ConnectionError):  # the private folder was never made
        send(tmp_path / "fokus-0" / "x.sock", "status")


def test_peer_uid_is_the_users_own_on_a_real_socket() -> None:
    if not hasattr(socket, "SO_PEERCRED"):
        pytest.skip("SO_PEERCRED is Linux's")
    a, b = socket.socketpair()
    with a, b:
        assert peer_uid(a) == os.getuid()


def test_a_socket_answered_by_another_user_gets_nothing(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    sock = tmp_path / "fokus.sock"
    received: list[bytes] = []
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(sock))
        server.listen()

        def serve() -> None:
            conn, _ = server.accept()
            with conn:
                conn.settimeout(1.0)
                try:
                    received.append(conn.recv(1024))
                except TimeoutError:
                    received.append(b"(timeout)")

        thread = threading.Thread(target=serve)
        thread.start()
        monkeypatch.setattr(instance, "peer_uid", lambda s: os.getuid() + 1)
        with pytest.raises(FokusError) as err:
            send(sock, "note", {"text": "secret"})
        thread.join()
    assert _refused(err) == "another user's program answers on it"
    assert received == [b""]  # the connection closed without a byte of the command


@as_root
def test_a_folder_another_user_made_first_is_refused(tmp_path: Path, private_tmp: Path) -> None:
    sock = Paths(_long_dir(tmp_path)).socket
    sock.parent.mkdir(mode=0o700)
    os.chown(sock.parent, NOBODY, NOBODY)
    with pytest.raises(FokusError) as err:
        send(sock, "status")
    assert "not the user's own" in _refused(err)
    with pytest.raises(FokusError):
        prepare_listen(sock)


@as_root
def test_a_socket_file_of_another_user_is_refused(tmp_path: Path) -> None:
    sock = tmp_path / "fokus.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(sock))
        os.chown(sock, NOBODY, NOBODY)
        with pytest.raises(FokusError) as err:
            check_socket(sock)
    assert _refused(err) == "it belongs to another user"


@as_root
def test_a_real_second_user_listening_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    """The socket file is the user's (made before the other process dropped
    to another uid), so only SO_PEERCRED can tell."""
    if not hasattr(socket, "SO_PEERCRED"):
        pytest.skip("SO_PEERCRED is Linux's")
    sock = tmp_path / "fokus.sock"
    out = tmp_path / "got"
    script = (
        "import os, socket, sys\n"
        "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n"
        f"s.bind({str(sock)!r})\n"
        f"os.setgid({NOBODY}); os.setuid({NOBODY}); s.listen()\n"
        "print('ready', flush=True)\n"
        "c, _ = s.accept(); c.settimeout(2)\n"
        "data = c.recv(1024)\n"
        "sys.stderr.write(repr(data))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        with pytest.raises(FokusError) as err:
            send(sock, "note", {"text": "secret"})
        _, stderr = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert _refused(err) == "another user's program answers on it"
    assert stderr == "b''" and not out.exists()


def test_the_command_line_says_so_in_one_line(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli.main import main

    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "fokus.sock").write_text("not a socket")
    assert main(["--data-dir", str(data), "status"]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "fokus.sock" in err and "nothing was sent" in err
