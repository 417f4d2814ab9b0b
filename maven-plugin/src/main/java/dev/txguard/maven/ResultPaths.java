package dev.txguard.maven;

import dev.txguard.report.AuditResult;
import dev.txguard.report.AuditedFile;
import dev.txguard.report.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Report paths relative to a chosen directory. The audit reports paths relative to its audited root, the deepest
 * directory containing every file it was given (docs/audit.md), which moves whenever the set of files does; the
 * plugin rebases them onto the module's base directory, so that report paths, SARIF URIs and baseline fingerprints
 * read {@code src/main/java/...} whatever is included, and onto the build's root directory for an aggregate.
 */
final class ResultPaths {
  private ResultPaths() {}

  /** The audit's root for these files (each counting as its directory): the deepest directory containing them all. */
  static Path auditedRoot(List<Path> files) {
    Path common = null;
    for (Path file : files) {
      Path dir = Files.isDirectory(file) ? file : file.getParent();
      if (common == null) {
        common = dir;
      } else {
        while (!dir.startsWith(common)) {
          common = common.getParent();
        }
      }
    }
    return common;
  }

  /** The result with every relative path taken from {@code from} to {@code to}; absolute paths stay as they are. */
  static AuditResult rebase(AuditResult result, Path from, Path to) {
    if (from.equals(to)) {
      return result;
    }
    List<AuditedFile> files = new ArrayList<>();
    for (AuditedFile f : result.files()) {
      files.add(new AuditedFile(move(f.path(), from, to), f.source(), f.findings()));
    }
    List<Problem> problems = new ArrayList<>();
    for (Problem p : result.problems()) {
      problems.add(new Problem(move(p.path(), from, to), p.line(), p.column(), p.reason()));
    }
    return new AuditResult(files, problems, result.filesAnalysed(), result.baselined());
  }

  /**
   * Checks that every reported file resolves against {@code base} to one of the files audited: a guard against the
   * audit's root ever being chosen differently from {@link #auditedRoot}.
   */
  static void requireAudited(AuditResult result, Path base, Set<Path> audited) {
    for (AuditedFile f : result.files()) {
      Path file = base.resolve(f.path()).normalize();
      if (!audited.contains(file)) {
        throw new IllegalStateException("report path " + f.path() + " does not name an audited file under " + base);
      }
    }
  }

  private static String move(String path, Path from, Path to) {
    Path p = Path.of(path);
    if (p.isAbsolute()) {
      return path;
    }
    return to.relativize(from.resolve(p).normalize()).toString().replace('\\', '/');
  }
}
