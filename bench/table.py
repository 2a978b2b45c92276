#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""table.py - the table of bench/run.sh (issue 6), from its results folder.

usage: table.py RESULTS BENCH.md [--command C] [--elapsed S] [--quick 0|1]
                [--load L] [--fn-per-mb N] [--timeout S]

RESULTS holds, per measured command KEY: KEY.meta (tab-separated key/value
lines written by run.sh), KEY.cmd, KEY.time (/usr/bin/time -v of one run) and
KEY.N.json (hyperfine exports).  Prints one markdown table of medians,
throughput, peak memory and the ratios of issue 6 with their goals, and
writes it with the machine, the date and the command to BENCH.md.
"""

import argparse
import datetime
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys

SIZES = [("3k", "3 KB"), ("1m", "1 MB"), ("10m", "10 MB"), ("30m", "30 MB")]
FULL = "xml,html,docbook,csv"


def read_meta(res, key):
    meta = {}
    try:
        with open(os.path.join(res, key + ".meta"), encoding="utf-8") as f:
            for line in f:
                k, _, v = line.rstrip("\n").partition("\t")
                meta[k] = v
    except OSError:
        return None
    return meta


class Result:
    def __init__(self, res, key):
        self.key = key
        self.meta = read_meta(res, key) or {}
        self.present = bool(self.meta)
        self.label = self.meta.get("label", key)
        self.kind = self.meta.get("kind", "main")
        self.bytes = int(self.meta.get("bytes", "0") or 0)
        self.docs = int(self.meta.get("docs", "0") or 0)
        self.status = self.meta.get("status", "ok" if self.present else "absent")
        self.why = self.meta.get("why", "")
        self.times = []
        for path in sorted(glob.glob(os.path.join(res, key + ".*.json"))):
            try:
                with open(path, encoding="utf-8") as f:
                    for r in json.load(f).get("results", []):
                        self.times += r.get("times", [])
            except (OSError, ValueError):
                pass
        probe = self.meta.get("probe")
        if probe and self.status == "ok" and (self.meta.get("probe_is_sample") or not self.times):
            self.times.append(float(probe))
        self.median = statistics.median(self.times) if self.times and self.status == "ok" else None
        self.rss_kib = None
        try:
            with open(os.path.join(res, key + ".time"), encoding="utf-8") as f:
                m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
                if m:
                    self.rss_kib = int(m.group(1))
        except OSError:
            pass

    @property
    def ok(self):
        return self.median is not None


def fmt_time(s):
    if s is None:
        return "—"
    if s < 1:
        ms = s * 1000
        return "%.3g ms" % ms if ms < 100 else "%.0f ms" % ms
    return "%.2f s" % s if s < 100 else "%.0f s" % s


def fmt_rss(kib):
    return "—" if kib is None else "%.0f MiB" % (kib / 1024) if kib >= 10240 else "%.1f MiB" % (kib / 1024)


def fmt_ratio(x):
    return "%.2f×" % x if x < 10 else "%.0f×" % x


def yes(b):
    return "**yes**" if b else "**no**"


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("res")
    ap.add_argument("out")
    ap.add_argument("--command", default="make bench")
    ap.add_argument("--elapsed", type=int, default=0)
    ap.add_argument("--quick", default="0")
    ap.add_argument("--load", default="")
    ap.add_argument("--fn-per-mb", default="0")
    ap.add_argument("--timeout", default="120")
    a = ap.parse_args(argv)
    res = a.res

    def rd(name, default=""):
        try:
            with open(os.path.join(res, name), encoding="utf-8") as f:
                return f.read().strip()
        except OSError:
            return default

    formats = rd("formats", "xml")
    sformats = rd("script-formats", "none")
    full = formats == FULL
    full_script = full and sformats == "html,docbook,csv"
    partial = "n/a: formats %s only" % formats
    R = {}

    def get(key):
        if key not in R:
            R[key] = Result(res, key)
        return R[key]

    rows = []

    def throughput(r):
        if not r.ok:
            return "—"
        if r.docs > 1:
            return "{:,.0f} docs/s".format(r.docs / r.median)
        return "%.2f MB/s" % (r.bytes / 1e6 / r.median) if r.bytes else "—"

    def median_cell(r):
        if r.ok:
            n = len(r.times)
            return fmt_time(r.median) + ("" if n >= 3 else " (%d run%s)" % (n, "s" if n > 1 else ""))
        if r.status == "timeout":
            return "> %s s (timed out)" % a.timeout
        if r.status == "skipped":
            return r.why or "not run"
        if r.status == "failed":
            return "failed (%s)" % r.why.split(":")[0]
        return "—"

    def row(work, r, ratio="", goal="", met=""):
        rss = fmt_rss(r.rss_kib)
        if r.status == "timeout" and r.rss_kib is not None:
            rss += " at the kill"
        rows.append([work, r.label, median_cell(r), throughput(r), rss, ratio, goal, met])

    def ratio_of(x, y):
        """x's time over y's, per document when they did not convert as many."""
        if not (x.ok and y.ok and y.median > 0):
            return None
        return (x.median / max(x.docs, 1)) / (y.median / max(y.docs, 1))

    for s, work in SIZES:
        rec, floor, script = get("rec-all-" + s), get("floor-" + s), get("script-" + s)
        if not any(get(k).present for k in ("rec-all-" + s, "floor-" + s, "cmark-" + s)):
            continue
        goal = {"3k": 1.2, "1m": 0.7, "30m": 0.6}.get(s)
        if rec.present:
            q = ratio_of(rec, floor)
            cell = (fmt_ratio(q) + " floor") if q is not None else "—"
            if goal is None:
                row(work, rec, cell)
            else:
                met = partial if not full else (yes(q <= goal) if q is not None else "n/a")
                row(work, rec, cell, "≤ %s× floor" % goal, met)
        if floor.present:
            row(work, floor, "—")
        if script.present:
            q = ratio_of(script, rec)
            cell = (fmt_ratio(q) + " rec2xml") if q is not None else "—"
            if s == "3k":
                met = ("n/a: script formats %s" % sformats) if not full_script else (
                    yes(q >= 3) if q is not None else "n/a")
                row(work, script, cell, "≥ 3× rec2xml", met)
            else:
                row(work, script, cell)
        for k in ("pandoc-html-", "pandoc-docbook-", "cmark-"):
            p = get(k + s)
            if p.present:
                q = ratio_of(p, rec)
                row(work, p, (fmt_ratio(q) + " rec2xml") if q is not None else "—")
        for f in FULL.split(","):
            p = get("rec-%s-%s" % (f, s))
            if p.present:
                row(work, p, "—")
        if s == "10m":
            c1, c10 = get("check-10m"), get("check-10m-fn1")
            if c1.present:
                row(work, c1, "—")
            if c10.present:
                q = ratio_of(c10, c1)
                row(work, c10, (fmt_ratio(q) + " 1 footnote") if q is not None else "—")
        if s == "30m" and rec.ok and rec.rss_kib is not None:
            mib = rec.rss_kib / 1024
            rows.append([work, "rec2xml peak memory (all formats)", "", "", fmt_rss(rec.rss_kib), "",
                         "≤ 400 MiB", partial if not full else yes(mib <= 400)])

    work = "1,000 × 3 KB"
    b, fb, sb = get("rec-batch"), get("floor-batch"), get("script-batch")
    if b.present:
        q = ratio_of(b, fb)
        dps = b.docs / b.median if b.ok else None
        cell = (fmt_ratio(q) + " floor") if q is not None else "—"
        if not full:
            met = partial
        else:
            met = "%s / %s" % (yes(dps >= 1700) if dps else "n/a", yes(q <= 0.6) if q is not None else "n/a")
        row(work, b, cell, "≥ 1,700 docs/s / ≤ 0.6× floor", met)
    if fb.present:
        row(work, fb, "—")
    if sb.present:
        q = ratio_of(sb, b)
        met = ("n/a: script formats %s" % sformats) if not full_script else (
            yes(q >= 25) if q is not None else "n/a")
        row(work, sb, (fmt_ratio(q) + " rec2xml") if q is not None else "—", "≥ 25× rec2xml", met)
    for k in ("pandoc-batch", "cmark-batch"):
        p = get(k)
        if p.present:
            q = ratio_of(p, b)
            row(work, p, (fmt_ratio(q) + " rec2xml") if q is not None else "—")
    c = get("rec-check")
    if c.present:
        q = ratio_of(c, get("floor-check"))
        dps = c.docs / c.median if c.ok else None
        row(work, c, (fmt_ratio(q) + " floor") if q is not None else "—", "≥ 20,000 docs/s",
            yes(dps >= 20000) if dps else "n/a")
    for k in ("floor-check", "xmllint-check"):
        p = get(k)
        if p.present:
            row(work, p, "—")

    # linearity: time per MB at 30 MB against 1 MB, for every format
    for f in ["all"] + FULL.split(","):
        one, big = get("rec-%s-1m" % f), get("rec-%s-30m" % f)
        if not (one.present and big.present):
            continue
        what = "rec2xml -t %s, time per MB" % (formats if f == "all" else f)
        if one.ok and big.ok and one.bytes and big.bytes:
            a1 = one.median / (one.bytes / 1e6)
            a30 = big.median / (big.bytes / 1e6)
            q = a30 / a1
            met = partial if (f == "all" and not full) else yes(q <= 1.1)
            rows.append(["1 → 30 MB", what, "%.0f → %.0f ms/MB" % (a1 * 1000, a30 * 1000), "", "",
                         fmt_ratio(q), "≤ 1.1×", met])
        else:
            rows.append(["1 → 30 MB", what, "—", "", "", "—", "≤ 1.1×", "n/a"])

    head = ["workload", "measured", "median", "throughput", "peak RSS", "ratio", "goal", "met?"]
    lines = ["| " + " | ".join(head) + " |",
             "|---|---|---:|---:|---:|---:|---|---|"]
    for r in rows:
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |")
    table = "\n".join(lines)
    print()
    print(table)
    print()

    notes = [n for n in rd("notes").splitlines() if n.strip()]
    for n in notes:
        print("note: " + n)

    # ---- BENCH.md ----------------------------------------------------------
    def cmd(args):
        try:
            return subprocess.run(args, capture_output=True, text=True, timeout=20).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            m = re.search(r"^model name\s*:\s*(.*)$", f.read(), re.M)
            cpu = m.group(1) if m else ""
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            m = re.search(r"^MemTotal:\s*(\d+) kB", f.read(), re.M)
            mem = "%.1f GiB" % (int(m.group(1)) / 1024 / 1024) if m else ""
    except OSError:
        pass
    tools = "; ".join(x for x in [
        cmd(["hyperfine", "--version"]),
        (cmd(["pandoc", "--version"]).splitlines() or [""])[0],
        (cmd(["cmark", "--version"]).splitlines() or [""])[0],
        (cmd(["xsltproc", "--version"]).splitlines() or [""])[0],
    ] if x)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    quick = a.quick not in ("", "0")
    out = []
    out.append("# rec2xml benchmark (issue 6)")
    out.append("")
    out.append("The record of the latest `make bench` run (written by `bench/run.sh`; "
               "`BENCH_QUICK=1 make bench` for a fast look).  Compare ratios taken in one "
               "run; absolute times are for orientation only.")
    out.append("")
    out.append("- **date:** %s" % now)
    out.append("- **command:** `%s`%s" % (a.command, " (quick: 3 KB, 1 MB and the folder, fewer runs)" if quick else ""))
    out.append("- **machine:** %s cores (nproc), %s, %s memory, %s; load average at start / end: %s"
               % (os.cpu_count(), cpu or "unknown CPU", mem or "unknown", platform.platform(), a.load))
    out.append("- **rec2xml:** %s; formats measured: %s; the script's formats: %s"
               % (rd("version", "?").splitlines()[0] if rd("version") else "?", formats, sformats))
    out.append("- **tools:** %s" % tools)
    fn = float(a.fn_per_mb or 0)
    density = ("one distinct footnote in each large document, cited throughout"
               if fn <= 0 else "%g distinct footnotes per MB in the large documents" % fn)
    out.append("- **workloads:** `bench/gen.py` (fixed seed): one 3 KB, 1 MB, 10 MB and 30 MB "
               "document and 1,000 documents of about 3 KB, in the text format and as Markdown "
               "(%s; `BENCH_FN_PER_MB` changes it)" % density)
    out.append("- **run time:** %d min %02d s" % (a.elapsed // 60, a.elapsed % 60))
    out.append("")
    out.append(table)
    out.append("")
    out.append("How to read it:")
    out.append("")
    out.append("- *median*: of the hyperfine runs (and of the first run under `/usr/bin/time -v` "
               "for commands of a second or more); fewer than 3 runs are marked.  *peak RSS*: "
               "`/usr/bin/time -v` of that first run (for the scripts: their largest process).")
    out.append("- *throughput*: MB (10^6 bytes) of the text document per second, whatever the "
               "tool reads (the script reads rec2xml's XML, pandoc and cmark the Markdown twin); "
               "documents per second for the folder.")
    out.append("- *ratio*: this row's median over the named row's (rec2xml's rows: over the "
               "library floor's; the peers' rows: over rec2xml's, so 3× means three times slower "
               "than rec2xml).  Linearity: time per MB at 30 MB over time per MB at 1 MB.")
    out.append("- *library floor*: `bench/floor.c`, libxml2/libxslt used naively in one process "
               "(naive text → DOM, RELAX NG + Schematron, XML written, the stylesheets applied as "
               "xsltproc does).  *script*: `bench/script.sh`, one xmllint and one xsltproc per "
               "file and format over rec2xml's own XML, schemas and stylesheets.")
    out.append("- pandoc runs are bounded by `timeout %s`; cmark has no footnotes." % a.timeout)
    if rd("outdir").startswith("/dev/shm/"):
        out.append("- outputs are written to a tmpfs (`/dev/shm`): on this machine's ext4, "
                   "rewriting thousands of existing files makes ext4 flush each on close "
                   "(auto_da_alloc) and slowed every tool's repeated batch runs tenfold; "
                   "`BENCH_OUT=DIR` measures on a disk folder instead.")
    elif rd("outdir"):
        out.append("- outputs are written to `%s`." % rd("outdir"))
    if notes:
        out.append("")
        out.append("Notes from this run:")
        out.append("")
        for n in notes:
            out.append("- " + n)
    # the commands, as run (paths made relative to the repository)
    top = rd("top")
    outdir = rd("outdir")
    cmds = []
    for path in sorted(glob.glob(os.path.join(res, "*.cmd"))):
        key = os.path.basename(path)[:-4]
        c = rd(key + ".cmd")
        if outdir:
            c = c.replace(outdir, "$OUT")
        if top:
            c = c.replace(top + "/", "")
        cmds.append("%-18s %s" % (key, c))
    if cmds:
        out.append("")
        out.append("<details><summary>Commands measured ($OUT: the output folder)</summary>")
        out.append("")
        out.append("```sh")
        out.extend(cmds)
        out.append("```")
        out.append("")
        out.append("</details>")
    out.append("")
    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    os.replace(tmp, a.out)
    print("bench: table written to %s" % a.out, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
