package dev.txguard.report;

import dev.txguard.analysis.Finding;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A finding of the source audit with what a report needs beyond the analysis core's {@link Finding}.
 *
 * @param finding the core's finding
 * @param enclosingClass the qualified name of the class declaring the unit ({@code com.acme.OrderService}); "" if
 *     unknown
 * @param matchedByName whether a type did not resolve and the call was matched to a protocol by its name
 * @param unresolved what could not be resolved (type or call names), sorted, for the report to say so
 */
public record ReportedFinding(Finding finding, String enclosingClass, boolean matchedByName, List<String> unresolved) {
  /**
   * Report order within a file: (line, column, rule) as the issue asks, then the begin position and the message so
   * that the order is total and output stays byte-stable.
   */
  public static final Comparator<ReportedFinding> ORDER =
      Comparator.<ReportedFinding>comparingInt(f -> f.finding().at().line())
          .thenComparingInt(f -> f.finding().at().column())
          .thenComparing(ReportedFinding::ruleId)
          .thenComparingInt(f -> f.finding().begin().start())
          .thenComparing(f -> f.finding().message());

  public ReportedFinding {
    Objects.requireNonNull(finding, "finding");
    enclosingClass = enclosingClass == null ? "" : enclosingClass;
    unresolved = unresolved == null ? List.of() : withoutCoveredSimpleNames(unresolved);
  }

  /**
   * Sorted, distinct and never empty names; a simple name is dropped where the qualified one is listed
   * ({@code EntityManager} beside {@code jakarta.persistence.EntityManager}: one type, said once).
   */
  private static List<String> withoutCoveredSimpleNames(List<String> names) {
    List<String> distinct = names.stream().filter(n -> n != null && !n.isBlank()).distinct().sorted().toList();
    return distinct.stream().filter(n -> n.contains(".") || distinct.stream().noneMatch(q -> q.endsWith("." + n)))
        .toList();
  }

  /** A finding whose types all resolved. */
  public ReportedFinding(Finding finding, String enclosingClass) {
    this(finding, enclosingClass, false, List.of());
  }

  /** The rule id shared by every format: the Error Prone check name. */
  public String ruleId() {
    return finding.rule().checkName();
  }

  /** The unit qualified by its class, {@code com.acme.OrderService.update()}, as reports and fingerprints name it. */
  public String qualifiedUnit() {
    return enclosingClass.isEmpty() ? finding.unitName() : enclosingClass + "." + finding.unitName();
  }

  /** A note on what could not be resolved, or "" when everything resolved. */
  public String resolutionNote() {
    if (!matchedByName && unresolved.isEmpty()) {
      return "";
    }
    String what = unresolved.isEmpty() ? "" : "could not resolve " + String.join(", ", unresolved);
    if (!matchedByName) {
      return what;
    }
    return "matched by name" + (what.isEmpty() ? "" : "; " + what);
  }
}
