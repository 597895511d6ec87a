"""What the benchmark and the load test share: a gunicorn of our own on a free
port (started in its own session, stopped by that session alone), the workers
it forked, nearest-rank percentiles, milliseconds as the tables print them, and
the tables' header and rules.

One copy here so that the two measure and print alike: a p95 in ``make bench``
and a p95 in ``make load-test`` are the same statistic.
"""
from __future__ import annotations

import http.client
import os
from pathlib import Path
import signal
import socket
import subprocess
import time

BASE_DIR = Path(__file__).resolve().parent.parent

# The gunicorn's own log and, where asked for, its workers' stderr (Django
# logs a 500's traceback there).
LOG_NAMES = ("gunicorn.log", "gunicorn.out")


class ServerError(RuntimeError):
    """gunicorn exited at start or did not answer in time (the message says which, with its log)."""


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------

def percentile(values, p):
    """The nearest-rank percentile (p in 0..100) of a list, not necessarily
    sorted; None for an empty one."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-p * len(ordered) // 100)))  # ceil, within the list
    return ordered[int(rank) - 1]


def fmt_ms(value):
    """Milliseconds for a table: whole above 100, one decimal below, a dash for none."""
    return "—" if value is None else f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


# The three timing columns both tables print, under one header.
TIMES_HEAD = f"{'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}"


def times(row):
    """A row's p50, p95 and max (``p50_ms``, ``p95_ms``, ``max_ms``) under TIMES_HEAD."""
    return " ".join(f"{fmt_ms(row.get(key)):>8}" for key in ("p50_ms", "p95_ms", "max_ms"))


def rule(head):
    """The rule under (or between parts of) a table, as long as its header."""
    return "-" * len(head)


# ---------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------

def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children_of(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        try:
            import psutil

            return [c.pid for c in psutil.Process(pid).children()]
        except Exception:  # noqa: BLE001 - no psutil, or the process is gone
            return []


def stop_session(process, timeout=20):
    """Stop a server started with ``start_new_session=True``: SIGTERM to its
    process group (the session we started, no other), SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def server_log(logdir):
    """The text of gunicorn's logs in ``logdir`` (empty when there are none)."""
    text = ""
    for name in LOG_NAMES:
        path = Path(logdir) / name
        if path.exists():
            text += path.read_text(encoding="utf-8", errors="replace")
    return text


def start_gunicorn(python, workers, logdir, env, ready_path, capture_output=False, timeout=120):
    """gunicorn serving ``archive.wsgi`` on a free port of 127.0.0.1, in a
    session of its own; returns (process, port) once ``ready_path`` answers 200
    and all ``workers`` are forked. Its access and error logs go to ``logdir``;
    with ``capture_output`` its stdout and stderr too (``gunicorn.out``).
    Raises ServerError, the server stopped, if it exits or is not ready in time."""
    logdir = Path(logdir)
    port = free_port()
    gunicorn = Path(python).parent / "gunicorn"
    cmd = ([str(gunicorn)] if gunicorn.exists() else [python, "-m", "gunicorn"]) + [
        "archive.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
        "--access-logfile", str(logdir / "access.log"), "--error-logfile", str(logdir / "gunicorn.log"),
    ]
    if capture_output:
        with open(logdir / "gunicorn.out", "ab") as out:
            process = subprocess.Popen(cmd, cwd=BASE_DIR, env=env, start_new_session=True,
                                       stdout=out, stderr=subprocess.STDOUT)
    else:
        process = subprocess.Popen(cmd, cwd=BASE_DIR, env=env, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError("gunicorn exited at start:\n" + server_log(logdir)[-3000:])
        try:
            if _status(port, ready_path) == 200 and len(children_of(process.pid)) >= workers:
                return process, port
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.2)
    stop_session(process)
    raise ServerError(f"gunicorn did not answer within {timeout} s")


def _status(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()
