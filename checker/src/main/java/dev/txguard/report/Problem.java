package dev.txguard.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * A file, or part of one, that the audit could not analyse: it did not parse, could not be read, had an odd encoding,
 * or held a method too large to analyse. Every format lists problems, so that a clean report is never a silent skip.
 *
 * @param path the path relative to the audited root, with forward slashes; for an {@code asGiven} problem, the
 *     argument as the user typed it
 * @param line the 1-based line the problem is on, or 0 for the whole file
 * @param column the 1-based column on that line (where a parse error is), or 0 for none
 * @param reason what went wrong, in words
 * @param asGiven whether {@code path} is an argument as given (a missing PATH, a classpath entry) rather than a file
 *     under the audited root: such a path is never rebased, and the text report gives it no line
 */
public record Problem(String path, int line, int column, String reason, boolean asGiven) {
  static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::path).thenComparingInt(Problem::line).thenComparingInt(Problem::column)
          .thenComparing(Problem::reason);

  public Problem {
    path = Objects.requireNonNull(path, "path").replace('\\', '/');
    line = Math.max(0, line);
    column = line == 0 ? 0 : Math.max(0, column);
    reason = reason == null ? "" : reason;
  }

  /** A problem with a file under the audited root, at a line and column. */
  public Problem(String path, int line, int column, String reason) {
    this(path, line, column, reason, false);
  }

  /** A problem with a file under the audited root, with no column. */
  public Problem(String path, int line, String reason) {
    this(path, line, 0, reason, false);
  }

  /** A problem with an argument (a PATH, a classpath entry), named as the user gave it. */
  public static Problem ofArgument(String given, String reason) {
    return new Problem(given, 0, 0, reason, true);
  }

  /** The same problem about {@code newPath}. */
  public Problem withPath(String newPath) {
    return new Problem(newPath, line, column, reason, asGiven);
  }
}
