package dev.txguard.maven;

import dev.txguard.analysis.Rule;
import dev.txguard.report.AuditResult;
import dev.txguard.report.AuditedFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules a build reports, by their check names ({@code UncommittedTransaction},
 * {@code UncommittedTransactionOnException}). Leaving a rule out turns it off, as {@code -Xep:<Rule>:OFF} does for
 * the Error Prone checks: its findings are dropped before the baseline, the reports and the verdict.
 */
final class RuleSelection {
  private final Set<Rule> enabled;

  private RuleSelection(Set<Rule> enabled) {
    this.enabled = enabled;
  }

  static RuleSelection all() {
    return new RuleSelection(EnumSet.allOf(Rule.class));
  }

  /** Parses check names; none at all means every rule. */
  static RuleSelection parse(List<String> names) {
    if (names.isEmpty()) {
      return all();
    }
    Set<Rule> enabled = EnumSet.noneOf(Rule.class);
    for (String name : names) {
      Rule rule = Arrays.stream(Rule.values()).filter(r -> r.checkName().equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown rule '" + name + "' in txguard's rules; the rules are "
              + Arrays.stream(Rule.values()).map(Rule::checkName).collect(Collectors.joining(", "))));
      enabled.add(rule);
    }
    return new RuleSelection(enabled);
  }

  boolean isAll() {
    return enabled.size() == Rule.values().length;
  }

  AuditResult filter(AuditResult result) {
    if (isAll()) {
      return result;
    }
    List<AuditedFile> files = new ArrayList<>();
    for (AuditedFile f : result.files()) {
      files.add(new AuditedFile(f.path(), f.source(),
          f.findings().stream().filter(r -> enabled.contains(r.finding().rule())).toList()));
    }
    return new AuditResult(files, result.problems(), result.filesAnalysed(), result.baselined());
  }
}
