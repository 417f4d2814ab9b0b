package dev.txguard.report;

import dev.txguard.analysis.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules an audit reports, by their check names ({@code UncommittedTransaction},
 * {@code UncommittedTransactionOnException}, {@code TransactionEndedByClose}). With no names, the rules on by default
 * (the first two), as in Error Prone, where {@code TransactionEndedByClose} reports only when named
 * ({@code -Xep:TransactionEndedByClose}). Naming rules reports exactly those: leaving a default rule out turns it off,
 * as {@code -Xep:<Rule>:OFF} does. The findings of other rules are dropped before the baseline, the reports and the
 * verdict.
 */
public final class RuleSelection {
  private final Set<Rule> enabled;

  private RuleSelection(Set<Rule> enabled) {
    this.enabled = enabled;
  }

  /** The rules on by default. */
  public static RuleSelection defaults() {
    Set<Rule> on = EnumSet.noneOf(Rule.class);
    for (Rule r : Rule.values()) {
      if (r.enabledByDefault()) {
        on.add(r);
      }
    }
    return new RuleSelection(on);
  }

  /** Every rule, the one off by default included. */
  public static RuleSelection all() {
    return new RuleSelection(EnumSet.allOf(Rule.class));
  }

  /**
   * Parses check names (case-insensitive); none at all means the default rules. {@code where} names the setting in
   * the error message ({@code "txguard's rules"}, {@code "--rules"}).
   */
  public static RuleSelection parse(List<String> names, String where) {
    if (names.isEmpty()) {
      return defaults();
    }
    Set<Rule> enabled = EnumSet.noneOf(Rule.class);
    for (String name : names) {
      Rule rule = Rule.byCheckName(name.strip());
      if (rule == null) {
        throw new IllegalArgumentException("unknown rule '" + name + "' in " + where + "; the rules are "
            + Arrays.stream(Rule.values()).map(Rule::checkName).collect(Collectors.joining(", ")));
      }
      enabled.add(rule);
    }
    return new RuleSelection(enabled);
  }

  public boolean isEnabled(Rule rule) {
    return enabled.contains(rule);
  }

  /** Whether exactly the default rules are selected. */
  public boolean isDefault() {
    return enabled.equals(defaults().enabled);
  }

  /** The result with only the selected rules' findings; problems and counts stay. */
  public AuditResult filter(AuditResult result) {
    List<AuditedFile> files = new ArrayList<>();
    for (AuditedFile f : result.files()) {
      List<ReportedFinding> kept = f.findings().stream().filter(r -> enabled.contains(r.finding().rule())).toList();
      if (!kept.isEmpty()) {
        files.add(new AuditedFile(f.path(), f.source(), kept));
      }
    }
    return new AuditResult(files, result.problems(), result.filesAnalysed(), result.baselined());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleSelection r && r.enabled.equals(enabled);
  }

  @Override
  public int hashCode() {
    return enabled.hashCode();
  }

  @Override
  public String toString() {
    return enabled.stream().map(Rule::checkName).collect(Collectors.joining(","));
  }
}
