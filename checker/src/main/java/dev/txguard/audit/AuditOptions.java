package dev.txguard.audit;

import dev.txguard.protocol.ProtocolRegistry;
import java.nio.file.Path;
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
 */
public record AuditOptions(List<Path> paths, List<Path> classpath, ProtocolRegistry registry, int threads,
    boolean includeTests) {
  public AuditOptions {
    paths = List.copyOf(paths);
    classpath = classpath == null ? List.of() : List.copyOf(classpath);
    Objects.requireNonNull(registry, "registry");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
  }

  /** Built-in protocols, one thread per processor, no classpath, tests skipped. */
  public static AuditOptions of(List<Path> paths) {
    return new AuditOptions(paths, List.of(), ProtocolRegistry.builtin(), Runtime.getRuntime().availableProcessors(),
        false);
  }
}
