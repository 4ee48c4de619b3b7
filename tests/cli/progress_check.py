#!/usr/bin/env python3
"""The progress line as a person at a terminal sees it: kpi score, report and validate
--data run under a pseudo-terminal draw "reading ... of ... (N %)" on stderr and clear
it when done; nothing is drawn when stderr is a pipe, with -q, or in validate's CI
formats. KPI_PROGRESS_AFTER_MS=0 draws at once (the examples are read in a blink).

Usage: progress_check.py KPI EXAMPLES_DIR
"""
import os
import pty
import re
import subprocess
import sys

kpi, examples = sys.argv[1], sys.argv[2]
env = dict(os.environ, KPI_PROGRESS_AFTER_MS="0", TERM="xterm")
LINE = re.compile(rb"\rreading [0-9.]+ [KMG]?B of [0-9.]+ [KMG]?B \(\d+ %\)[^\x1b]*\x1b\[K")
CLEAR = b"\r\x1b[K"
failures = []


def under_pty(args):
    """All a terminal receives from the command (stdout and stderr)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(kpi, [kpi, "-C", examples] + args, env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    return out


period = ["--period", "2026-10", "--as-of", "2026-11-05"]
for args in (["score"] + period, ["report"] + period + ["--format", "md"], ["validate", "--data"]):
    seen = under_pty(args)
    if not LINE.search(seen):
        failures.append("%s: no progress line on the terminal" % " ".join(args))
    if CLEAR not in seen:
        failures.append("%s: the progress line is not cleared" % " ".join(args))
    # The line is cleared before the results: what follows the last clear has no \r line.
    if LINE.search(seen.split(CLEAR)[-1]):
        failures.append("%s: a progress line is left after the clear" % " ".join(args))

for args in (["-q", "score"] + period, ["validate", "--data", "--format", "github"],
             ["validate", "--data", "--format", "sarif"]):
    if LINE.search(under_pty(args)):
        failures.append("%s: a progress line where none belongs" % " ".join(args))

piped = subprocess.run([kpi, "-C", examples, "score"] + period, env=env,
                       capture_output=True)
if b"\r" in piped.stderr or b"reading" in piped.stderr:
    failures.append("score with stderr piped drew a progress line: %r" % piped.stderr[:200])

for failure in failures:
    print("FAIL:", failure)
print("progress_check: %d failures" % len(failures))
sys.exit(1 if failures else 0)
