package dev.txguard.maven;

import dev.txguard.report.Baseline;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.ProjectDependenciesResolver;

/**
 * Writes every current finding of this module to its baseline file, so that {@code check} passes today and fails
 * on any finding added later. Run it again after fixing findings to shrink the baseline. Findings are matched by a
 * fingerprint of rule, file, method, begin call and exit kind, not by line, so editing code above a finding keeps it.
 * Runs on its own in a multi-module build, before anything is compiled: it resolves its dependencies itself, with the
 * other modules of the build standing in by their classes or sources ({@link UnbuiltReactorClasspath}). The file is
 * replaced whole or not at all.
 *
 * @since 0.1.0
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractTxguardMojo {
  @Component
  private ProjectDependenciesResolver resolver;

  /**
   * The baseline file to write; the same default as {@code check} reads.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.baseline", defaultValue = "${project.basedir}/txguard-baseline.json")
  private File baseline;

  @Override
  protected List<String> classpathElements(boolean tests) throws MojoExecutionException {
    return UnbuiltReactorClasspath.elements(project, session, resolver, tests);
  }

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
