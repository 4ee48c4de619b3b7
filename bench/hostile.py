#!/usr/bin/env python3
"""Writes the hostile workspaces of issue 17 ("Crashes, hangs, memory") into a folder.

Usage: bench/hostile.py CASE DIR [N]

  chain N     k0 measured, k1 = k0 + 1, ..., k(N-1) = k(N-2) + 1   (default 10000)
  ladder N    l0 measured, l(i) = l(i-1) + l(i-1)                     (default 40)
  cycles N    N formula cycles closing on one long path: c0 = c1, c(i) = c(i+1) + c0
              (N cycles of lengths 2..N+1; the quadratic case)          (default 6000)
  many N      N measured KPIs assigned to one person                    (default 100000)
  aliases N   one 1 MB scalar behind an anchor, used N times            (default 1000)
  bigid MB    a KPI whose id is MB megabytes long                       (default 50)
  nesting N   a flow sequence nested N deep                             (default 100000)
  parens N    a formula of N nested parentheses                         (default 100000)

Then e.g. `/usr/bin/time -v build/kpi -C DIR score --period 2026-01`.
The data are generated, never committed.
"""

import os
import sys

HEAD = """version: 1
name: Hostile
settings: {max_kpis_per_entity: 1000000}
frames:
  - id: standard
    basis: ratio
    method: bands
    scale: 5
    bands:
      - {min: 100, points: 5}
      - {points: 0}
people:
  - {id: p, name: P, member_of: u}
units:
  - {id: u, name: U}
"""


def kpi(kid, extra, name="K"):
    return (f"  - id: {kid}\n    name: {name}\n    owner: p\n    unit: n\n    period: monthly\n"
            f"    description: Things counted in the month for a test\n    source: tests\n"
            f"    type: strategic\n    target: 10\n{extra}")


def write(folder, yaml_text, rows=()):
    os.makedirs(os.path.join(folder, "data"), exist_ok=True)
    with open(os.path.join(folder, "kpi.yaml"), "w") as f:
        f.write(yaml_text)
    with open(os.path.join(folder, "data", "m.csv"), "w") as f:
        f.write("period,kpi,entity,value\n")
        for kid, value in rows:
            f.write(f"2026-01,{kid},p,{value}\n")


def main():
    case, folder = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else None
    parts = [HEAD, "kpis:\n"]
    rows = []
    if case == "chain":
        n = n or 10000
        parts.append(kpi("k0", "    aggregate: sum\n"))
        rows.append(("k0", 1))
        for i in range(1, n):
            parts.append(kpi(f"k{i}", f"    formula: k{i - 1} + 1\n"))
    elif case == "ladder":
        n = n or 40
        parts.append(kpi("l0", "    aggregate: sum\n"))
        rows.append(("l0", 1))
        for i in range(1, n):
            parts.append(kpi(f"l{i}", f"    formula: l{i - 1} + l{i - 1}\n"))
    elif case == "cycles":
        n = n or 6000
        parts.append(kpi("c0", "    formula: c1\n"))
        for i in range(1, n + 1):
            nxt = f"c{i + 1} + c0" if i < n else "c0"
            parts.append(kpi(f"c{i}", f"    formula: {nxt}\n"))
    elif case == "many":
        n = n or 100000
        for i in range(n):
            parts.append(kpi(f"m{i}", "    aggregate: sum\n"))
            rows.append((f"m{i}", i))
    elif case == "aliases":
        n = n or 1000
        parts.append(kpi("a0", "    aggregate: sum\n", f"&big {'x' * (1 << 20)}"))
        for i in range(1, n):
            parts.append(kpi(f"a{i}", "    aggregate: sum\n", "*big"))
    elif case == "bigid":
        n = n or 50
        parts.append(kpi("a" * (n << 20), "    aggregate: sum\n"))
    elif case == "nesting":
        n = n or 100000
        parts.append(kpi("deep", "    aggregate: sum\n", f"{'[' * n}{']' * n}"))
    elif case == "parens":
        n = n or 100000
        parts.append(kpi("deep", f"    formula: {'(' * n}1{')' * n}\n"))
    else:
        sys.exit(f"unknown case {case}")
    write(folder, "".join(parts), rows)


if __name__ == "__main__":
    main()
