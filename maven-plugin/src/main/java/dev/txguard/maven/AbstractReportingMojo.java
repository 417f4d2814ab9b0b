package dev.txguard.maven;

import dev.txguard.report.AuditResult;
import dev.txguard.report.AuditedFile;
import dev.txguard.report.ReportedFinding;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that write reports ({@code check}, {@code audit}): which formats, and where. */
abstract class AbstractReportingMojo extends AbstractTxguardMojo {
  /**
   * The reports to write into {@code outputDirectory}: {@code sarif} ({@code txguard.sarif}, SARIF 2.1.0 for code
   * scanning), {@code html} ({@code txguard.html}, one self-contained page) and {@code text} ({@code txguard.txt}).
   * An empty list writes none.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.formats", defaultValue = "sarif,html")
  private List<String> formats;

  /**
   * Where the reports go.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.outputDirectory", defaultValue = "${project.build.directory}/txguard")
  private File outputDirectory;

  protected final List<ReportFormat> formats() throws MojoExecutionException {
    return parse(() -> ReportFormat.parse(Lists.items(formats)));
  }

  protected final Path outputDirectory() {
    return outputDirectory.toPath().toAbsolutePath().normalize();
  }

  /**
   * Writes the reports of {@code result} into {@code directory}; returns the files written. {@code subject} names what
   * was audited in the HTML report's title.
   */
  protected final List<Path> writeReports(AuditResult result, String subject, Path directory)
      throws MojoExecutionException {
    try {
      return ReportFormat.writeAll(formats(), result, subject, directory);
    } catch (IOException e) {
      throw new MojoExecutionException("txguard: cannot write the reports to " + directory + ": " + e, e);
    }
  }

  /** Logs every finding of {@code result}, whose paths are relative to {@code base}, one message each. */
  protected static void logFindings(AuditResult result, Path base, Consumer<CharSequence> log) {
    for (AuditedFile file : result.files()) {
      for (ReportedFinding f : file.findings()) {
        log.accept(MavenMessages.finding(base, file, f));
      }
    }
  }

  /** "reports: a, b" or "no reports written", for summary lines. */
  protected static String reportsNote(List<Path> written) {
    if (written.isEmpty()) {
      return "no reports written";
    }
    return "reports: " + String.join(", ", written.stream().map(Path::toString).toList());
  }
}
