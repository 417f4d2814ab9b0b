package dev.txguard.source;

import dev.txguard.analysis.AnalysisOptions;
import dev.txguard.analysis.ModuleSummaries;
import dev.txguard.module.ModuleIndex;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The module of one audit (semantics: "The module"): the files under the audited source roots, analysed together. Holds
 * the name index built from all of them before any is analysed, the module-wide summary cache, and where each callee
 * id's body is. Shared by all workers; thread-safe.
 */
public final class SourceModule {
  private final ModuleIndex index;
  private final ModuleSummaries summaries;
  private final Map<String, Path> bodies = new ConcurrentHashMap<>();
  private final Reader reader;

  /** Reads a module file's text as the audit decodes it. */
  @FunctionalInterface
  public interface Reader {
    String read(Path file) throws java.io.IOException;
  }

  public SourceModule(ModuleIndex index, AnalysisOptions options, Reader reader) {
    this.index = index;
    this.summaries = new ModuleSummaries(options);
    this.reader = reader;
  }

  /** A module of one file at a time: only same-file bodies (tests and single-file callers). */
  public static SourceModule singleFile(ModuleIndex index, AnalysisOptions options) {
    return new SourceModule(index, options, file -> {
      throw new java.io.IOException("no module files");
    });
  }

  String read(Path file) throws java.io.IOException {
    return reader.read(file);
  }

  ModuleIndex index() {
    return index;
  }

  ModuleSummaries summaries() {
    return summaries;
  }

  /** Records that the body of callee {@code id} is in {@code file}. */
  void located(String id, Path file) {
    bodies.putIfAbsent(id, file);
  }

  Path fileOf(String id) {
    return bodies.get(id);
  }
}
