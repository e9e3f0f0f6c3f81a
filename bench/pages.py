"""Requests per second of Kansli's public meeting page and of the open-data API's list of
meetings, each against a minimal Django view.

All are served by gunicorn with the same number of sync workers on loopback and loaded by the
same generator in the same run; the figures that matter are the ratios (target: each at ≥ 1/3 of
the minimal view's rate). The API's rate limit stays on, set too high to refuse anything, so its
cost is measured too. Usage: .venv/bin/python bench/pages.py [--seconds 10]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import describe, run_load  # noqa: E402

BIN = Path(sys.executable).parent
HERE = Path(__file__).resolve().parent
API_LIST = "/api/v1/meetings"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, path: str = "/", timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.1)
    raise SystemExit(f"server on port {port} did not start")


@contextlib.contextmanager
def serving(command: list[str], port: int, env: dict[str, str], cwd: Path | None = None):
    process = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_until_up(port)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)


def kansli(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [str(BIN / "kansli"), *args], env=env, check=True, capture_output=True, text=True
    ).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "KANSLI_DATA_DIR": data_dir, "DEBUG": "false",
               "KANSLI_API_RATE_LIMIT": "1000000000/min"}
        env.pop("DATABASE_URL", None)
        kansli(env, "migrate", "--noinput")
        kansli(env, "collectstatic", "--noinput")
        output = kansli(env, "demo")
        meeting_path = output.rsplit(" at ", 1)[1].strip()

        minimal_port, kansli_port = free_port(), free_port()
        gunicorn = [str(BIN / "gunicorn"), "--workers", str(args.workers), "--bind"]
        with serving([*gunicorn, f"127.0.0.1:{minimal_port}", "minimal_site:application"],
                     minimal_port, env, cwd=HERE):
            minimal = run_load("127.0.0.1", minimal_port, "/", seconds=args.seconds,
                               connections=args.connections)
        with serving([str(BIN / "kansli"), "serve", "--bind", f"127.0.0.1:{kansli_port}",
                      "--workers", str(args.workers)], kansli_port, env):
            run_load("127.0.0.1", kansli_port, meeting_path, seconds=1, connections=2)  # warm up
            page = run_load("127.0.0.1", kansli_port, meeting_path, seconds=args.seconds,
                            connections=args.connections)
            run_load("127.0.0.1", kansli_port, API_LIST, seconds=1, connections=2)  # warm up
            api_list = run_load("127.0.0.1", kansli_port, API_LIST, seconds=args.seconds,
                                connections=args.connections)

    print(f"{os.cpu_count()} cores, {args.workers} gunicorn workers, "
          f"{args.connections} connections, {args.seconds:.0f} s each")
    print(describe("minimal Django view", minimal))
    print(describe(f"meeting page {meeting_path}", page))
    print(describe(f"API list {API_LIST}", api_list))
    print(f"ratio meeting page / minimal view: {page.rate / minimal.rate:.2f} (target ≥ 0.33)")
    print(f"ratio API list / minimal view: {api_list.rate / minimal.rate:.2f} (target ≥ 0.33)")


if __name__ == "__main__":
    main()
