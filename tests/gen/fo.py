#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""fo.py NAME OUT.fo OUT.json - a report laid out as its publisher would
print it, as XSL-FO for fop, with what a careful reader takes from it.

The reports are made up (their sentences are ours) but their layouts are
those of real documents: a UN treaty body's concluding observations
(running head with the document symbol, job number and page number in the
foot, numbered paragraphs with hanging numbers, lettered sub-lists, a title
note marked "*"), a UPR working-group report (numbered lead-ins, decimal
recommendations ending with the recommending States) and an NGO report
(running head, "To the ..." headings, bullets, numbered notes printed as
superscripts at the foot of the page). Each is long enough to break across
pages. OUT.json holds the expected reading: layout, recipients, and each
item's marker and text, and the footnotes.
"""
import json
import sys
from xml.sax.saxutils import escape

FILLER = ("The Committee notes the information provided by the delegation on the measures "
          "taken since the previous review, and the statistics on complaints, investigations "
          "and prosecutions that the State party submitted in writing after the dialogue. ")


def treaty():
    paras = []
    items = []
    n = 0

    def finding(text):
        nonlocal n
        n += 1
        paras.append(("para", "%d." % n, text, []))

    def rec(text, subs=()):
        nonlocal n
        n += 1
        paras.append(("para", "%d." % n, text, list(subs)))
        items.append({"marker": "%d." % n, "text": text})
        for k, s in enumerate(subs):
            items.append({"marker": "(%s)" % "abcdefgh"[k], "text": s})

    finding("The Committee considered the second periodic report of Freedonia at its meetings "
            "held in March, and adopted the present concluding observations at a later meeting. "
            + FILLER)
    paras.append(("heading", "A.", "Positive aspects"))
    finding("The Committee welcomes the legislative steps taken by the State party, in particular "
            "the adoption of a law on legal aid and of a national plan against trafficking. " + FILLER)
    paras.append(("heading", "B.", "Principal matters of concern and recommendations"))
    paras.append(("topic", "Pretrial detention"))
    finding("The Committee is concerned that persons are held in pretrial detention for long "
            "periods and that many of them have no access to a lawyer. " + FILLER + FILLER)
    rec("The State party should:", [
        "Ensure that pretrial detention is an exceptional measure, ordered by a judge and "
        "reviewed at regular intervals;",
        "Guarantee that every detainee has access to a lawyer from the outset of detention;",
        "Compensate persons held beyond the legal time limits."])
    paras.append(("topic", "Conditions of detention"))
    finding("The Committee is concerned about overcrowding and poor sanitation in the central "
            "prison. " + FILLER + FILLER)
    rec("The Committee recommends that the State party reduce overcrowding, in particular by "
        "using alternatives to detention, and improve sanitation in every facility.")
    paras.append(("topic", "Dissemination and follow-up"))
    rec("The State party should widely disseminate the Covenant and the present concluding "
        "observations among judges, lawyers and the public.")
    rec("The State party is requested to provide, within two years, information on the "
        "implementation of the recommendations made in paragraphs 5 and 7 above.")
    return {
        "head": "CCPR/C/FRE/CO/2", "foot": "GE.21-06543(E)",
        "title": "Concluding observations on the second periodic report of Freedonia",
        "title_note": "Adopted by the Committee at its hundred-and-thirty-first session.",
        "paras": paras,
        "expect": {"layout": "treaty-body", "recipients": ["Freedonia"], "items": items,
                   "footnotes": 1},
    }


def upr():
    paras = []
    items = []
    paras.append(("para", "1.", "The Working Group on the Universal Periodic Review held its "
                  "session from 18 to 29 January. The review of Freedonia was held at the ninth "
                  "meeting. " + FILLER, []))
    paras.append(("heading", "II.", "Conclusions and/or recommendations"))
    groups = [
        ("110.", "The following recommendations have been examined by Freedonia and enjoy its support:",
         [("Ratify the Optional Protocol to the Convention against Torture", "(Denmark) (Ghana)"),
          ("Strengthen the independence of the national human rights institution in line with the "
           "Paris Principles", "(Republic of Korea, Spain)"),
          ("Adopt a national action plan on business and human rights, in consultation with civil "
           "society and the private sector", "(Germany)"),
          ("Consider ratifying the International Convention for the Protection of All Persons "
           "from Enforced Disappearance", "(Bolivia (Plurinational State of))")]),
        ("111.", "The following recommendations did not enjoy the support of Freedonia and have "
         "thus been noted:",
         [("Abolish the death penalty for all crimes", "(Australia)"),
          ("Decriminalize defamation and bring it under the civil code", "(Estonia)"),
          ("Lift all restrictions on the registration of non-governmental organizations",
           "(Norway)")]),
    ]
    for num, lead, recs in groups:
        subs = []
        for k, (text, by) in enumerate(recs):
            end = "." if k == len(recs) - 1 else ";"
            marker = "%s%d" % (num, k + 1)
            subs.append((marker, "%s %s%s" % (text, by, end)))
            items.append({"marker": marker, "text": "%s %s%s" % (text, by, end),
                          "by": by[1:-1].replace(") (", "; ").replace(", ", "; ")})
        paras.append(("decimal", num, lead, subs))
    paras.append(("para", "112.", "All conclusions and/or recommendations contained in the present "
                  "report reflect the position of the submitting State(s) and/or the State under "
                  "review.", []))
    return {
        "head": "A/HRC/47/11", "foot": "GE.21-04444(E)",
        "title": "Report of the Working Group on the Universal Periodic Review: Freedonia",
        "paras": paras,
        "expect": {"layout": "upr", "recipients": ["Freedonia", "Freedonia"], "items": items,
                   "footnotes": 0},
    }


def ngo():
    paras = []
    items = []
    body = ("Human Rights Watch interviewed more than sixty former detainees in three provinces "
            "between January and June. Most of them said they had been held without charge for "
            "weeks, some for months, and that no lawyer or relative was told where they were. ")
    for k in range(3):
        paras.append(("body", body + body, [1 + k] if k < 2 else []))
    paras.append(("heading", "", "Recommendations"))
    recips = [
        ("Government of Freedonia", [
            "Release all persons held without charge, and compensate them for the time they served.",
            "Publish the number of persons held in each place of detention, every month.",
            "Allow independent monitors into every place of detention without notice."]),
        ("Ministry of Justice", [
            "Review every sentence passed by the military courts since 2015.",
            "Train judges in the standards of a fair trial."]),
        ("International Donors", [
            "Suspend all funding for detention facilities until independent monitors have access."]),
    ]
    recipients = []
    for name, recs in recips:
        paras.append(("to", "To the " + name, recs))
        recipients.append(name)
        for r in recs:
            items.append({"marker": "\u2022", "text": r})
    return {
        "head": "DETAINED WITHOUT TRIAL | MARCH 2022", "foot": None,
        "title": "Detained Without Trial: Arbitrary Detention in Freedonia",
        "notes": ["Human Rights Watch interview with a former detainee, northern province, March.",
                  "Human Rights Watch interview with a lawyer, capital, April."],
        "paras": paras,
        "expect": {"layout": "headers", "recipients": recipients, "items": items, "footnotes": 2},
    }


def fo(doc):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="serif">',
           '<fo:layout-master-set><fo:simple-page-master master-name="p" page-height="210mm" '
           'page-width="148mm" margin="12mm 15mm"><fo:region-body margin-top="14mm" '
           'margin-bottom="16mm"/><fo:region-before extent="10mm"/><fo:region-after extent="12mm"/>'
           '</fo:simple-page-master></fo:layout-master-set>',
           '<fo:page-sequence master-reference="p">',
           '<fo:static-content flow-name="xsl-region-before"><fo:block text-align="end" '
           'font-size="8pt">%s</fo:block></fo:static-content>' % escape(doc["head"]),
           '<fo:static-content flow-name="xsl-region-after">']
    if doc["foot"]:
        out.append('<fo:block font-size="7pt">%s</fo:block>' % escape(doc["foot"]))
    out.append('<fo:block text-align="end" font-size="8pt"><fo:page-number/></fo:block>'
               '</fo:static-content><fo:flow flow-name="xsl-region-body" font-size="10pt">')
    title = escape(doc["title"])
    if doc.get("title_note"):
        title += ('<fo:footnote><fo:inline baseline-shift="super" font-size="6pt">*</fo:inline>'
                  '<fo:footnote-body><fo:block font-size="7pt">* %s</fo:block></fo:footnote-body>'
                  '</fo:footnote>' % escape(doc["title_note"]))
    out.append('<fo:block font-weight="bold" font-size="13pt" space-after="5mm">%s</fo:block>' % title)

    def hanging(label, text, indent="10mm"):
        return ('<fo:list-block provisional-distance-between-starts="%s" space-after="2.5mm">'
                '<fo:list-item><fo:list-item-label end-indent="label-end()"><fo:block>%s</fo:block>'
                '</fo:list-item-label><fo:list-item-body start-indent="body-start()"><fo:block>%s'
                '</fo:block></fo:list-item-body></fo:list-item></fo:list-block>'
                % (indent, escape(label), escape(text)))

    note = 0
    for p in doc["paras"]:
        kind = p[0]
        if kind == "heading":
            out.append('<fo:block font-weight="bold" space-before="4mm" space-after="3mm">%s%s</fo:block>'
                       % (escape(p[1]) + "\u2003" if p[1] else "", escape(p[2])))
        elif kind == "topic":
            out.append('<fo:block font-style="italic" start-indent="10mm" space-after="2.5mm">%s'
                       '</fo:block>' % escape(p[1]))
        elif kind == "para":
            out.append(hanging(p[1], p[2]))
            for k, s in enumerate(p[3]):
                out.append('<fo:block start-indent="10mm">%s</fo:block>'
                           % hanging("(%s)" % "abcdefgh"[k], s, "8mm"))
        elif kind == "decimal":
            out.append(hanging(p[1], p[2], "12mm"))
            for marker, s in p[3]:
                out.append('<fo:block start-indent="12mm">%s</fo:block>' % hanging(marker, s, "14mm"))
        elif kind == "body":
            text = escape(p[1])
            for k in p[2]:
                note += 1
                text += ('<fo:footnote><fo:inline baseline-shift="super" font-size="6pt">%d</fo:inline>'
                         '<fo:footnote-body><fo:block font-size="7pt">%d %s</fo:block></fo:footnote-body>'
                         '</fo:footnote>' % (note, note, escape(doc["notes"][note - 1])))
            out.append('<fo:block space-after="3mm" text-align="justify">%s</fo:block>' % text)
        elif kind == "to":
            out.append('<fo:block font-weight="bold" space-before="3mm" space-after="2mm" '
                       'keep-with-next="always">%s</fo:block>' % escape(p[1]))
            for r in p[2]:
                out.append(hanging("\u2022", r, "5mm"))
    out.append('</fo:flow></fo:page-sequence></fo:root>')
    return "\n".join(out)


def main():
    name, fo_path, json_path = sys.argv[1:4]
    doc = {"treaty": treaty, "upr": upr, "ngo": ngo}[name]()
    with open(fo_path, "w", encoding="utf-8") as f:
        f.write(fo(doc))
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump(doc["expect"], f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
