package dev.txguard.report;

/**
 * Where the text and SARIF reports place a finding: the 1-based line and column (UTF-16 code units) of its start, for
 * front ends that print findings their own way (the Maven plugin's {@code path:[line,col]} lines).
 *
 * @param line the 1-based line
 * @param column the 1-based column
 */
public record Position(int line, int column) {
  /** The position of {@code finding} in {@code file}; line 1, column 1 when the finding has no position. */
  public static Position of(AuditedFile file, ReportedFinding finding) {
    Region at = Region.of(finding.finding().at(), file.source() == null ? null : new SourceLines(file.source()));
    return at == null ? new Position(1, 1) : new Position(at.startLine(), at.startColumn());
  }
}
