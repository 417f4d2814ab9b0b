package dev.txguard.cli;

import dev.txguard.report.AuditResult;

/** The one-line summary printed on stderr when the report goes to a file or is not text. */
final class Summary {
  private Summary() {}

  static String of(AuditResult result) {
    StringBuilder s = new StringBuilder("txguard: ").append(plural(result.findingCount(), "finding"))
        .append(", ").append(plural(result.problems().size(), "problem"))
        .append(", ").append(plural(result.filesAnalysed(), "file")).append(" analysed");
    if (result.baselined() > 0) {
      s.append(", ").append(result.baselined()).append(" baselined");
    }
    return s.toString();
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
