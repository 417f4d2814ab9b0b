package dev.txguard.report;

import dev.txguard.analysis.Finding;
import dev.txguard.analysis.PathStep;
import dev.txguard.analysis.Rule;
import dev.txguard.graph.ExitKind;
import dev.txguard.graph.Site;
import java.util.List;

/** Findings over real source text, with sites computed the way a front end would (offsets, 1-based line/column). */
final class Fixtures {
  private Fixtures() {}

  static final String ORDERS = """
      package com.acme;

      class Orders {
        boolean update(Map<Integer, Integer> m) {
          orm.begin();
          if (m == null) {
            return false;
          }
      \tsave(m);
          orm.commit();
          return true;
        }
      }
      """;

  /** The site of the {@code nth} (0-based) occurrence of {@code snippet} in {@code source}. */
  static Site site(String source, String snippet, int nth) {
    int start = -1;
    for (int i = 0; i <= nth; i++) {
      start = source.indexOf(snippet, start + 1);
      if (start < 0) {
        throw new IllegalArgumentException(snippet + " #" + nth + " not in source");
      }
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < start; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Site(start, start + snippet.length(), line, start - lineStart + 1, snippet);
  }

  static Site site(String source, String snippet) {
    return site(source, snippet, 0);
  }

  /** The early-return leak in {@link #ORDERS}. */
  static Finding earlyReturn(String source) {
    Site begin = site(source, "orm.begin()");
    Site cond = site(source, "m == null");
    Site ret = site(source, "return false;");
    return new Finding(Rule.UNCOMMITTED_TRANSACTION, "update()", "com.acme.Orders#update(Map)", ret,
        ExitKind.RETURN, begin, "JPA",
        List.of(new PathStep(PathStep.Kind.BEGIN, begin, null),
            new PathStep(PathStep.Kind.BRANCH, cond, "m == null is true"),
            new PathStep(PathStep.Kind.EXIT, ret, "return")),
        "orm.rollback();",
        "transaction begun at line " + begin.line() + " (orm.begin()) is still active when this return leaves"
            + " update(); commit or roll it back first");
  }

  /** {@code save(m)} throwing in {@link #ORDERS}. */
  static Finding saveThrows(String source) {
    Site begin = site(source, "orm.begin()");
    Site cond = site(source, "m == null");
    Site save = site(source, "save(m)");
    return new Finding(Rule.UNCOMMITTED_TRANSACTION_ON_EXCEPTION, "update()", "com.acme.Orders#update(Map)", save,
        ExitKind.EXCEPTION, begin, "JPA",
        List.of(new PathStep(PathStep.Kind.BEGIN, begin, null),
            new PathStep(PathStep.Kind.BRANCH, cond, "m == null is false"),
            new PathStep(PathStep.Kind.EXCEPTION, save, "an unchecked exception")),
        null,
        "transaction begun at line " + begin.line() + " (orm.begin()) is still active when an unchecked exception"
            + " thrown here leaves update(); roll it back in a catch or finally block");
  }

  static AuditedFile orders(String path, String source) {
    return new AuditedFile(path, source, List.of(
        new ReportedFinding(saveThrows(source), "com.acme.Orders"),
        new ReportedFinding(earlyReturn(source), "com.acme.Orders")));
  }

  /** Two files (given out of order), one unparsable file, five files analysed. */
  static AuditResult result() {
    AuditedFile b = new AuditedFile("src/main/java/com/acme/b/Billing.java", null, List.of(
        new ReportedFinding(earlyReturn(ORDERS), "com.acme.b.Billing", true, List.of("org.hibernate.Session"))));
    return new AuditResult(List.of(b, orders("src/main/java/com/acme/Orders.java", ORDERS)),
        List.of(new Problem("src/main/java/com/acme/Broken.java", 3, "could not parse: ';' expected")), 5);
  }
}
