package dev.txguard.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * A file, or part of one, that the audit could not analyse: it did not parse, could not be read, had an odd encoding,
 * or held a method too large to analyse. Every format lists problems, so that a clean report is never a silent skip.
 *
 * @param path the path relative to the audited root, with forward slashes
 * @param line the 1-based line the problem is on, or 0 for the whole file
 * @param reason what went wrong, in words
 */
public record Problem(String path, int line, String reason) {
  static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::path).thenComparingInt(Problem::line).thenComparing(Problem::reason);

  public Problem {
    path = Objects.requireNonNull(path, "path").replace('\\', '/');
    line = Math.max(0, line);
    reason = reason == null ? "" : reason;
  }
}
