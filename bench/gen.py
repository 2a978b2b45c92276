#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""gen.py - deterministic benchmark workloads for rec2xml (issue 6).

Writes into DIR (default bench/work/):

    txt/doc-3k.txt  txt/doc-1m.txt  txt/doc-10m.txt  txt/doc-30m.txt
    md/doc-3k.md    md/doc-1m.md    md/doc-10m.md    md/doc-30m.md
    folder/txt/doc-0001.txt ... doc-1000.txt   (about 3 KB each)
    folder/md/doc-0001.md   ... doc-1000.md

Each text document is what editors write (README, "The input format"): a
date line, prose lead-ins and sub-headings, recipient headers (`To the ...`,
`TO THE ...`, `Recommendations to the ...`, with or without a colon), bulleted
and numbered items nested by indentation, wrapped continuation lines,
footnote references (glued and spaced) and, at the end, the footnote
definitions (each defined once, each cited at least once).  The .md twin has
the same words as CommonMark + footnotes: `## To ...` headings, `-` and `1.`
lists with nesting, `[^n]` references and `[^n]:` definitions.

The output depends only on the seed and on this file: Python's `random.Random`
with a fixed seed is stable across Python 3 versions for the calls used here
(random(), randrange(), choice()).

usage: gen.py [DIR] [--only NAME,...] [--fn-per-mb N]
       NAME: 3k 1m 10m 30m folder; N: distinct footnotes per MB in the 1, 10
       and 30 MB documents (default 0: one footnote, cited throughout; see
       FN_PER_MB).  --suffix lets a variant be written beside the default:
       gen.py DIR --only 10m --fn-per-mb 1 --suffix -fn1  ->  doc-10m-fn1.txt
