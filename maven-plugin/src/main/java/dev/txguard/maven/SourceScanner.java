package dev.txguard.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.codehaus.plexus.util.DirectoryScanner;

/**
 * The Java files of a module's source roots, chosen by Ant-style include and exclude patterns relative to each root
 * (as maven-pmd-plugin matches them). Every file is named explicitly to the audit, so that packages called
 * {@code test} or {@code build} inside a source root are audited like any other: the compiler compiles them too.
 */
final class SourceScanner {
  static final String DEFAULT_INCLUDE = "**/*.java";

  private SourceScanner() {}

  /** The roots that exist, absolute and normalised, each once, in the order given. */
  static List<Path> existingRoots(List<String> roots) {
    Set<Path> out = new LinkedHashSet<>();
    for (String root : roots) {
      Path p = Path.of(root).toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  /** The {@code .java} files under {@code roots} that match an include and no exclude, sorted. */
  static List<Path> javaFiles(List<Path> roots, List<String> includes, List<String> excludes) {
    String[] in = includes.isEmpty() ? new String[] {DEFAULT_INCLUDE} : includes.toArray(String[]::new);
    String[] out = excludes.toArray(String[]::new);
    Set<Path> files = new TreeSet<>();
    for (Path root : roots) {
      DirectoryScanner scanner = new DirectoryScanner();
      scanner.setBasedir(root.toFile());
      scanner.setIncludes(in);
      scanner.setExcludes(out);
      scanner.addDefaultExcludes();
      scanner.scan();
      for (String relative : scanner.getIncludedFiles()) {
        if (relative.endsWith(".java")) {
          files.add(root.resolve(relative).normalize());
        }
      }
    }
    return new ArrayList<>(files);
  }
}
