package dev.txguard.report;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an audit found, in the one order every report uses: files by path, findings by {@link ReportedFinding#ORDER},
 * problems by path and line. Sorting here, once, is what makes every format deterministic whatever order the
 * (parallel) audit produced its files in.
 *
 * @param files the analysed files, sorted by path
 * @param problems what could not be analysed, sorted by path and line
 * @param filesAnalysed how many files the audit looked at (files without findings need not be in {@code files})
 * @param baselined how many findings {@link Baseline#filterNew} removed as already known
 */
public record AuditResult(List<AuditedFile> files, List<Problem> problems, int filesAnalysed, int baselined) {
  public AuditResult {
    files = files == null ? List.of() : files.stream().sorted(Comparator.comparing(AuditedFile::path)).toList();
    problems = problems == null ? List.of() : problems.stream().sorted(Problem.ORDER).toList();
  }

  public AuditResult(List<AuditedFile> files, List<Problem> problems, int filesAnalysed) {
    this(files, problems, filesAnalysed, 0);
  }

  /** Every finding in report order, each with its file. */
  public Stream<Located> findings() {
    return files.stream().flatMap(f -> f.findings().stream().map(r -> new Located(f, r)));
  }

  public int findingCount() {
    return files.stream().mapToInt(f -> f.findings().size()).sum();
  }

  /** A finding together with the file it is in. */
  public record Located(AuditedFile file, ReportedFinding finding) {}
}
