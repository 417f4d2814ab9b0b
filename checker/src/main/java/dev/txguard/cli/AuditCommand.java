package dev.txguard.cli;

import dev.txguard.audit.AuditListener;
import dev.txguard.audit.AuditOptions;
import dev.txguard.audit.AuditRunner;
import dev.txguard.protocol.ProtocolFileException;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.protocol.UserProtocols;
import dev.txguard.report.AtomicFiles;
import dev.txguard.report.AuditResult;
import dev.txguard.report.Baseline;
import dev.txguard.source.JavaRelease;
import dev.txguard.report.RuleSelection;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code txguard audit}: analyse sources that need not compile, report, and say by the exit code whether it leaks. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
    exitCodeOnInvalidInput = Main.EXIT_USAGE, exitCodeOnExecutionException = Main.EXIT_USAGE,
    description = {"Audits Java sources for database transactions left open, without compiling them.",
        "Exit codes: 0 no finding beyond the baseline, 1 findings, 2 usage error or nothing could be analysed, "
            + "3 no finding but problems (a file that does not parse, ...), only with --fail-on-problems."})
final class AuditCommand implements Callable<Integer> {
  static final int EXIT_CLEAN = 0;
  static final int EXIT_FINDINGS = 1;
  /** Only with --fail-on-problems: no finding, but part of the code was not analysed. */
  static final int EXIT_PROBLEMS = 3;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Java files or directories to audit.")
  List<Path> paths;

  @Option(names = {"--classpath", "-cp"}, paramLabel = "CP",
      description = "Jars and directories (classes or sources) the code compiles against, separated by "
          + "'${sys:path.separator}'. Without them, library types are matched by name.")
  String classpath;

  @Option(names = "--only", paramLabel = "PATH",
      description = "Analyse and report only the files at or under PATH (repeatable), say the files a change touched. "
          + "Every file the PATHs select still belongs to the module: summaries read their bodies.")
  List<Path> only;

  @Option(names = "--protocols", paramLabel = "FILE", description = "A protocol file describing in-house APIs.")
  Path protocols;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "Write the report here instead of stdout.")
  Path output;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings this baseline does not know.")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE", description = "Write every current finding to a baseline.")
  Path writeBaseline;

  @Option(names = "--rules", paramLabel = "RULE", split = ",",
      description = "Rules to report, comma-separated: UncommittedTransaction, UncommittedTransactionOnException, "
          + "TransactionEndedByClose (default: the first two; TransactionEndedByClose is off unless named).")
  List<String> rules;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
  Integer threads;

  @Option(names = "--include-tests", description = "Also audit test directories (src/test/**, **/test/**).")
  boolean includeTests;

  @Option(names = "--file-time-limit", paramLabel = "SECONDS",
      description = "Give up on a file after this many seconds of CPU time (or four times as many of wall-clock "
          + "time) and report it as not analysed; 0: no limit (default: 60).")
  Long fileTimeLimit;

  @Option(names = "--release", paramLabel = "N",
      description = "The Java release of the sources (1.0 to 1.8, or 5 to 25), as javac's --release: parse at exactly "
          + "that level. Default: the newest (25), and a file that fails only because it uses a later keyword as a "
          + "name (_, enum, assert, record, yield) is parsed again at the level that allowed it.")
  String release;

  @Option(names = "--fail-on-problems",
      description = "Exit with 3 when there is no finding but problems: a file that does not parse or was not fully "
          + "analysed (default: problems are reported and the exit code is about findings only).")
  boolean failOnProblems;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + workers);
    }
    long limit = fileTimeLimit == null ? AuditOptions.DEFAULT_FILE_TIME_LIMIT.toSeconds() : fileTimeLimit;
    if (limit < 0) {
      throw new ParameterException(spec.commandLine(), "--file-time-limit must not be negative, not " + limit);
    }
    JavaRelease level = JavaRelease.NEWEST;
    if (release != null) {
      level = JavaRelease.of(release).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "--release must be a Java release from " + JavaRelease.accepted() + ", not '" + release + "'"));
    }
    ProtocolRegistry registry;
    Baseline known;
    try {
      // Before the analysis, which may take minutes: a report that cannot be written should not wait for it.
      OutputFiles.checkWritable("--output", output);
      OutputFiles.checkWritable("--write-baseline", writeBaseline);
      registry = protocols == null ? ProtocolRegistry.builtin()
          : ProtocolRegistry.withUserProtocols(UserProtocols.load(protocols), true);
      known = baseline == null ? null : Baseline.load(baseline);
    } catch (ProtocolFileException | IOException e) {
      err.println("txguard: " + e.getMessage());
      return Main.EXIT_USAGE;
    }

    RuleSelection selected;
    try {
      selected = RuleSelection.parse(rules == null ? List.of() : rules, "--rules");
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    AuditOptions options = new AuditOptions(paths, classpathEntries(), registry, workers, includeTests,
        Duration.ofSeconds(limit), level, selected, only);
    AuditListener progress = Terminal.stderrIsTerminal() ? new ProgressBarListener() : new StatusLineListener(err);
    AuditResult all = new AuditRunner(options, progress).run();
    AuditResult result = known == null ? all : known.filterNew(all);
    try {
      if (writeBaseline != null) {
        Baseline.write(all, writeBaseline);
        err.println("txguard: wrote " + all.findingCount() + " findings to baseline " + writeBaseline);
      }
      writeReport(result);
    } catch (IOException e) {
      err.println("txguard: cannot write " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    if (result.filesAnalysed() == 0) {
      err.println("txguard: no Java file could be analysed");
      return Main.EXIT_USAGE;
    }
    if (result.findingCount() > 0) {
      return EXIT_FINDINGS;
    }
    return failOnProblems && !result.problems().isEmpty() ? EXIT_PROBLEMS : EXIT_CLEAN;
  }

  /** What was audited, for the HTML report's title: the PATH arguments' names ({@code .} as its directory's name). */
  static String subject(List<Path> paths) {
    List<String> names = paths.stream().map(p -> {
      Path absolute = p.toAbsolutePath().normalize();
      return absolute.getFileName() == null ? absolute.toString() : absolute.getFileName().toString();
    }).distinct().toList();
    int shown = 3;
    return names.size() <= shown ? String.join(", ", names)
        : String.join(", ", names.subList(0, shown)) + " and " + (names.size() - shown) + " more";
  }

  private List<Path> classpathEntries() {
    List<Path> entries = new ArrayList<>();
    if (classpath != null) {
      for (String entry : classpath.split(File.pathSeparator, -1)) {
        if (!entry.isBlank()) {
          entries.add(Path.of(entry));
        }
      }
    }
    return entries;
  }

  private void writeReport(AuditResult result) throws IOException {
    // Text is read by people and CI annotators started here: paths they can open from here. SARIF and HTML keep the
    // audited root's relative paths, which do not depend on where the command ran.
    String report = format.render(format == ReportFormat.text
        ? DisplayPaths.forCommandLine(result, paths, AuditRunner.auditedRoot(paths), Path.of("")) : result,
        subject(paths));
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(report);
      out.flush();
    } else {
      AtomicFiles.writeString(output, report);
    }
    if (output != null || format != ReportFormat.text) {
      // The text report ends with this summary; other destinations get it on stderr.
      spec.commandLine().getErr().println(Summary.of(result));
    }
  }
}
