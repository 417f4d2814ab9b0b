package dev.txguard.audit;

import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.source.JavaRelease;
import dev.txguard.report.RuleSelection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to audit and how.
 *
 * @param paths files and directories to audit
 * @param classpath jars and directories (classes or sources) the audited code compiles against
 * @param registry the protocols to match
 * @param threads worker threads, at least 1
 * @param includeTests whether to descend into {@code test} directories
 * @param fileTimeLimit the CPU time of its analysis thread one file may take (reading, parsing, resolving, analysing)
 *     before it is abandoned and reported as not analysed; it may take four times as much wall-clock time
 *     ({@link FileWorker}); {@link Duration#ZERO} for no limit. A last resort against inputs on
 *     which the parser or symbol solver are pathologically slow: ordinary files take milliseconds, so only such files
 *     ever meet it, and then the report names them.
 * @param release the Java level to parse at: {@link JavaRelease#NEWEST} (with the retry for old keywords) unless the
 *     user pinned one ({@code --release})
 * @param rules the rules whose findings the result keeps (by default those on by default)
 * @param only files and directories to analyse and report, each at or under a file {@code paths} selects; empty: all
 *     of them. The other selected files still form the module, so summaries read their bodies ({@code --only}).
 */
public record AuditOptions(List<Path> paths, List<Path> classpath, ProtocolRegistry registry, int threads,
    boolean includeTests, Duration fileTimeLimit, JavaRelease release, RuleSelection rules, List<Path> only) {
  /** Generous: the slowest ordinary file seen took well under a second. */
  public static final Duration DEFAULT_FILE_TIME_LIMIT = Duration.ofSeconds(60);

  public AuditOptions {
    paths = List.copyOf(paths);
    classpath = classpath == null ? List.of() : List.copyOf(classpath);
    Objects.requireNonNull(registry, "registry");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    fileTimeLimit = fileTimeLimit == null ? DEFAULT_FILE_TIME_LIMIT : fileTimeLimit;
    if (fileTimeLimit.isNegative()) {
      throw new IllegalArgumentException("the file time limit must not be negative: " + fileTimeLimit);
    }
    release = release == null ? JavaRelease.NEWEST : release;
    rules = rules == null ? RuleSelection.defaults() : rules;
    only = only == null ? List.of() : List.copyOf(only);
  }

  /** Every selected file analysed and reported. */
  public AuditOptions(List<Path> paths, List<Path> classpath, ProtocolRegistry registry, int threads,
      boolean includeTests, Duration fileTimeLimit, JavaRelease release, RuleSelection rules) {
    this(paths, classpath, registry, threads, includeTests, fileTimeLimit, release, rules, List.of());
  }

  /** At the newest Java level, with the default rules. */
  public AuditOptions(List<Path> paths, List<Path> classpath, ProtocolRegistry registry, int threads,
      boolean includeTests, Duration fileTimeLimit) {
    this(paths, classpath, registry, threads, includeTests, fileTimeLimit, JavaRelease.NEWEST,
        RuleSelection.defaults());
  }

  /** With the default file time limit. */
  public AuditOptions(List<Path> paths, List<Path> classpath, ProtocolRegistry registry, int threads,
      boolean includeTests) {
    this(paths, classpath, registry, threads, includeTests, DEFAULT_FILE_TIME_LIMIT);
  }

  /** Built-in protocols, one thread per processor, no classpath, tests skipped. */
  public static AuditOptions of(List<Path> paths) {
    return new AuditOptions(paths, List.of(), ProtocolRegistry.builtin(), Runtime.getRuntime().availableProcessors(),
        false);
  }

  public AuditOptions withFileTimeLimit(Duration limit) {
    return new AuditOptions(paths, classpath, registry, threads, includeTests, limit, release, rules, only);
  }

  public AuditOptions withRelease(JavaRelease r) {
    return new AuditOptions(paths, classpath, registry, threads, includeTests, fileTimeLimit, r, rules, only);
  }

  public AuditOptions withRules(RuleSelection selected) {
    return new AuditOptions(paths, classpath, registry, threads, includeTests, fileTimeLimit, release, selected, only);
  }

  public AuditOptions withOnly(List<Path> analysed) {
    return new AuditOptions(paths, classpath, registry, threads, includeTests, fileTimeLimit, release, rules, analysed);
  }
}
