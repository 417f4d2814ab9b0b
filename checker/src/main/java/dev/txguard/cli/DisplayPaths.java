package dev.txguard.cli;

import dev.txguard.report.AuditResult;
import dev.txguard.report.AuditedFile;
import dev.txguard.report.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths for the text report, as a compiler prints them: relative to the current directory when the PATH arguments
 * were relative ({@code testdata/example/src/...}, {@code ../other/src/...}), absolute when one was absolute. Either
 * way an editor, a terminal's link detection or a CI annotator started in that directory opens them. The audit's own
 * paths are relative to its audited root, and SARIF, HTML and baseline fingerprints keep those: they must not depend
 * on where the command was started.
 */
final class DisplayPaths {
  private DisplayPaths() {}

  static AuditResult forCommandLine(AuditResult result, List<Path> arguments, Path root, Path cwd) {
    boolean relative = arguments.stream().noneMatch(Path::isAbsolute);
    Path base = cwd.toAbsolutePath().normalize();
    List<AuditedFile> files = new ArrayList<>();
    for (AuditedFile f : result.files()) {
      files.add(new AuditedFile(display(f.path(), root, base, relative), f.source(), f.findings()));
    }
    List<Problem> problems = new ArrayList<>();
    for (Problem p : result.problems()) {
      // A missing PATH or a classpath entry is already named as it was given.
      problems.add(p.asGiven() ? p : p.withPath(display(p.path(), root, base, relative)));
    }
    return new AuditResult(files, problems, result.filesAnalysed(), result.baselined());
  }

  private static String display(String reportPath, Path root, Path cwd, boolean relative) {
    Path file = root.resolve(reportPath).normalize();
    if (!relative || !file.getRoot().equals(cwd.getRoot())) {
      return file.toString();
    }
    String shown = cwd.relativize(file).toString();
    return shown.isEmpty() ? "." : shown;
  }
}