"""

import os
import re
import sys
import random

SEED = 20131209
MB = 1_000_000
SIZES = {"3k": 3_000, "1m": 1 * MB, "10m": 10 * MB, "30m": 30 * MB}
FOLDER_DOCS = 1000
FOLDER_DOC_SIZE = 3_000
WIDTH = 78
# Footnote density: chance that an item cites a footnote, and that a citation
# repeats an earlier note rather than adding a new one.
ITEM_REF = 0.12
REUSE = 0.3
# Distinct footnotes per MB in the large documents (--fn-per-mb; 0, the
# default: one footnote in the whole document).  References stay as frequent
# as in the small documents (about one item in eight cites a note); only the
# number of different notes is bounded.  Why: the Schematron rules of
# schemas/rec2xml.sch (unreferenced-footnote: @id = //r:fnref/@ref;
# duplicate-footnote: preceding::r:footnote) walk the whole document once per
# footnote in a validator that runs them as written, as the library floor,
# xmllint and the script do: validation costs (footnotes x document size),
# ~0.5 s per footnote at 30 MB on the 2-core bench machine.  At the small
# documents' density (~550 notes per MB) their 30 MB validation would take
# hours.  rec2xml applies those two rules with hash tables (src/validate.c):
# bench/run.sh measures a 10 MB document at 1 footnote per MB beside the
# default, and rec2xml's --check costs the same on both.
FN_PER_MB = 0.0

# ---- vocabulary ------------------------------------------------------------

COUNTRIES = [
    "Cambodia", "Vietnam", "Kenya", "Côte d’Ivoire", "Egypt", "Brazil", "Myanmar",
    "Uzbekistan", "Ethiopia", "Colombia", "Indonesia", "Nepal", "Turkey",
    "São Tomé and Príncipe", "Guinea", "Tajikistan", "Bangladesh", "Peru",
    "Sri Lanka", "Lebanon", "Malawi", "Honduras", "Kyrgyzstan", "Mali",
]
MINISTRIES = [
    "Ministry of Health", "Ministry of Justice", "Ministry of Interior",
    "Ministry of Education", "Ministry of Social Affairs, Veterans and Youth Rehabilitation",
    "Ministry of Labour", "Ministry of Defence", "Ministry of Foreign Affairs",
    "Ministry of Women’s Affairs", "Office of the Prosecutor General",
]
BODIES = [
    "National Assembly", "Supreme Court", "National Human Rights Commission",
    "National Police", "Prison Department", "Electoral Commission",
    "National Authority for Combating Drugs", "Phnom Penh Municipality",
]
INTERNATIONAL = [
    "United Nations Human Rights Council", "European Union and Its Member States",
    "World Bank", "Office of the UN High Commissioner for Human Rights",
    "Country Offices of United Nations Agencies", "African Union Commission",
    "UN Special Rapporteur on Torture", "International Labour Organization",
]
OTHERS = [
    "Donors and International Partners", "Foreign Embassies in the Capital",
    "Companies Sourcing Garments from the Region", "Armed Opposition Groups",
    "Bilateral and Multilateral Donors", "All Parties to the Conflict",
]

VERBS = [
    "Release", "Ensure", "Adopt", "Repeal", "Amend", "Investigate promptly and impartially",
    "Establish", "Guarantee", "Ratify without reservations", "Stop", "Provide",
    "Publicly commit to ending", "Allow", "Prosecute, in fair trials,", "Train",
    "Develop and implement", "End", "Review", "Cooperate fully with", "Invite",
    "Collect and publish", "Abolish", "Monitor", "Fund", "Protect", "Reform",
    "Publicly condemn", "Suspend", "Expand access to", "Close", "Support",
]
OBJECTS = [
    "all persons currently held in drug detention centers",
    "the law on non-governmental organizations",
    "allegations of torture and ill-treatment in police custody",
    "an independent mechanism to monitor places of detention",
    "the right to peaceful assembly and association",
    "the Convention against Torture and its Optional Protocol",
    "the arbitrary arrest of people who use drugs, sex workers and street children",
    "voluntary, community-based drug dependency treatment",
    "unhindered access for journalists and human rights defenders",
    "officials responsible for serious abuses, regardless of rank",
    "police, prosecutors and judges on international fair trial standards",
    "a national action plan on business and human rights",
    "the death penalty in law and in practice",
    "disaggregated data on evictions, arrests and deaths in custody",
    "the UN Special Rapporteur on the situation of human rights defenders",
    "the practice of forced labor in rehabilitation centers",
    "free legal aid to everyone charged with a criminal offense",
    "the provisions of the penal code that criminalize defamation",
    "civil society organizations documenting abuses",
    "the “national” drug detention center planned for the capital",
    "survivors of sexual violence, including access to post-rape care",
    "the independence of the judiciary and of the bar association",
    "children’s access to inclusive education in their communities",
    "the Office of the High Commissioner’s country office",
    "migrant workers’ passports and identity documents",
    "compensation and rehabilitation for victims and their families",
]
QUALIFIERS = [
    "", "", "", " without delay", " in law and in practice",
    ", in line with international human rights standards",
    ", as their continued detention cannot be justified on legal or health grounds",
    ", and make the findings public", " within six months",
    ", including in rural areas and in the provinces",
    ", in consultation with affected communities & civil society",
    ", with a clear timetable and benchmarks",
    ", and ensure that those responsible are held to account",
    ", in accordance with the 1951 Convention and its 1967 Protocol",
    ", and report on progress to the Human Rights Council",
]
EXTRA = [
    "Such measures should be developed with the people most affected by them.",
    "Particular attention should be paid to women, children and people with disabilities.",
    "No one should be detained solely for drug use or for being homeless.",
    "Reports of reprisals against those who cooperate with UN mechanisms should be investigated.",
    "Authorities should publish the number of persons held and the legal basis for each detention.",
    "The process should be transparent, with regular public reporting on progress.",
    "Non-governmental organizations should be able to register without undue restrictions.",
]
SUBS = [
    "in the capital and in provincial towns", "in prisons and pre-trial detention",
    "in military and civilian courts", "for women and girls", "for migrant workers",
    "for people with disabilities", "in schools and universities",
    "in areas affected by the conflict", "by the police and the military",
    "through public hearings", "in consultation with civil society",
]
THEMES = [
    "On Arbitrary Detention", "On Torture and Ill-Treatment", "On Freedom of Expression",
    "On Accountability", "On the Rights of Children", "On Land and Housing Rights",
    "On Labor Rights", "On Access to Health Care", "On Women’s Rights",
    "On Refugees and Asylum Seekers", "On Elections", "On Counterterrorism Laws",
]
LEADINS = [
    "Human Rights Watch urges the authorities to:",
    "Human Rights Watch calls on the government to take the following steps:",
    "We recommend that the authorities:",
    "In particular, the following measures should be taken as a matter of priority:",
    "The government should:",
    "Human Rights Watch makes the following recommendations:",
]
INTROS = [
    "This report is based on interviews with more than 80 former detainees, "
    "relatives, lawyers, health workers and officials, conducted between "
    "January and October in the capital and three provinces.",
    "Human Rights Watch shared its findings with the authorities in writing and "
    "requested a response; the replies received are reflected in this report.",
    "The recommendations below are addressed to the authorities responsible for "
    "the practices documented in this report, and to the governments and "
    "international agencies that fund or support them.",
    "Many of these recommendations were made in earlier reports and remain "
    "unimplemented; some have become more urgent since then.",
]
FN_TEXTS = [
    "Specifically, the National Authority for Combating Drugs, the Ministry of "
    "National Defense, the Ministry of Interior and the Municipality.",
    "Human Rights Watch interview with a former detainee, the capital, March 2013.",
    "See Human Rights Watch, “Skin on the Cable”: The Illegal Arrest, Arbitrary "
    "Detention and Torture of People Who Use Drugs, January 2010.",
    "Law on Associations and Non-Governmental Organizations, promulgated in August 2015, arts. 8 and 9.",
    "UN Committee against Torture, Concluding observations, CAT/C/KHM/CO/2, January 2011, para. 20.",
    "Letter from Human Rights Watch to the Minister of Justice, dated 4 November; no reply had been received at the time of writing.",
    "International Covenant on Civil and Political Rights, adopted December 16, 1966, G.A. Res. 2200A (XXI), art. 9.",
    "Figures provided by the provincial social affairs department; Human Rights Watch could not verify them independently.",
    "The decree was amended in 2014 but the provisions cited here remain in force.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

# A wrapped line must never start with something the parser would read as a
# marker, a header, a footnote definition or a footnote reference.
RISKY = re.compile(
    r"^(?:\d{1,3}[.)]|\(\d{1,3}\)|\(?[A-Za-z]\)|\(?[ivxlcIVXLC]{2,7}\)"
    r"|[\u2022\u00b7\-\u2013\u2014*o\u25cf\u25aa\u25e6\u25a0\u25ba\u2023\u2043]"
    r"|\[.*|To|TO|Recommendations?|RECOMMENDATIONS?)$")


class Footnotes:
    """Labels in order of first citation; each cited at least once.

    `spacing` (bytes) bounds how many distinct notes a large document has:
    a new note at most every `spacing` bytes of text, re-citations otherwise.
    0: no bound (small documents: one or two notes per 3 KB, as reports have).
    """

    def __init__(self, rng, spacing, where):
        self.rng = rng
        self.spacing = spacing
        self.where = where       # callable: bytes written so far
        self.next_new = 0
        self.texts = []          # label n -> its tokens (index n-1)

    def cite(self):
        """A label to cite: mostly a new footnote, sometimes an earlier one."""
        if self.spacing:
            if self.texts and self.where() < self.next_new:
                return self.rng.randrange(1, len(self.texts) + 1)
            self.next_new = self.where() + self.spacing
        elif self.texts and self.rng.random() < REUSE:
            lo = max(0, len(self.texts) - 20)
            return self.rng.randrange(lo, len(self.texts)) + 1
        toks = words(self.rng.choice(FN_TEXTS))
        if self.texts and self.rng.random() < 0.08:
            # a note citing an earlier note: "See also [k]."
            toks += ["See", "also", ("ref", self.rng.randrange(1, len(self.texts) + 1), False),
                     ("punct", ".")]
        self.texts.append(toks)
        return len(self.texts)


# ---- the document model ----------------------------------------------------
# A run of words is a list of tokens; a reference to footnote n is the token
# ("ref", n, glued).  Rendering turns it into "[n]" or "[^n]".

def words(text):
    return text.split(" ")


def with_ref(rng, toks, notes, p):
    if rng.random() < p:
        n = notes.cite()
        if rng.random() < 0.6:
            toks.append(("ref", n, True))       # glued: "...law.[3]"
        else:
            # spaced, before the final punctuation: "law [3]."
            last = toks[-1]
            if isinstance(last, str) and last[-1] in ".;,":
                toks[-1] = last[:-1]
                toks.append(("ref", n, False))
                toks.append(("punct", last[-1]))
            else:
                toks.append(("ref", n, False))
    return toks


def item_words(rng, notes):
    t = "%s %s%s." % (rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(QUALIFIERS))
    if rng.random() < 0.35:
        t += " " + rng.choice(EXTRA)
    return with_ref(rng, words(t), notes, ITEM_REF)


def sub_words(rng, notes, last):
    t = rng.choice(SUBS) + ("." if last else ";")
    return with_ref(rng, words(t), notes, 0.05)


def render(toks, md):
    """Tokens -> list of unbreakable units (a reference sticks to its word)."""
    units = []
    for t in toks:
        if isinstance(t, str):
            units.append(t)
        elif t[0] == "punct":
            units[-1] += t[1]
        else:
            ref = ("[^%d]" if md else "[%d]") % t[1]
            if t[2] or not units:
                units[-1] += ref
            else:
                units[-1] += " " + ref
    return units


def wrap(units, first_prefix, next_prefix, width=WIDTH):
    """Greedy wrap; never starts a line with a risky token."""
    lines, cur = [], first_prefix
    empty = True
    for u in units:
        if empty:
            cur += u
            empty = False
        elif len(cur) + 1 + len(u) > width and not RISKY.match(u.split(" ")[0]):
            lines.append(cur)
            cur = next_prefix + u
        else:
            cur += " " + u
    lines.append(cur)
    return lines


def date_line(rng):
    y, m, d = rng.randrange(2005, 2024), rng.randrange(12), rng.randrange(1, 29)
    k = rng.randrange(3)
    if k == 0:
        return "%s %d, %d" % (MONTHS[m], d, y)
    if k == 1:
        return "%d %s %d" % (d, MONTHS[m], y)
    return "%04d-%02d-%02d" % (y, m + 1, d)


def recipient(rng):
    k = rng.random()
    if k < 0.35:
        return "the", "Government of " + rng.choice(COUNTRIES)
    if k < 0.6:
        return "the", rng.choice(MINISTRIES)
    if k < 0.75:
        return "the", rng.choice(BODIES)
    if k < 0.9:
        return "the", rng.choice(INTERNATIONAL)
    return "", rng.choice(OTHERS)


class Doc:
    """Builds the text and the Markdown of one document side by side."""

    def __init__(self, rng, spacing):
        self.rng = rng
        self.notes = Footnotes(rng, spacing, lambda: self.size)
        self.txt = []
        self.md = []
        self.size = 0

    def emit(self, txt_lines, md_lines):
        self.txt.extend(txt_lines)
        self.md.extend(md_lines)
        self.size += sum(len(s.encode()) + 1 for s in txt_lines)

    def blank(self):
        self.emit([""], [""])

    def paragraph(self, toks):
        self.emit(wrap(render(toks, False), "", ""), wrap(render(toks, True), "", ""))
        self.blank()

    def header(self):
        rng = self.rng
        article, name = recipient(rng)
        toks = words(name)
        toks = with_ref(rng, toks, self.notes, 0.15)
        body = " ".join(render(toks, False))
        style = rng.random()
        if style < 0.1:
            lead = "TO THE" if article else "TO"
            line = "%s %s:" % (lead, body.upper())   # "[12]" has no case
            mdline = "## %s %s" % (lead, " ".join(render(toks, True)).upper())
        else:
            lead = ("Recommendations to the" if style < 0.2 else "To the") if article \
                else ("Recommendations to" if style < 0.2 else "To")
            colon = ":" if rng.random() < 0.5 else ""
            line = "%s %s%s" % (lead, body, colon)
            mdline = "## %s %s" % (lead, " ".join(render(toks, True)))
        self.emit([line, ""], [mdline, ""])

    def item_list(self, n, numbered, depth_budget):
        """n top-level items of one kind, some with sub-items and sub-sub-items."""
        rng = self.rng
        top = "1." if numbered else "\u2022"
        sub_kind = rng.choice(["(a)", "o", "-"])
        t_lines, m_lines = [], []
        for i in range(n):
            marker = "%d." % (i + 1) if numbered else top
            toks = item_words(rng, self.notes)
            pre = "  " + marker + " "
            t_lines += wrap(render(toks, False), pre, " " * len(pre))
            mm = "%d. " % (i + 1) if numbered else "- "
            m_lines += wrap(render(toks, True), mm, " " * len(mm))
            if depth_budget and rng.random() < 0.2:
                k = rng.randrange(2, 6)
                for j in range(k):
                    sm = "(%s)" % "abcdefgh"[j] if sub_kind == "(a)" else sub_kind
                    stoks = sub_words(rng, self.notes, j == k - 1)
                    spre = "       " + sm + " "
                    t_lines += wrap(render(stoks, False), spre, " " * len(spre))
                    ind = " " * len(mm)
                    smm = "%d. " % (j + 1) if sub_kind == "(a)" else "- "
                    m_lines += wrap(render(stoks, True), ind + smm, ind + " " * len(smm))
                    if j == 0 and rng.random() < 0.25:
                        for r, roman in enumerate(["i)", "ii)", "iii)"][:rng.randrange(2, 4)]):
                            rtoks = words(rng.choice(SUBS) + ";")
                            rpre = "           " + roman + " "
                            t_lines += wrap(render(rtoks, False), rpre, " " * len(rpre))
                            ind2 = ind + " " * len(smm)
                            m_lines += wrap(render(rtoks, True), ind2 + "%d. " % (r + 1),
                                            ind2 + "   ")
        self.emit(t_lines, m_lines)
        self.blank()

    def group(self, budget):
        """One recipient's recommendations, about `budget` bytes."""
        rng = self.rng
        start = self.size
        self.header()
        numbered = rng.random() < 0.4
        first = True
        while first or self.size - start < budget:
            if not first or rng.random() < 0.7:
                if not first and rng.random() < 0.6:
                    self.paragraph([rng.choice(THEMES)])
                toks = with_ref(rng, words(rng.choice(LEADINS)), self.notes, 0.03)
                # the lead-in directly above its list, as reports print it
                # text: the lead-in directly above its list, as reports print
                # it; Markdown: a blank line between paragraph and list
                self.emit(wrap(render(toks, False), "", ""),
                          wrap(render(toks, True), "", "") + [""])
            first = False
            n = rng.randrange(1, 6) if budget < 5000 else rng.randrange(4, 16)
            self.item_list(n, numbered, True)

    def build(self, target):
        rng = self.rng
        date = date_line(rng)
        self.emit([date, ""], [date, ""])       # a paragraph of its own in both
        if target > 5000:
            self.paragraph(["Recommendations"])
        for _ in range(1 if target < 5000 else 2):
            self.paragraph(with_ref(rng, words(rng.choice(INTROS)), self.notes, 0.3))
        small = target < 5000
        while True:
            left = target - self.size - 120 * len(self.notes.texts) - 200
            if left <= 0:
                break
            if small:
                budget = rng.randrange(500, 1100)
            else:
                budget = rng.randrange(MB // 50, MB // 12)  # 12-50 recipients per MB
            self.group(min(budget, max(left, 400)))
        self.footnote_section()
        return "\n".join(self.txt) + "\n", "\n".join(self.md) + "\n"

    def footnote_section(self):
        for n, toks in enumerate(self.notes.texts, 1):
            t = wrap(render(toks, False), "[%d] " % n, "    ")
            m = wrap(render(toks, True), "[^%d]: " % n, "    ")
            self.emit(t, m + [""])


def make(rng, target, fn_per_mb):
    spacing = 0 if target < 5000 else (int(MB / fn_per_mb) if fn_per_mb > 0 else 1 << 62)
    # (small documents: one or two notes per 3 KB, whatever fn_per_mb says)
    return Doc(rng, spacing).build(target)


def write(path, data):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    os.replace(tmp, path)


def main(argv):
    out = "bench/work"
    only = None
    fn_per_mb = FN_PER_MB
    suffix = ""
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--only":
            only = set(args.pop(0).split(","))
        elif a == "--fn-per-mb":
            fn_per_mb = float(args.pop(0))
        elif a == "--suffix":
            suffix = args.pop(0)
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            out = a
    names = ["3k", "1m", "10m", "30m", "folder"]
    for name in names:
        if only and name not in only:
            continue
        if name == "folder":
            for sub in ("txt", "md"):
                os.makedirs(os.path.join(out, "folder", sub), exist_ok=True)
            for i in range(1, FOLDER_DOCS + 1):
                txt, md = make(random.Random(SEED * 7919 + i), FOLDER_DOC_SIZE, fn_per_mb)
                write(os.path.join(out, "folder", "txt", "doc-%04d.txt" % i), txt)
                write(os.path.join(out, "folder", "md", "doc-%04d.md" % i), md)
        else:
            for sub in ("txt", "md"):
                os.makedirs(os.path.join(out, sub), exist_ok=True)
            txt, md = make(random.Random("%d-%s" % (SEED, name)), SIZES[name], fn_per_mb)
            write(os.path.join(out, "txt", "doc-%s%s.txt" % (name, suffix)), txt)
            write(os.path.join(out, "md", "doc-%s%s.md" % (name, suffix)), md)
        print("gen.py: %s written to %s" % (name, out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
