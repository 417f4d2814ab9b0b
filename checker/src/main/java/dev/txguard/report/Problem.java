package dev.txguard.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * A file, or part of one, that the audit could not analyse: it did not parse, could not be read, had an odd encoding,
 * or held a method too large to analyse. Every format lists problems, so that a clean report is never a silent skip.
 *
 * @param path the path relative to the audited root, with forward slashes
 * @param line the 1-based line the problem is on, or 0 for the whole file
 * @param column the 1-based column on that line (where a parse error is), or 0 for none
 * @param reason what went wrong, in words
 */
public record Problem(String path, int line, int column, String reason) {
  static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::path).thenComparingInt(Problem::line).thenComparingInt(Problem::column)
          .thenComparing(Problem::reason);

  public Problem {
    path = Objects.requireNonNull(path, "path").replace('\\', '/');
    line = Math.max(0, line);
    column = line == 0 ? 0 : Math.max(0, column);
    reason = reason == null ? "" : reason;
  }

  /** With no column. */
  public Problem(String path, int line, String reason) {
    this(path, line, 0, reason);
  }
}
