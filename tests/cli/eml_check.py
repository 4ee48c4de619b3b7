#!/usr/bin/env python3
"""kpi report --format eml read by Python's email package, as a mail reader would.

Usage: eml_check.py KPI WORKSPACE. The message must be multipart/related with an HTML
part first and a PNG part for every image the page names by cid:, none unnamed; no <svg>
left in the page; each PNG twice the size its <img> states; the Subject decoded as the
report's title (English and Vietnamese); CRLF line ends; the same bytes twice.
"""
import email
import email.policy
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

KPI = os.path.abspath(sys.argv[1])
FAILURES = []


def check(ok, what):
    if not ok:
        FAILURES.append(what)


def report(folder, *args):
    env = dict(os.environ, KPI_TODAY="2026-11-23", SOURCE_DATE_EPOCH="1764568800")
    done = subprocess.run([KPI, "-q", "report", "--period", "2026-10", "--as-of", "2026-11-05",
                           "--format", "eml", *args], cwd=folder, env=env, capture_output=True)
    if done.returncode != 0:
        raise SystemExit(f"kpi report --format eml {args}: exit {done.returncode}\n"
                         + done.stderr.decode())
    return done.stdout


def png_size(data):
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "a part is not a PNG")
    return struct.unpack(">II", data[16:24])


def check_message(raw, title, name):
    check(b"\n" not in raw.replace(b"\r\n", b""), f"{name}: a line ends without CR")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    check(message.get_content_type() == "multipart/related", f"{name}: not multipart/related")
    check(str(message["Subject"]) == title, f"{name}: Subject {message['Subject']!r} != {title!r}")
    parts = list(message.iter_parts())
    check(parts[0].get_content_type() == "text/html", f"{name}: the first part is not the page")
    html = parts[0].get_content()
    check("<svg" not in html, f"{name}: an inline SVG is left in the page")
    images = {cid: (int(w), int(h)) for cid, w, h in
              re.findall(r'<img src="cid:([^"]+)" alt="[^"]*" width="(\d+)" height="(\d+)"', html)}
    pngs = {p["Content-ID"].strip("<>"): p for p in parts[1:]}
    check(len(images) > 10, f"{name}: only {len(images)} charts")
    check(set(images) == set(pngs), f"{name}: images and parts differ")
    for cid, (w, h) in images.items():
        part = pngs.get(cid)
        if part is None:
            continue
        check(part.get_content_type() == "image/png", f"{name}: {cid} is not image/png")
        pw, ph = png_size(part.get_content())
        check((pw, ph) == (2 * w, 2 * h), f"{name}: {cid} is {pw}x{ph}, its <img> {w}x{h}")
    return len(images)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "ws")
        shutil.copytree(sys.argv[2], folder)
        first = report(folder)
        charts = check_message(first, "Saigon Trading Co.: report for 2026-10", "en")
        check(report(folder) == first, "two runs gave different messages")
        check_message(report(folder, "--lang", "vi"), "Saigon Trading Co.: báo cáo kỳ 2026-10", "vi")
        report(folder, "--output", "mail/{period}.eml")
        check(os.path.isfile(os.path.join(folder, "mail", "2026-10.eml")), "--output {period}")
    for failure in FAILURES:
        print("FAIL:", failure)
    print(f"{charts} charts as PNG parts, {len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
