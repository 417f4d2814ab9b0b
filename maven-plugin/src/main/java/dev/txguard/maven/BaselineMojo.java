package dev.txguard.maven;

import dev.txguard.report.Baseline;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes every current finding of this module to its baseline file, so that {@code check} passes today and fails
 * on any finding added later. Run it again after fixing findings to shrink the baseline. Findings are matched by a
 * fingerprint of rule, file, method, begin call and exit kind, not by line, so editing code above a finding keeps it.
 *
 * @since 0.1.0
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class BaselineMojo extends AbstractTxguardMojo {
  /**
   * The baseline file to write; the same default as {@code check} reads.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.baseline", defaultValue = "${project.basedir}/txguard-baseline.json")
  private File baseline;

  @Override
  protected void run() throws MojoExecutionException {
    ModuleAudit audit = audit();
    if (audit == null) {
      return;
    }
    Path file = baseline.toPath().toAbsolutePath().normalize();
    try {
      Files.createDirectories(file.getParent());
      Baseline.write(audit.result(), file);
    } catch (IOException e) {
      throw new MojoExecutionException("txguard: cannot write the baseline " + file + ": " + e, e);
    }
    getLog().info(prefix() + "wrote " + MavenMessages.findingCount(audit.result()) + " to the baseline " + file);
  }
}
