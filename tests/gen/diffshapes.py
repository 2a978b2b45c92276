#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""diffshapes.py SHAPE N OLD NEW - two versions of a document that --diff
must compare in time and memory linear in their size (issue 11, item 4).

Deterministic; used by tests/pathological.sh. N means, per shape:
  identical   items, each with its own words, the same in both versions
  unrelated   items of 200 random words under one recipient; the new
              version's items share nothing with the old ones (the words
              come from a vocabulary of 50 N words, so a word is in about
              eight items whatever N is)
  huge        words of one item; the new version changes every 50th word
              and inserts a word every 97th
  recipients  recipients with one item each; the new version edits every
              tenth item and moves every hundredth to the next recipient
  report      about N bytes of a report: recipients of 30 items of 20 to 40
              words; the new version changes a word in every 20th item,
              drops every 50th and adds one after every 70th
"""
import random
import sys


def words(rng, vocab, n):
    return " ".join(f"w{rng.randrange(vocab)}" for _ in range(n))


def wrap(text, indent="    "):
    out, line = [], []
    for w in text.split(" "):
        line.append(w)
        if len(line) == 12:
            out.append(" ".join(line))
            line = []
    if line:
        out.append(" ".join(line))
    return ("\n" + indent).join(out)


def identical(n, rng):
    body = "".join(f"  • Recommendation {i}: {words(rng, 10 * n + 100, 8)}.\n" for i in range(n))
    doc = "To the Government of Testland\n\n" + body
    return doc, doc


def unrelated(n, rng):
    vocab = 50 * n
    old = "".join(f"  • {wrap(words(rng, vocab, 200))}\n" for _ in range(n))
    new = "".join(f"  • {wrap(words(rng, vocab, 200))}\n" for _ in range(n))
    head = "To the Government of Testland\n\n"
    return head + old, head + new


def huge(n, rng):
    ws = [f"w{rng.randrange(10 * n + 100)}" for _ in range(n)]
    new = []
    for i, w in enumerate(ws):
        new.append(f"changed{i}" if i % 50 == 25 else w)
        if i % 97 == 50:
            new.append(f"inserted{i}")
    head = "To the Government of Testland\n\n"
    return head + "  • " + wrap(" ".join(ws)) + "\n", head + "  • " + wrap(" ".join(new)) + "\n"


def recipients(n, rng):
    old, new = [], []
    for i in range(n):
        text = f"Do thing number {i}: {words(rng, 10 * n + 100, 10)}."
        old.append((i, text))
        if i % 10 == 3:
            text = text.replace("Do thing", "Do the thing")
        new.append((i + 1 if i % 100 == 7 and i + 1 < n else i, text))
    def render(items):
        by = {}
        for r, t in items:
            by.setdefault(r, []).append(t)
        return "".join(f"To the Ministry number {r}:\n"
                       + "".join(f"  • {t}\n" for t in by.get(r, ["Placeholder item."]))
                       + "\n" for r in range(n))
    return render(old), render(new)


def report(n, rng):
    vocab = 30000
    old, new = [], []
    size, i = 0, 0
    while size < n:
        if i % 30 == 0:
            head = f"To the Ministry number {i // 30}:\n\n"
            old.append(head)
            new.append(head)
            size += len(head)
        ws = words(rng, vocab, rng.randrange(20, 41))
        item = f"  • {wrap(ws)}\n"
        old.append(item)
        size += len(item)
        if i % 50 != 7:
            if i % 20 == 3:
                item = item.replace(" w", " changed", 1)
            new.append(item)
        if i % 70 == 11:
            new.append(f"  • {wrap(words(rng, vocab, 30))}\n")
        i += 1
    return "".join(old), "".join(new)


def main():
    shape, n, old, new = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    a, b = globals()[shape](n, random.Random(f"{shape}-{n}"))
    open(old, "w", encoding="utf-8").write(a)
    open(new, "w", encoding="utf-8").write(b)


if __name__ == "__main__":
    main()
