package dev.txguard.audit;

import dev.txguard.report.Problem;
import dev.txguard.report.ReportedFinding;
import dev.txguard.source.SourceAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Reads and analyses one file with a worker's analyzer; turns everything that goes wrong into problems. */
final class FileAuditor {
  /**
   * Reasons {@link SourceAnalyzer} gives when it could not analyse the file at all (as opposed to one unit of it).
   * It has no flag for this, so the runner tells them apart by their wording.
   */
  private static final List<String> WHOLE_FILE_FAILURES =
      List.of(SourceAnalyzer.DOES_NOT_PARSE, SourceAnalyzer.NOT_ANALYSED, SourceAnalyzer.INTERNAL_ERROR);

  private FileAuditor() {}

  static FileOutcome audit(SourceAnalyzer analyzer, SourceFile file) {
    List<Problem> problems = new ArrayList<>();
    SourceText text;
    try {
      text = SourceText.decode(Files.readAllBytes(file.file()));
    } catch (IOException | OutOfMemoryError e) {
      String why = e instanceof IOException io ? FileReading.reason(io) : "too large";
      return new FileOutcome(file.path(), null, List.of(), List.of(new Problem(file.path(), 0, "cannot read: " + why)),
          false);
    }
    if (text.latin1Fallback()) {
      problems.add(new Problem(file.path(), 0, SourceText.FALLBACK_PROBLEM));
    }
    SourceAnalyzer.FileResult result;
    try {
      result = analyzer.analyze(file.file(), file.path(), text.text());
    } catch (OutOfMemoryError e) {
      // The file's trees are garbage now; the audit goes on with the other files.
      result = wholeFileProblem(SourceAnalyzer.NOT_ANALYSED + "out of memory");
    } catch (Error e) {
      result = wholeFileProblem(SourceAnalyzer.INTERNAL_ERROR + SourceAnalyzer.describe(e));
    }
    boolean analysed = true;
    for (SourceAnalyzer.SourceProblem p : result.problems()) {
      problems.add(new Problem(file.path(), p.line(), p.column(), p.reason()));
      analysed &= WHOLE_FILE_FAILURES.stream().noneMatch(p.reason()::startsWith);
    }
    // The package is read only when needed: scanning every file's text for it cost 2.6% of a JDK audit.
    List<ReportedFinding> findings = result.findings().isEmpty() ? List.of()
        : reported(result.findings(), PackageNames.of(text.text()));
    return new FileOutcome(file.path(), findings.isEmpty() ? null : text.text(), findings, problems, analysed);
  }

  private static SourceAnalyzer.FileResult wholeFileProblem(String reason) {
    return new SourceAnalyzer.FileResult(List.of(), List.of(new SourceAnalyzer.SourceProblem(0, reason)));
  }

  /** Reports name units by their class's qualified name; the analyzer gives the simple name. */
  private static List<ReportedFinding> reported(List<SourceAnalyzer.SourceFinding> findings, String pkg) {
    List<ReportedFinding> out = new ArrayList<>();
    for (SourceAnalyzer.SourceFinding f : findings) {
      String cls = f.enclosingClass();
      if (!pkg.isEmpty() && !cls.isEmpty() && !cls.contains(".")) {
        cls = pkg + "." + cls;
      }
      out.add(new ReportedFinding(f.finding(), cls, f.matchedByName(), f.unresolved()));
    }
    return out;
  }
}
