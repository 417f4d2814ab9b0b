#!/usr/bin/env python3
"""Summarises the real-code benchmark's SARIF reports (see real-code.sh).

Reads WORK/runs.tsv and WORK/out/NAME.sarif; prints the per-project table and writes WORK/summary.tsv,
WORK/findings.tsv (one finding a line), WORK/findings-detail.txt (each finding's path) and WORK/problems.tsv (one problem a line, with the methods not fully analysed).
Paths are relative to the root of each project's sources jar.
"""
import json
import os
import sys

RULES = ["UncommittedTransaction", "UncommittedTransactionOnException", "TransactionEndedByClose"]
NOT_FULLY = " was not fully analysed: "


def full_path(uri, files):
    """The audit reports paths relative to the deepest directory holding every file; map back to the jar root."""
    matches = [f for f in files if f == uri or f.endswith("/" + uri)]
    return matches[0] if len(matches) == 1 else uri


def main(work):
    runs = [line.rstrip("\n").split("\t") for line in open(os.path.join(work, "runs.tsv")) if line.strip()]
    summary, findings, problems, details = [], [], [], []
    for name, gav, files_all, lines_all, files_aud, lines_aud, wall, cpu in runs:
        cpu_file = os.path.join(work, "out", name + ".cpu")  # GNU time's last line: user and system seconds
        if os.path.exists(cpu_file):
            cpu = "%.1f" % sum(float(x) for x in open(cpu_file).read().strip().split("\n")[-1].split())
        files = [f[2:] if f.startswith("./") else f for f in open(os.path.join(work, "out", name + ".files")).read().split("\n") if f]
        sarif_path = os.path.join(work, "out", name + ".sarif")
        counts = {r: 0 for r in RULES}
        n_problems = n_not_fully = 0
        if os.path.exists(sarif_path):
            run = json.load(open(sarif_path))["runs"][0]
            for res in run.get("results", []):
                rule = res["ruleId"]
                counts[rule] = counts.get(rule, 0) + 1
                loc = res["locations"][0]
                phys = loc["physicalLocation"]
                path = full_path(phys["artifactLocation"]["uri"], files)
                line = phys["region"]["startLine"]
                begin = res.get("relatedLocations", [{}])[0].get("physicalLocation", {}).get("region", {}).get("startLine", "")
                method = loc.get("logicalLocations", [{}])[0].get("fullyQualifiedName", "")
                msg = res["message"]["text"].replace("\t", " ").replace("\n", " ")
                findings.append([name, f"{path}:{line}", rule, str(begin), method, res.get("properties", {}).get("api", ""), msg])
                steps = [s["location"]["message"]["text"] for flow in res.get("codeFlows", [])
                         for thread in flow.get("threadFlows", []) for s in thread.get("locations", [])]
                details.append((name, path, line, rule, method, msg, steps))
            for inv in run.get("invocations", []):
                for n in inv.get("toolExecutionNotifications", []):
                    msg = n["message"]["text"].replace("\t", " ").replace("\n", " ")
                    phys = n.get("locations", [{}])[0].get("physicalLocation", {})
                    path = full_path(phys.get("artifactLocation", {}).get("uri", ""), files)
                    line = phys.get("region", {}).get("startLine", 0)
                    kind = "not-fully-analysed" if NOT_FULLY in msg else "problem"
                    if kind == "problem":
                        n_problems += 1
                    else:
                        n_not_fully += 1
                    problems.append([name, f"{path}:{line}", kind, msg])
        elif files:
            n_problems += 1
            problems.append([name, "", "problem", "no report written (see out/%s.stderr)" % name])
        summary.append([name, gav.split(":")[2], files_all, lines_all, files_aud, lines_aud, wall, cpu]
                       + [str(counts[r]) for r in RULES] + [str(n_problems), str(n_not_fully)])

    header = ["project", "version", "files", "lines", "files audited", "lines audited", "wall s", "cpu s",
              "UT", "UTOnException", "EndedByClose", "problems", "not fully analysed"]
    total = ["TOTAL", ""] + [str(sum(int(float(r[i])) for r in summary)) for i in range(2, 6)] \
        + ["%.1f" % sum(float(r[i]) for r in summary) for i in (6, 7)] \
        + [str(sum(int(r[i]) for r in summary)) for i in range(8, 13)]
    with open(os.path.join(work, "summary.tsv"), "w") as out:
        for row in [header] + summary + [total]:
            out.write("\t".join(row) + "\n")
    widths = [max(len(r[i]) for r in [header] + summary + [total]) for i in range(len(header))]
    for row in [header] + summary + [total]:
        print("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
    findings.sort(key=lambda f: (f[0], f[1].rsplit(":", 1)[0], int(f[1].rsplit(":", 1)[1]), f[2]))
    with open(os.path.join(work, "findings.tsv"), "w") as out:
        out.write("project\tfile:line\trule\tbegin line\tmethod\tapi\tmessage\n")
        for f in findings:
            out.write("\t".join(f) + "\n")
    details.sort(key=lambda d: (d[0], d[1], d[2], d[3]))
    with open(os.path.join(work, "findings-detail.txt"), "w") as out:  # the path of each finding, for reading
        for name, path, line, rule, method, msg, steps in details:
            out.write(f"{name} {path}:{line} [{rule}] {method}\n    {msg}\n")
            for step in steps:
                out.write(f"      {step}\n")
    with open(os.path.join(work, "problems.tsv"), "w") as out:
        out.write("project\tfile:line\tkind\tmessage\n")
        for p in problems:
            out.write("\t".join(p) + "\n")
    print(f"{len(findings)} findings in {os.path.join(work, 'findings.tsv')}; "
          f"{len(problems)} problems in {os.path.join(work, 'problems.tsv')}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
