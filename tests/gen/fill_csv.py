#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""fill_csv.py - play the translator on a rec2xml CSV export (tests only).

usage: fill_csv.py IN OUT [FORMAT]

Writes OUT: IN's rows with the target column filled from FORMAT, a
str.format template over the row's columns by their header names (location,
kind, recipient, number, by, source...); default "FR {source}". Quoted and
CRLF-terminated as rec2xml writes its CSV, so csv2po and rec2xml
--translation read it as a translator's file.
"""
import csv
import sys


def main():
    src, out = sys.argv[1], sys.argv[2]
    template = sys.argv[3] if len(sys.argv) > 3 else "FR {source}"
    with open(src, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        header = rows[0]
        w.writerow(header)
        target = header.index("target")
        for r in rows[1:]:
            r[target] = template.format(**dict(zip(header, r)))
            w.writerow(r)


if __name__ == "__main__":
    main()
