#!/usr/bin/env python3
"""Joins the recall benchmark's mutants and SARIF reports (see recall-mutants.sh).

Usage: recall_report.py RECALL_WORK SOURCES_DIR
Reads RECALL_WORK/NAME/{mutants.tsv,skipped.tsv,ctl.sarif,bK.sarif} for each project; writes RECALL_WORK/results.tsv
(one mutant a line with its outcome), RECALL_WORK/unreported.txt (each unreported mutant's method, the removed
statement marked) and prints the per-project table.

Outcomes: "reported" (a finding of a default rule begins in the mutated method), "close only" (only
TransactionEndedByClose), "unreported"; methods that are no candidates: "finding in original" (the unchanged file
already has a default-rule finding there) and "not analysed" (the audit could not analyse the method or file).
"""
import json
import os
import sys

DEFAULT_RULES = {"UncommittedTransaction", "UncommittedTransactionOnException"}


def batch_files(d):
    """The batch's own files: the rest of the project is linked in (recall-mutants.sh) and not analysed."""
    out = []
    for base, _, names in os.walk(d):
        out += [os.path.relpath(os.path.join(base, n), d) for n in names
                if n.endswith(".java") and not os.path.islink(os.path.join(base, n))]
    return out


def rel_path(uri, files):
    """Report paths are relative to the deepest directory holding every audited file: map back to the batch's."""
    m = [f for f in files if f == uri or f.endswith("/" + uri)]
    return m[0] if len(m) == 1 else uri


def read_sarif(path, files):
    """(findings, problems): findings as (file, rule, line, begin line); problems as (file, line, text)."""
    findings, problems = [], []
    if not os.path.exists(path):
        return None, [("", 0, "no report")]
    run = json.load(open(path))["runs"][0]
    for res in run.get("results", []):
        phys = res["locations"][0]["physicalLocation"]
        begin = res.get("relatedLocations", [{}])[0].get("physicalLocation", {}).get("region", {}).get("startLine")
        line = phys["region"]["startLine"]
        findings.append((rel_path(phys["artifactLocation"]["uri"], files), res["ruleId"], line, begin or line))
    for inv in run.get("invocations", []):
        for n in inv.get("toolExecutionNotifications", []):
            phys = n.get("locations", [{}])[0].get("physicalLocation", {})
            problems.append((rel_path(phys.get("artifactLocation", {}).get("uri", ""), files),
                             phys.get("region", {}).get("startLine", 0), n["message"]["text"]))
    return findings, problems


def in_unit(f, rel, first, last):
    return f[0] == rel and first <= f[3] <= last


# How the audit words a problem that kept a file or a method from being analysed (SourceAnalyzer's reasons).
FAILURES = ("not analysed", "not fully analysed", "does not parse", "could not analyse", "internal error", "no report")


def blocks_unit(p, rel, first, last):
    """A failure keeps the method from being analysed: one of the whole file, or one at a line inside the method."""
    return (p[0] in (rel, "") and any(w in p[2] for w in FAILURES)
            and (p[1] == 0 or first <= p[1] <= last))


def main(work, sources):
    rows, unreported = [], []
    table = []
    for name in sorted(os.listdir(work)):
        mfile = os.path.join(work, name, "mutants.tsv")
        if not os.path.isfile(mfile):
            continue
        pdir = os.path.join(work, name)
        mutants = [l.rstrip("\n").split("\t") for l in open(mfile) if l.strip()]
        skipped = [l for l in open(os.path.join(pdir, "skipped.tsv")) if l.strip()]
        reports = {}
        for d in sorted(os.listdir(pdir)):
            if os.path.isdir(os.path.join(pdir, d)) and (d == "ctl" or d.startswith("b")):
                reports[d] = read_sarif(os.path.join(pdir, d + ".sarif"), batch_files(os.path.join(pdir, d)))
        counts = {"mutants": 0, "reported": 0, "close only": 0, "unreported": 0, "finding in original": 0,
                  "not analysed": 0, "methods": set(),
                  "end used as a value": sum(1 for l in skipped if "used as a value" in l),
                  "sampled out": sum(1 for l in skipped if "sampled out" in l)}
        for rel, batch, unit, first, last, begins, end_line, kind, stmt, n_ends in mutants:
            first, last, end_line = int(first), int(last), int(end_line)
            cfind, cprob = reports.get("ctl", (None, []))
            bfind, bprob = reports.get(batch, (None, []))
            if cfind is None or bfind is None:
                outcome, lines = "not analysed", ""
            elif any(in_unit(f, rel, first, last) and f[1] in DEFAULT_RULES for f in cfind):
                outcome, lines = "finding in original", ""
            elif any(blocks_unit(p, rel, first, last) for p in cprob + bprob):
                outcome, lines = "not analysed", "; ".join(p[2] for p in cprob + bprob if blocks_unit(p, rel, first, last))
            else:
                hits = [f for f in bfind if in_unit(f, rel, first, last)]
                default = [f for f in hits if f[1] in DEFAULT_RULES]
                lines = ",".join("%s:%d" % (f[1], f[2]) for f in hits)
                outcome = "reported" if default else "close only" if hits else "unreported"
            counts[outcome] += 1
            if outcome not in ("finding in original", "not analysed"):
                counts["mutants"] += 1
                counts["methods"].add((rel, first))
            rows.append([name, "%s:%d" % (rel, end_line), unit, "%d-%d" % (first, last), begins, kind, stmt, n_ends,
                         batch, outcome, lines])
            if outcome in ("unreported", "close only"):
                src = open(os.path.join(sources, name, rel), encoding="utf-8", errors="replace").read().split("\n")
                body = ["%s%5d  %s" % (">>" if i == end_line else "  ", i, src[i - 1]) for i in range(first, last + 1)]
                unreported.append("=== %s %s:%d  %s  removed: %s  [%s]%s\n%s\n" % (
                    name, rel, end_line, unit, stmt, kind, "  (close finding: %s)" % lines if lines else "",
                    "\n".join(body)))
        counts["methods"] = len(counts["methods"])
        table.append((name, counts))
    with open(os.path.join(work, "results.tsv"), "w") as out:
        out.write("project\tfile:line (removed end)\tmethod\tmethod lines\tbegin lines\tkind\tremoved\tends in method"
                  "\tbatch\toutcome\tfindings in method\n")
        for r in rows:
            out.write("\t".join(str(x) for x in r) + "\n")
    with open(os.path.join(work, "unreported.txt"), "w") as out:
        out.write("\n".join(unreported))
    cols = ["methods", "mutants", "reported", "close only", "unreported", "finding in original", "not analysed",
            "end used as a value", "sampled out"]
    print("| project | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))
    total = {c: 0 for c in cols}
    for name, c in table:
        print("| %s | %s |" % (name, " | ".join(str(c[k]) for k in cols)))
        for k in cols:
            total[k] += c[k]
    print("| **total** | %s |" % " | ".join("**%d**" % total[k] for k in cols))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
