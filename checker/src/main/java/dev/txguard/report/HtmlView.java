package dev.txguard.report;

import dev.txguard.analysis.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data the HTML template shows, computed here so that the template stays logic-free. Every string passes through
 * {@link Texts#visible}; HTML escaping is the template engine's, which escapes every {@code {{value}}}.
 */
final class HtmlView {
  private HtmlView() {}

  record Page(String title, Totals totals, List<Count> byRule, List<Count> byApi, List<Count> byPackage, List<String> rules,
      List<FindingView> findings, List<ProblemView> problems) {
    boolean hasFindings() {
      return !findings.isEmpty();
    }

    boolean hasProblems() {
      return !problems.isEmpty();
    }
  }

  record Totals(int findings, int filesAnalysed, long filesWithFindings, int problems, int baselined) {
    boolean hasBaselined() {
      return baselined > 0;
    }
  }

  record Count(String name, long count) {}

  record FindingView(String id, String rule, String summary, String location, String message, String api,
      String unit, String begin, String note, List<StepView> steps, List<SourceExcerpt.Line> excerpt) {
    boolean hasNote() {
      return !note.isEmpty();
    }

    boolean noSource() {
      return excerpt.isEmpty();
    }
  }

  record StepView(int number, String line, String kind, String text) {}

  record ProblemView(String location, String reason) {}

  static Page of(AuditResult result, String title) {
    List<FindingView> findings = new ArrayList<>();
    Map<String, Long> byApi = new TreeMap<>();
    Map<String, Long> byPackage = new TreeMap<>();
    Map<Rule, Long> byRule = new TreeMap<>();
    for (AuditedFile file : result.files()) {
      SourceLines lines = file.source() == null ? null : new SourceLines(file.source());
      for (ReportedFinding f : file.findings()) {
        findings.add(finding("f" + (findings.size() + 1), file.path(), lines, f));
        byRule.merge(f.finding().rule(), 1L, Long::sum);
        byApi.merge(Texts.visible(f.finding().api()), 1L, Long::sum);
        byPackage.merge(Texts.visible(packageOf(f.enclosingClass())), 1L, Long::sum);
      }
    }
    List<Count> rules = new ArrayList<>();
    List<String> ruleNames = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      rules.add(new Count(rule.checkName(), byRule.getOrDefault(rule, 0L)));
      ruleNames.add(rule.checkName());
    }
    List<ProblemView> problems = result.problems().stream()
        .map(p -> new ProblemView(Texts.visible(p.path() + (p.line() > 0 ? ":" + p.line() : "")
            + (p.column() > 0 ? ":" + p.column() : "")),
            Texts.visible(p.reason())))
        .toList();
    long filesWithFindings = result.files().stream().filter(f -> !f.findings().isEmpty()).count();
    Totals totals = new Totals(result.findingCount(), result.filesAnalysed(), filesWithFindings,
        result.problems().size(), result.baselined());
    return new Page(Texts.visible(title), totals, rules, counts(byApi), counts(byPackage), ruleNames, findings, problems);
  }

  private static FindingView finding(String id, String path, SourceLines lines, ReportedFinding reported) {
    var f = reported.finding();
    Region at = Region.of(f.at(), lines);
    String location = path + ":" + (at == null ? "?" : at.startLine() + ":" + at.startColumn());
    List<StepView> steps = new ArrayList<>();
    for (var step : f.path()) {
      steps.add(new StepView(steps.size() + 1, step.site().line() > 0 ? "line " + step.site().line() : "",
          SourceExcerpt.role(step.kind()), Texts.visible(step.describe())));
    }
    String begin = "line " + f.begin().line() + ": " + f.begin().text();
    return new FindingView(id, reported.ruleId(), RuleText.summary(f.rule()), Texts.visible(location),
        Texts.visible(f.message()), Texts.visible(f.api()), Texts.visible(reported.qualifiedUnit()),
        Texts.visible(begin), Texts.visible(reported.resolutionNote()), steps,
        lines == null ? List.of() : SourceExcerpt.of(f, lines));
  }

  /**
   * The package part of a qualified class name: the leading segments up to the first capitalised one, by the Java
   * naming convention (the class name alone cannot tell {@code a.B.C} from {@code a.b.C} otherwise).
   */
  static String packageOf(String qualifiedClass) {
    String[] parts = qualifiedClass.split("\\.", -1);
    List<String> pkg = new ArrayList<>();
    for (int i = 0; i < parts.length - 1 && !parts[i].isEmpty() && !Character.isUpperCase(parts[i].charAt(0)); i++) {
      pkg.add(parts[i]);
    }
    return pkg.isEmpty() ? "(default package)" : String.join(".", pkg);
  }

  private static List<Count> counts(Map<String, Long> map) {
    return map.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
  }
}
