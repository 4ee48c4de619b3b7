#!/usr/bin/env python3
"""Drives `kpi define` through a pseudo-terminal, answering each SMART question.

Usage: define_interactive.py KPI_BINARY
Checks the warnings the answers draw (a vague description, a target that is not a
number, a stretch beyond max_stretch, a misspelt owner), the YAML appended to kpi.yaml
byte for byte, and that Ctrl-D stops without writing.
"""
import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile
import time

KPI = sys.argv[1]
ENV = dict(os.environ, NO_COLOR="1", KPI_TODAY="2026-11-23", TERM="dumb")


class Session:
    def __init__(self, args):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(KPI, [KPI] + args, ENV)
        self.seen = ""

    def expect(self, text, timeout=20):
        deadline = time.time() + timeout
        while text not in self.seen:
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {text!r}; output so far:\n{self.seen}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096).decode("utf-8", "replace")
                except OSError:
                    chunk = ""
                if not chunk:
                    raise AssertionError(f"output ended before {text!r}:\n{self.seen}")
                self.seen += chunk.replace("\r\n", "\n")
        at = self.seen.index(text) + len(text)
        self.seen = self.seen[at:]

    def answer(self, prompt, reply):
        self.expect(prompt)
        os.write(self.fd, reply.encode() + b"\r")

    def finish(self):
        rest = ""
        while True:
            try:
                chunk = os.read(self.fd, 4096).decode("utf-8", "replace")
            except OSError:
                break
            if not chunk:
                break
            rest += chunk.replace("\r\n", "\n")
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status), self.seen + rest


def check(condition, message):
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


def main():
    work = tempfile.mkdtemp(prefix="kpi-define-pty-")
    try:
        ws = os.path.join(work, "ws")
        subprocess.run([KPI, "init", ws, "--example", "sales", "-q"], check=True, env=ENV)
        yaml = os.path.join(ws, "kpi.yaml")
        before = open(yaml, encoding="utf-8").read()

        s = Session(["-C", ws, "define", "sales.nps"])
        s.answer("Name (a few words): ", "Customer satisfaction")
        s.answer("Description (what is counted, and how): ", "Improve customer happiness")
        s.expect("warning: 'improve' says which way, not how far or what is counted.")
        s.expect("For example:")
        s.answer("Description (what is counted, and how) [Improve customer happiness]: ",
                 "Net promoter score from the quarterly customer survey")
        s.answer("Unit of measure (VND, orders, %, hours...): ", "points")
        s.answer("Source (the system or report the number comes from): ",
                 "Quarterly survey tool export")
        s.answer("Aggregate (sum, mean, min, max, last, count) [sum]: ", "mean")
        s.answer("Direction (higher, lower, range) [higher]: ", "")
        s.answer("Target per period (empty: tracked, not scored): ", "abc")
        s.expect("--target 'abc': not a number")
        s.answer("Target per period (empty: tracked, not scored): ", "45")
        s.answer("Baseline (the current value; empty: unknown): ", "20")
        s.expect("warning: the target lies 125.0 % beyond the baseline, more than max_stretch 50 %")
        s.expect("Units and people: company, sales, lan, hung, ha")
        s.answer("Owner (the accountable unit or person): ", "sles")
        s.expect("no unit or person 'sles'; did you mean 'sales'?")
        s.answer("Owner (the accountable unit or person): ", "sales")
        s.answer("Assigned to (ids, comma-separated, or members) [sales]: ", "members")
        s.expect("KPIs: company.revenue, sales.revenue, sales.visits, sales.complaints")
        s.answer("Aligned to (the KPI it serves; empty: none): ", "sales.revenue")
        s.answer("Period (daily, weekly, monthly, quarterly, yearly) [monthly]: ", "quarterly")
        status, output = s.finish()
        check(status == 0, f"exit status {status}:\n{output}")
        check("warning[smart-stretch]" in output, f"no smart-stretch finding:\n{output}")
        check("added sales.nps to kpi.yaml" in output, f"no confirmation:\n{output}")
        after = open(yaml, encoding="utf-8").read()
        expected = before + (
            "\n"
            "  - id: sales.nps\n"
            "    name: Customer satisfaction\n"
            "    description: Net promoter score from the quarterly customer survey\n"
            "    owner: sales\n"
            "    assigned_to: members\n"
            "    unit: points\n"
            "    source: Quarterly survey tool export\n"
            "    aggregate: mean\n"
            "    period: quarterly\n"
            "    target: 45\n"
            "    baseline: 20\n"
            "    aligned_to: sales.revenue\n")
        check(after == expected, "kpi.yaml is not as expected:\n" + after[len(before) - 40:])

        # Only what the flags leave out is asked; serving no goal asks for the type.
        s = Session(["-C", ws, "define", "lan.mentoring", "--name", "Mentoring hours",
                     "--description", "Hours spent coaching the two junior salespeople",
                     "--unit", "hours", "--source", "Calendar", "--aggregate", "sum",
                     "--direction", "higher", "--target", "8", "--baseline", "6",
                     "--owner", "lan", "--period", "monthly", "--weight", "0"])
        s.answer("Assigned to (ids, comma-separated, or members) [lan]: ", "")
        s.answer("Aligned to (the KPI it serves; empty: none): ", "")
        s.answer("Type (strategic, operational, functional) [strategic]: ", "")
        status, output = s.finish()
        check(status == 0, f"flags: exit status {status}:\n{output}")
        for question in ("Name", "Description", "Unit", "Source", "Aggregate", "Direction",
                         "Target", "Baseline", "Owner", "Period"):
            check(question + " (" not in output, f"flags: asked for {question}:\n{output}")
        expected += (
            "\n"
            "  - id: lan.mentoring\n"
            "    name: Mentoring hours\n"
            "    description: Hours spent coaching the two junior salespeople\n"
            "    owner: lan\n"
            "    unit: hours\n"
            "    source: Calendar\n"
            "    period: monthly\n"
            "    target: 8\n"
            "    baseline: 6\n"
            "    weight: 0\n"
            "    type: strategic\n")
        after = open(yaml, encoding="utf-8").read()
        check(after == expected, "kpi.yaml is not as expected:\n" + after[-400:])

        # Ctrl-D at a question stops and writes nothing.
        s = Session(["-C", ws, "define", "sales.stop"])
        s.answer("Name (a few words): ", "Stopped halfway")
        s.expect("Description (what is counted, and how): ")
        os.write(s.fd, b"\x04")
        status, output = s.finish()
        check(status == 1, f"Ctrl-D: exit status {status}:\n{output}")
        check("stopped; nothing written" in output, f"Ctrl-D: no message:\n{output}")
        check(open(yaml, encoding="utf-8").read() == expected, "Ctrl-D changed kpi.yaml")

        # An empty answer to a required question stops too.
        s = Session(["-C", ws, "define", "sales.empty"])
        s.answer("Name (a few words): ", "")
        status, output = s.finish()
        check(status == 1, f"empty name: exit status {status}:\n{output}")
        check(open(yaml, encoding="utf-8").read() == expected, "an empty answer changed kpi.yaml")

        # --no-input never asks, even on a terminal.
        s = Session(["-C", ws, "define", "sales.flags", "--no-input", "--name", "X"])
        status, output = s.finish()
        check(status == 2, f"--no-input: exit status {status}:\n{output}")
        check("needs --owner, --unit, --period" in output, f"--no-input:\n{output}")
        check("Owner" not in output.split("needs")[0], f"--no-input asked:\n{output}")
        print("ok")
    finally:
        shutil.rmtree(work)


main()
