package dev.txguard.maven;

import dev.txguard.report.AuditResult;
import dev.txguard.report.TextReport;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Audits this module and writes the reports, all findings included: no baseline, never fails the build. Findings
 * are logged as warnings. With {@code aggregate}, one report covers every module of the build instead.
 *
 * @since 0.1.0
 */
@Mojo(name = "audit", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public class AuditMojo extends AbstractReportingMojo {
  /**
   * Writes one report for the whole build into the execution root's {@code target/txguard/} (paths relative to the
   * root directory) instead of one per module. Each module is still audited against its own classpath; the module
   * that finishes last writes the report. Every module of the build must run this goal: call it from the command
   * line ({@code mvn txguard:audit -Dtxguard.aggregate}) or configure it in the parent so that modules inherit it.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.aggregate", defaultValue = "false")
  private boolean aggregate;

  @Override
  protected void run() throws MojoExecutionException {
    formats();
    ModuleAudit audit = audit();
    if (audit != null) {
      logFindings(audit.result(), audit.basedir(), getLog()::warn);
    }
    if (aggregate) {
      ModuleAudit module = audit != null ? audit : ModuleAudit.empty(project.getId(), basedir());
      getLog().info(summary(module.result()) + "; aggregated");
      contribute(module);
    } else if (audit != null) {
      List<Path> reports = writeReports(audit.result(), moduleName(), outputDirectory());
      getLog().info(summary(audit.result()) + "; " + reportsNote(reports));
    }
  }

  @Override
  protected void skipped() throws MojoExecutionException {
    if (aggregate) {
      contribute(ModuleAudit.empty(project.getId(), basedir())); // the others must not wait for this module
    }
  }

  private void contribute(ModuleAudit module) throws MojoExecutionException {
    ReactorAggregate aggregateOfBuild = ReactorAggregate.in(session.getRepositorySession().getData(),
        mojoExecution.getExecutionId(), participants());
    Optional<List<ModuleAudit>> all = aggregateOfBuild.add(module);
    if (all.isEmpty()) {
      getLog().debug("txguard: aggregate waits for " + aggregateOfBuild.missing() + " more modules");
      return;
    }
    MavenProject root = executionRoot();
    Path rootDir = root.getBasedir().toPath().toAbsolutePath().normalize();
    AuditResult merged = ReactorAggregate.merge(all.get(), rootDir);
    Path directory = Path.of(root.getBuild().getDirectory(), "txguard").toAbsolutePath().normalize();
    List<Path> reports = writeReports(merged, root.getArtifactId() + " (" + all.get().size() + " modules)", directory);
    getLog().info("txguard (aggregate of " + all.get().size() + " modules): "
        + TextReport.summary(merged).replaceFirst("^txguard: ", "") + "; " + reportsNote(reports));
  }

  /**
   * The projects of this build that run this execution: all of them when the goal was given on the command line,
   * else those whose build declares this plugin with an execution of this id running {@code audit}.
   */
  private Set<String> participants() {
    Set<String> ids = new LinkedHashSet<>();
    boolean fromCommandLine = mojoExecution.getSource() == MojoExecution.Source.CLI;
    PluginDescriptor plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
    for (MavenProject p : session.getProjects()) {
      if (fromCommandLine || declaresThisExecution(p, plugin)) {
        ids.add(p.getId());
      }
    }
    ids.add(project.getId());
    return ids;
  }

  private boolean declaresThisExecution(MavenProject p, PluginDescriptor plugin) {
    for (Plugin declared : p.getBuildPlugins()) {
      if (plugin.getGroupId().equals(declared.getGroupId()) && plugin.getArtifactId().equals(declared.getArtifactId())) {
        for (PluginExecution e : declared.getExecutions()) {
          if (e.getId().equals(mojoExecution.getExecutionId()) && e.getGoals().contains(mojoExecution.getGoal())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private MavenProject executionRoot() {
    return session.getProjects().stream().filter(MavenProject::isExecutionRoot).findFirst()
        .orElseGet(() -> session.getTopLevelProject() != null ? session.getTopLevelProject() : project);
  }
}
