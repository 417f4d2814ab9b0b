package dev.txguard.maven;

import dev.txguard.audit.AuditListener;
import dev.txguard.audit.AuditOptions;
import dev.txguard.audit.AuditRunner;
import dev.txguard.protocol.ProtocolFileException;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.protocol.UserProtocols;
import dev.txguard.report.AuditResult;
import dev.txguard.report.Problem;
import dev.txguard.source.JavaRelease;
import dev.txguard.report.RuleSelection;
import dev.txguard.report.TextReport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every txguard goal shares: which sources to audit, against which classpath, with which protocols and rules,
 * and the one call into the checker's {@link AuditRunner}. Subclasses decide what to do with the result.
 */
abstract class AbstractTxguardMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  protected MojoExecution mojoExecution;

  /**
   * Skips txguard entirely.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Also audits the test sources (the module's test compile source roots), resolving types against the test
   * classpath instead of the compile classpath.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.includeTests", defaultValue = "false")
  private boolean includeTests;

  /**
   * Ant-style patterns of the files to audit, relative to each source root ({@code com/acme/**}). Only
   * {@code .java} files are audited whatever the patterns say. Default: {@code **}{@code /*.java}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.includes")
  private List<String> includes;

  /**
   * Ant-style patterns of files not to audit, relative to each source root ({@code **}{@code /generated/**}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.excludes")
  private List<String> excludes;

  /**
   * A protocol file describing in-house transaction APIs and hand-off methods (docs/configuration.md, the same file
   * as Error Prone's {@code -XepOpt:Txguard:Protocols}). The built-in protocols and the zero-config rule stay on.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.protocols")
  private File protocols;

  /**
   * The rules to report, by name: {@code UncommittedTransaction} (a normal exit leaves the transaction open),
   * {@code UncommittedTransactionOnException} (an exception does) and {@code TransactionEndedByClose} (only closing
   * the connection or session ends it; off unless named). Naming rules reports exactly those. Default: the first
   * two.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.rules")
  private List<String> rules;

  /**
   * Worker threads for the audit of one module; 0 means one per processor. Reports are the same for any number.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.threads", defaultValue = "0")
  private int threads;

  /**
   * The Java release of the sources, as javac's {@code --release} ({@code 8}, {@code 1.8}, {@code 17}, {@code 25}):
   * the audit parses at exactly that level. Default: the maven-compiler-plugin's {@code release} (its configuration,
   * else {@code maven.compiler.release}), else its {@code source} (configuration, else {@code maven.compiler.source});
   * with none of them, the newest level the audit reads (25), with a second try for a file that fails only because it
   * uses a later keyword ({@code _}, {@code enum}, ...) as a name.
   *
   * @since 0.1.0
   */
  @Parameter(property = "txguard.release")
  private String release;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping txguard (txguard.skip)");
      skipped();
      return;
    }
    run();
  }

  /** The goal's work, when not skipped. */
  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  /** Called instead of {@link #run()} when skipped. */
  protected void skipped() throws MojoExecutionException {}

  protected final Path basedir() {
    return project.getBasedir().toPath().toAbsolutePath().normalize();
  }

  /** The module's name in log lines, which modules of a parallel build interleave. */
  protected final String moduleName() {
    return project.getArtifactId();
  }

  /** "txguard (module): " + rest: every summary line says which module it is about. */
  protected final String prefix() {
    return "txguard (" + moduleName() + "): ";
  }

  /** The audit's summary line ({@link TextReport#summary}) for this module. */
  protected final String summary(AuditResult result) {
    return prefix() + TextReport.summary(result).replaceFirst("^txguard: ", "");
  }

  /**
   * Audits this module: its compile source roots (and test roots with {@code includeTests}), with types resolved
   * against its own classpath. Logs each problem as a warning. Null when the module has no Java sources to audit.
   */
  protected final ModuleAudit audit() throws MojoExecutionException {
    RuleSelection selected = parse(() -> RuleSelection.parse(Lists.items(rules), "txguard's rules"));
    ProtocolRegistry registry = registry();
    Path basedir = basedir();
    List<String> rootNames = new ArrayList<>(project.getCompileSourceRoots());
    if (includeTests) {
      rootNames.addAll(project.getTestCompileSourceRoots());
    }
    List<Path> roots = SourceScanner.existingRoots(rootNames);
    List<Path> files = SourceScanner.javaFiles(roots, Lists.items(includes), Lists.items(excludes));
    if (files.isEmpty()) {
      getLog().info(prefix() + "no Java sources to audit");
      return null;
    }

    AuditOptions options = new AuditOptions(files, classpath(roots), registry,
        threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), includeTests,
        AuditOptions.DEFAULT_FILE_TIME_LIMIT, javaRelease(), selected);
    AuditResult result;
    try {
      AuditResult raw = new AuditRunner(options, AuditListener.NONE).run();
      result = selected.filter(ResultPaths.rebase(raw, ResultPaths.auditedRoot(files), basedir));
      ResultPaths.requireAudited(result, basedir, new HashSet<>(files));
    } catch (RuntimeException e) {
      throw new MojoExecutionException("txguard internal error while auditing " + moduleName() + ": " + e, e);
    }
    for (Problem p : result.problems()) {
      getLog().warn(MavenMessages.problem(basedir, p));
    }
    if (result.filesAnalysed() == 0) {
      getLog().warn(prefix() + "none of the " + files.size() + " Java files could be analysed");
    }
    return new ModuleAudit(project.getId(), basedir, result);
  }

  /**
   * The classpath the module compiles against, without entries that do not exist (Maven lists target/classes before
   * the first compile), then the source roots: a type declared in a root none of whose files is audited still
   * resolves from source.
   */
  private List<Path> classpath(List<Path> sourceRoots) throws MojoExecutionException {
    List<String> elements = classpathElements(includeTests);
    Set<Path> entries = new LinkedHashSet<>();
    for (String element : elements) {
      Path p = Path.of(element).toAbsolutePath().normalize();
      if (Files.exists(p)) {
        entries.add(p);
      }
    }
    entries.addAll(sourceRoots);
    return List.copyOf(entries);
  }

  /**
   * The classpath Maven resolved for this goal (its {@code requiresDependencyResolution}): the compile classpath, or
   * the test classpath with {@code includeTests}, as the compiler sees it.
   */
  protected List<String> classpathElements(boolean tests) throws MojoExecutionException {
    try {
      return tests ? project.getTestClasspathElements() : project.getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("txguard: the classpath of " + moduleName() + " is not resolved", e);
    }
  }

  /**
   * The level to parse at: the {@code release} parameter (a bad value is a configuration error), else what the
   * compiler plugin compiles with (a value txguard cannot use is a warning, and the newest level is used).
   */
  private JavaRelease javaRelease() throws MojoExecutionException {
    if (release != null && !release.isBlank()) {
      return JavaRelease.of(release).orElseThrow(() -> new MojoExecutionException(
          "txguard: release must be a Java release from " + JavaRelease.accepted() + ", not '" + release + "'"));
    }
    CompilerLevel compiler = CompilerLevel.of(project);
    if (compiler == null) {
      return JavaRelease.NEWEST;
    }
    return JavaRelease.of(compiler.value()).orElseGet(() -> {
      getLog().warn(prefix() + "cannot use " + compiler.name() + " '" + compiler.value() + "' (txguard reads "
          + JavaRelease.accepted() + "); parsing at the newest level");
      return JavaRelease.NEWEST;
    });
  }

  private ProtocolRegistry registry() throws MojoExecutionException {
    if (protocols == null) {
      return ProtocolRegistry.builtin();
    }
    try {
      return ProtocolRegistry.withUserProtocols(UserProtocols.load(protocols.toPath()), true);
    } catch (ProtocolFileException e) {
      throw new MojoExecutionException("txguard: " + e.getMessage(), e);
    }
  }

  /** A parameter value that does not parse is a configuration error, reported as such. */
  protected static <T> T parse(ParameterParser<T> parser) throws MojoExecutionException {
    try {
      return parser.parse();
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("txguard: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  protected interface ParameterParser<T> {
    T parse();
  }
}
