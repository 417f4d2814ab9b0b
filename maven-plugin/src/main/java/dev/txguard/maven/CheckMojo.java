package dev.txguard.maven;

import dev.txguard.report.AuditResult;
import dev.txguard.report.Baseline;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when a method of this module can leave a transaction open, beyond the findings of the baseline.
 * Each finding is logged as {@code [ERROR] path:[line,col] [Rule] message} with its path; the reports hold the same
 * findings. Runs the audit itself (no forked {@code audit} goal), at {@code verify} by default.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public class CheckMojo extends AbstractReportingMojo {
  /**
   * Whether findings fail the build. With {@code false}, they are logged as warnings and the build goes on.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.failOnViolation", defaultValue = "true")
  private boolean failOnViolation;

  /**
   * Whether problems fail the build too: a file that does not parse, cannot be read, or was not fully analysed (each
   * is logged as a warning). With the default {@code false}, a build with problems and no finding passes, and the
   * unanalysed code is only named in the warnings and reports.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.failOnProblems", defaultValue = "false")
  private boolean failOnProblems;

  /**
   * The baseline file: findings it holds are accepted and neither fail the build nor appear in the reports (the
   * summary counts them as baselined). Used when the file exists; write it with the {@code baseline} goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.baseline", defaultValue = "${project.basedir}/txguard-baseline.json")
  private File baseline;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    formats(); // a bad value is a configuration error even in a module without sources
    ModuleAudit audit = audit();
    if (audit == null) {
      return;
    }
    AuditResult result = applyBaseline(audit.result());
    List<Path> reports = writeReports(result, moduleName(), outputDirectory());
    logFindings(result, audit.basedir(), failOnViolation ? getLog()::error : getLog()::warn);
    getLog().info(summary(result) + "; " + reportsNote(reports));
    if (result.findingCount() > 0 && failOnViolation) {
      throw new MojoFailureException(prefix() + MavenMessages.findingCount(result)
          + (result.baselined() > 0 ? " beyond the baseline" : "")
          + ": a transaction can be left open (see the [ERROR] lines above; "
          + reportsNote(reports) + "). Fix them, or accept the current findings with mvn txguard:baseline.");
    }
    if (!result.problems().isEmpty() && failOnProblems) {
      int n = result.problems().size();
      throw new MojoFailureException(prefix() + n + (n == 1 ? " problem" : " problems")
          + ": part of the code was not analysed (see the [WARNING] lines above) and failOnProblems is set.");
    }
  }

  private AuditResult applyBaseline(AuditResult result) throws MojoExecutionException {
    Path file = baseline == null ? null : baseline.toPath().toAbsolutePath().normalize();
    if (file == null || !Files.exists(file)) {
      getLog().debug("txguard: no baseline file " + file);
      return result;
    }
    try {
      return Baseline.load(file).filterNew(result);
    } catch (IOException e) {
      throw new MojoExecutionException("txguard: cannot use the baseline: " + e.getMessage(), e);
    }
  }
}
