package dev.txguard.audit;

import dev.txguard.report.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the Java files under the audited paths and the source roots their types live in. The audited root, which
 * report paths are relative to, is the deepest directory containing every path given (a file counts as its
 * directory), so that paths from several arguments never collide.
 */
final class SourceDiscovery {
  /** Build output and version control: never sources anyone wants audited. */
  private static final Set<String> SKIPPED_DIRS = Set.of("target", "build", ".git");
  private static final Path MAIN_JAVA = Path.of("src", "main", "java");
  private static final Path TEST_JAVA = Path.of("src", "test", "java");
  /** How much of a file is read for its package declaration. */
  private static final int PACKAGE_PREFIX = 1 << 20;

  /** What discovery found: files sorted by report path, source roots sorted, and paths it could not use. */
  record Discovered(Path root, List<SourceFile> files, List<Path> sourceRoots, List<Problem> problems) {}

  private final boolean includeTests;
  private final TreeMap<String, SourceFile> files = new TreeMap<>();
  private final Set<Path> conventionalRoots = new TreeSet<>();
  private final Set<Problem> problems = new LinkedHashSet<>(); // a file named and also walked: one problem
  private Path root;

  private SourceDiscovery(boolean includeTests) {
    this.includeTests = includeTests;
  }

  static Discovered discover(List<Path> paths, boolean includeTests) {
    return new SourceDiscovery(includeTests).run(paths);
  }

  private Discovered run(List<Path> paths) {
    List<Path> existing = new ArrayList<>();
    for (Path p : paths) {
      if (Files.exists(p)) {
        existing.add(p.toAbsolutePath().normalize());
      } else {
        problems.add(Problem.ofArgument(p.toString(), "no such file or directory"));
      }
    }
    root = commonRoot(existing);
    for (Path p : existing) {
      if (Files.isDirectory(p)) {
        walk(p);
      } else if (p.getFileName().toString().endsWith(".java")) {
        addIfRegular(p); // named explicitly: audited even inside a test directory
      } else {
        problems.add(new Problem(relative(p), 0, "not a Java file or a directory"));
      }
    }
    return new Discovered(root, List.copyOf(files.values()), sourceRoots(), List.copyOf(problems));
  }

  /** The audited root of these paths: see the class comment; the current directory when none exists. */
  static Path auditedRoot(List<Path> paths) {
    return commonRoot(paths.stream().filter(Files::exists).map(p -> p.toAbsolutePath().normalize()).toList());
  }

  private static Path commonRoot(List<Path> paths) {
    Path common = null;
    for (Path p : paths) {
      Path dir = Files.isDirectory(p) ? p : p.getParent();
      if (common == null) {
        common = dir;
      } else {
        while (!dir.startsWith(common)) {
          common = common.getParent();
        }
      }
    }
    return common != null ? common : Path.of("").toAbsolutePath();
  }

  private void walk(Path start) {
    try {
      Files.walkFileTree(start, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(start) && skipped(dir.getFileName().toString())) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (dir.endsWith(MAIN_JAVA) || dir.endsWith(TEST_JAVA)) {
            conventionalRoots.add(dir);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (file.getFileName().toString().endsWith(".java")) {
            addIfRegular(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          problems.add(new Problem(relative(file), 0, "cannot read: " + FileReading.reason(e)));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      problems.add(new Problem(relative(start), 0, "cannot read: " + FileReading.reason(e)));
    }
  }

  private boolean skipped(String dirName) {
    return SKIPPED_DIRS.contains(dirName) || (!includeTests && dirName.equals("test"));
  }

  /**
   * Adds a regular file, also through a symbolic link. Anything else named {@code *.java} (a pipe, a device, a dangling
   * link) is a problem: reading a pipe would block the audit forever, and skipping it silently would hide it.
   */
  private void addIfRegular(Path file) {
    if (Files.isRegularFile(file)) {
      add(file);
    } else {
      problems.add(new Problem(relative(file), 0, "not a regular file"));
    }
  }

  private void add(Path file) {
    String path = relative(file);
    files.putIfAbsent(path, new SourceFile(file, path));
  }

  private String relative(Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  /**
   * Conventional roots ({@code src/main/java}, {@code src/test/java}); for files outside them, the directory their
   * package declaration implies. A file whose directory does not match its package adds no root (the solver could
   * not find its types there anyway).
   */
  private List<Path> sourceRoots() {
    Set<Path> roots = new TreeSet<>(conventionalRoots);
    Set<Path> dirsSeen = new TreeSet<>();
    for (SourceFile f : files.values()) {
      Path dir = f.file().getParent();
      if (conventionalRoots.stream().anyMatch(dir::startsWith) || !dirsSeen.add(dir)) {
        continue; // one file per directory tells the package of all its files
      }
      String pkg;
      try (InputStream in = Files.newInputStream(f.file())) {
        // The declaration comes first; a whole file of gigabytes would not fit in memory (the analysis reports it).
        pkg = PackageNames.of(new String(in.readNBytes(PACKAGE_PREFIX), StandardCharsets.ISO_8859_1));
      } catch (IOException e) {
        continue; // the analysis reports it
      }
      Path implied;
      try {
        implied = pkg.isEmpty() ? dir : stripSuffix(dir, Path.of("", pkg.split("\\.")));
      } catch (InvalidPathException e) {
        continue; // a name no directory can have (on Windows, say) implies no root
      }
      if (implied != null) {
        roots.add(implied);
      }
    }
    return List.copyOf(roots);
  }

  private static Path stripSuffix(Path dir, Path suffix) {
    if (!dir.endsWith(suffix)) {
      return null;
    }
    Path p = dir;
    for (int i = 0; i < suffix.getNameCount(); i++) {
      p = p.getParent();
    }
    return p;
  }
}
