#!/usr/bin/env python3
"""A table's query as a person at a terminal sees it: kpi under a pseudo-terminal draws
"querying TABLE in the warehouse, N s" on stderr while the query runs, then clears it;
nothing is drawn when stderr is a pipe. KPI_PROGRESS_AFTER_MS=0 draws from the start.

Usage: progress_pty.py TABLE KPI ARGS...   (exit 1 with what the terminal got)
"""
import os
import pty
import re
import subprocess
import sys

table, kpi, args = sys.argv[1], sys.argv[2], sys.argv[3:]
env = dict(os.environ, KPI_PROGRESS_AFTER_MS="0", TERM="xterm")
pid, fd = pty.fork()
if pid == 0:
    os.execve(kpi, [kpi] + args, env)
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
line = re.compile(rb"\rquerying " + re.escape(table.encode()) + rb" in the warehouse, [1-9]\d* s\x1b\[K")
if not line.search(out) or not out.rstrip(b"\n").count(b"\r\x1b[K"):
    sys.exit("no query progress line, or not cleared: %r" % out[-400:])
piped = subprocess.run([kpi] + args, env=env, capture_output=True)
if b"querying" in piped.stderr:
    sys.exit("a progress line was drawn into a pipe")
print("query progress: drawn on a terminal, cleared, not drawn into a pipe")
