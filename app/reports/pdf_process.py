"""The weekly PDF drawn by a process of its own, started before the week is read.

``fokus export`` without a tray spends most of its time importing two large
libraries one after the other: SQLModel to read the week, matplotlib to draw
it (about a third of a second each). A child forked at the start of the
command imports matplotlib while this process reads the week; it is then
handed the plain data (app/reports/pdf.py ``PdfInput``) and the file to draw,
and answers with "done" or the error. On a machine with a second core the two
imports overlap. The figures are those the same process would draw: the same
``draw_pdf`` runs on the same data.

Only where forking is plain (Linux, one thread, nothing of Qt or the store
loaded yet) and FOKUS_PDF_FORK is not 0; elsewhere ``draw`` draws in this
process. The child never
returns into the caller's code: it leaves with ``os._exit``."""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.reports.pdf import PdfInput


def _read_all(fd: int) -> bytes:
    chunks: list[bytes] = []
    while True:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def can_fork() -> bool:
    """FOKUS_PDF_FORK=0 draws in the command's own process (the benchmark
    measures both)."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork")
            and threading.active_count() == 1 and os.environ.get("FOKUS_PDF_FORK") != "0")


class PdfDrawer:
    """``draw(data, path)`` draws the PDF; call ``close`` in any case."""

    def __init__(self, fork: bool | None = None) -> None:
        self.pid: int | None = None
        self._to_child = self._from_child = -1
        if not (can_fork() if fork is None else fork):
            return
        data_r, data_w = os.pipe()
        answer_r, answer_w = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            os.close(data_w)
            os.close(answer_r)
            _child(data_r, answer_w)
        os.close(data_r)
        os.close(answer_w)
        self.pid, self._to_child, self._from_child = pid, data_w, answer_r

    @property
    def forked(self) -> bool:
        return self.pid is not None

    def draw(self, data: PdfInput, path: Path) -> Path:
        if self.pid is None:
            from app.reports.pdf import draw_pdf

            return draw_pdf(data, path)
        with contextlib.suppress(BrokenPipeError):  # gone: its answer (none) says so
            _write_all(self._to_child, pickle.dumps((data, str(path))))
        os.close(self._to_child)
        self._to_child = -1
        answer = _read_all(self._from_child)
        os.close(self._from_child)
        self._from_child = -1
        _pid, status = os.waitpid(self.pid, 0)
        self.pid = None
        if not answer:
            raise RuntimeError(f"the PDF drawing process ended without an answer ({status})")
        kind, *details = pickle.loads(answer)
        if kind == "done":
            return path
        if kind == "os":
            errno, strerror, filename = details
            raise OSError(errno, strerror, filename)
        raise RuntimeError(f"the PDF drawing process failed:\n{details[0]}")

    def close(self) -> None:
        """Stop a child that was never given anything to draw."""
        for fd in (self._to_child, self._from_child):
            if fd >= 0:
                os.close(fd)
        self._to_child = self._from_child = -1
        if self.pid is not None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None


def _child(data_r: int, answer_w: int) -> None:  # pragma: no cover - runs in the child
    code = 0
    try:
        # Nothing of the child reaches the terminal: its answer goes through the pipe.
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)
        os.dup2(devnull, 1)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        try:
            import matplotlib.backends.backend_pdf  # noqa: F401
            import matplotlib.figure  # noqa: F401

            from app.reports.pdf import draw_pdf

            payload = _read_all(data_r)
            if not payload:  # the command ended before it had anything to draw
                os._exit(0)
            data, path = pickle.loads(payload)
            draw_pdf(data, Path(path))
            answer: tuple[object, ...] = ("done",)
        except OSError as exc:
            answer = ("os", exc.errno, exc.strerror, exc.filename)
        except BaseException:
            import traceback

            answer = ("error", traceback.format_exc())
            code = 1
        _write_all(answer_w, pickle.dumps(answer))
    finally:
        os._exit(code)
