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
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
  /** How much of a file is read for its package declaration: first this much, then up to the larger bound. */
  private static final int PACKAGE_HEAD = 1 << 14;
  private static final int PACKAGE_PREFIX = 1 << 20;

  /**
   * What discovery found: files sorted by report path, source roots sorted, the files whose folder does not match
   * their package by the type they are named for, and paths it could not use.
   */
  record Discovered(Path root, List<SourceFile> files, List<Path> sourceRoots, Map<String, Path> declaredElsewhere,
      List<Problem> problems) {}

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
    Layout layout = layout();
    return new Discovered(root, List.copyOf(files.values()), layout.roots(), layout.elsewhere(), List.copyOf(problems));
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
   * Where the solver looks for the audited files' types. Conventional roots ({@code src/main/java},
   * {@code src/test/java}); for other files, the directory their package declaration implies. A file whose directory
   * does not match its package (javac compiles it all the same) implies no root: it goes into an index of its own by
   * the type its declaration and file name give ({@code src/Db.java} declaring {@code package com.acme;}:
   * {@code com.acme.Db}), so that the files of its package still see it and it sees them. Every file's package is
   * read (its first bytes only): a directory can mix files that match and files that do not.
   */
  private Layout layout() {
    Set<Path> roots = new TreeSet<>(conventionalRoots);
    TreeMap<String, Path> elsewhere = new TreeMap<>();
    for (SourceFile f : files.values()) {
      String pkg = declaredPackage(f.file());
      if (pkg == null) {
        continue; // the analysis reports it
      }
      Path dir = f.file().getParent();
      Path implied;
      try {
        implied = pkg.isEmpty() ? dir : stripSuffix(dir, Path.of("", pkg.split("\\.")));
      } catch (InvalidPathException e) {
        continue; // a name no directory can have (on Windows, say) implies no root
      }
      boolean conventional = conventionalRoots.stream().anyMatch(dir::startsWith);
      if (implied != null && (!conventional || conventionalRoots.contains(implied))) {
        roots.add(implied);
        continue;
      }
      String name = f.file().getFileName().toString();
      String type = pkg + "." + name.substring(0, name.length() - ".java".length());
      // Copies of one type in several folders (variants, examples): the first in report order is seen, as the
      // first source root is for correctly placed files; no note, since every copy still sees its package.
      elsewhere.putIfAbsent(type, f.file());
    }
    return new Layout(List.copyOf(roots), Collections.unmodifiableMap(elsewhere));
  }

  private record Layout(List<Path> roots, Map<String, Path> elsewhere) {}

  /**
   * The package a file declares, from its first bytes: the declaration comes first, and a whole file of gigabytes would
   * not fit in memory (the analysis reports it). Null when the file cannot be read.
   */
  private static String declaredPackage(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(PACKAGE_HEAD);
      String pkg = PackageNames.of(new String(head, StandardCharsets.ISO_8859_1));
      if (!pkg.isEmpty() || head.length < PACKAGE_HEAD) {
        return pkg;
      }
      // A long header comment: read on, up to the larger bound.
      byte[] more = in.readNBytes(PACKAGE_PREFIX - PACKAGE_HEAD);
      byte[] all = java.util.Arrays.copyOf(head, head.length + more.length);
      System.arraycopy(more, 0, all, head.length, more.length);
      return PackageNames.of(new String(all, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      return null;
    }
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
