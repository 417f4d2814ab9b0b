package dev.txguard.maven;

import dev.txguard.report.AuditResult;
import dev.txguard.report.AuditedFile;
import dev.txguard.report.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.aether.SessionData;

/**
 * Where the modules of an aggregating {@code audit} meet: each adds its result, and the one that completes the set
 * receives them all, to write one report for the build. It lives in the repository session's data, which every
 * module thread of a build shares (Maven gives each thread of {@code -T} its own copy of the MavenSession, but they
 * share the repository session); nothing is static.
 */
final class ReactorAggregate {
  private final Set<String> expected;
  private final Map<String, ModuleAudit> results = new TreeMap<>();
  private boolean delivered;

  private ReactorAggregate(Set<String> expected) {
    this.expected = Set.copyOf(expected);
  }

  /**
   * The aggregate of one goal execution in this session, created by whichever module gets here first.
   *
   * @param executionId the mojo execution's id, so that two executions in one build aggregate separately
   * @param expected the ids of the projects that will run this execution
   */
  static ReactorAggregate in(SessionData data, String executionId, Set<String> expected) {
    Object key = List.of(ReactorAggregate.class, executionId);
    // SessionData of Maven 3.8's resolver has no computeIfAbsent; its compare-and-set lets only the first one in.
    data.set(key, null, new ReactorAggregate(expected));
    return (ReactorAggregate) data.get(key);
  }

  /** Adds a module's result; once every expected module has added one, returns them all (once). */
  synchronized Optional<List<ModuleAudit>> add(ModuleAudit module) {
    results.put(module.projectId(), module);
    if (delivered || !results.keySet().containsAll(expected)) {
      return Optional.empty();
    }
    delivered = true;
    return Optional.of(List.copyOf(results.values()));
  }

  synchronized int missing() {
    return (int) expected.stream().filter(id -> !results.containsKey(id)).count();
  }

  /** One result over every module, its paths relative to {@code root}. */
  static AuditResult merge(List<ModuleAudit> modules, Path root) {
    List<AuditedFile> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    int analysed = 0;
    for (ModuleAudit m : modules) {
      AuditResult r = ResultPaths.rebase(m.result(), m.basedir(), root);
      files.addAll(r.files());
      problems.addAll(r.problems());
      analysed += r.filesAnalysed();
    }
    return new AuditResult(files, problems, analysed);
  }
}
