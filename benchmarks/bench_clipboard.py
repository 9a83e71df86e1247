"""Cost of one clipboard copy, against spawning /bin/true measured in the same run.

Run: .venv/bin/python benchmarks/bench_clipboard.py [--repeat N]
Starts a private Xvfb (needs xvfb, xclip, xsel); prints milliseconds per copy (median) and the
ratio to the baseline. Never fails on timing.
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quotecli.deliver.clipboard import _run_helper, copy  # noqa: E402

TEXT = "« Une alternative\u202fà OpenAI\u202f», a-t-elle précisé. — Le Monde, 3 mars 2024"


def start_xvfb() -> tuple[subprocess.Popen, str]:
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(write_end)
    number = b""
    while not number.endswith(b"\n") and select.select([read_end], [], [], 10)[0]:
        chunk = os.read(read_end, 16)
        if not chunk:
            break
        number += chunk
    os.close(read_end)
    return server, f":{number.decode().strip()}"


def median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    repeat = parser.parse_args().repeat
    if missing := [t for t in ("Xvfb", "xclip", "xsel") if shutil.which(t) is None]:
        print(f"skipped: not installed: {', '.join(missing)}")
        return 0
    server, display = start_xvfb()
    tmp = tempfile.mkdtemp()
    try:
        env = {"PATH": os.environ["PATH"], "DISPLAY": display, "TERM": "dumb", "HOME": tmp}
        baseline = median_ms(lambda: subprocess.run(["true"], check=True, timeout=5), repeat)
        print(f"baseline: spawn /bin/true        {baseline:6.2f} ms")
        fake = {"QUOTE_CLIPBOARD": "fake", "QUOTE_CLIPBOARD_FAKE_FILE": f"{tmp}/clip"}
        cases = {
            "xclip (copy + read back)": {**env, "QUOTE_CLIPBOARD": "xclip"},
            "xsel (copy + read back)": {**env, "QUOTE_CLIPBOARD": "xsel"},
            "fake (file)": fake,
        }
        for name, environ in cases.items():

            def once(environ=environ):
                outcome = copy(TEXT, environ=environ, tty_path=None)
                assert outcome.ok, outcome

            ms = median_ms(once, repeat)
            print(f"{name:31} {ms:6.2f} ms  ({ms / baseline:4.1f}x baseline)")
        data = TEXT.encode()
        helper = ["xclip", "-i", "-selection", "clipboard"]
        ms = median_ms(lambda: _run_helper(helper, data, env, 2.0), repeat)
        print(
            f"{'xclip (copy only, no read back)':31} {ms:6.2f} ms  ({ms / baseline:4.1f}x baseline)"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
