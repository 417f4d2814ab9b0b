package dev.txguard.metamorphic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The JDK's own sources, read from a {@code src.zip} on this machine (never committed). The fast slice is chosen by
 * package and by a fixed stride over the sorted entry names, so it is the same on every run of the same zip.
 */
final class JdkSources {
  static final List<Path> CANDIDATES = List.of(
      Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip"),
      Path.of("/usr/lib/jvm/java-17-openjdk-amd64/lib/src.zip"));

  /** Packages of the fast slice (their own files, not subpackages). */
  private static final Set<String> FAST_PACKAGES = Set.of(
      "java.base/java/util/", "java.base/java/util/concurrent/", "java.base/java/lang/", "java.base/java/io/");

  private JdkSources() {}

  /** The first readable src.zip, or null. */
  static Path zip() {
    String configured = System.getProperty("txguard.metamorphic.srczip");
    if (configured != null) {
      return Files.isReadable(Path.of(configured)) ? Path.of(configured) : null;
    }
    for (Path p : CANDIDATES) {
      if (Files.isReadable(p)) {
        try (ZipFile z = new ZipFile(p.toFile())) {
          if (z.getEntry("java.base/java/lang/Object.java") != null) {
            return p;
          }
        } catch (IOException e) {
          // a dangling link or a broken zip: try the next one
        }
      }
    }
    return null;
  }

  /** Every {@code .java} file of the modules, by entry name (module-relative path after the module directory). */
  static Map<String, String> read(Path zip, List<String> modules, Predicate<String> keep) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      List<String> names = new ArrayList<>();
      z.stream().map(ZipEntry::getName)
          .filter(n -> n.endsWith(".java") && !n.endsWith("module-info.java") && !n.endsWith("package-info.java"))
          .filter(n -> modules.stream().anyMatch(m -> n.startsWith(m + "/")))
          .sorted()
          .filter(keep) // after sorting: a stateful slice sees the names in one fixed order
          .forEach(names::add);
      for (String n : names) {
        out.put(n, new String(z.getInputStream(z.getEntry(n)).readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /**
   * All original sources of the modules under {@code dir} (once per zip: a marker file names it), for the audit's
   * classpath: the slice then resolves the rest of its module as a project's own sources would.
   */
  static Path context(Path zip, List<String> modules, Path dir) throws IOException {
    String stamp = zip + " " + Files.size(zip) + " " + Files.getLastModifiedTime(zip) + " " + modules;
    Path marker = dir.resolve("extracted-from.txt");
    if (Files.exists(marker) && Files.readString(marker).equals(stamp)) {
      return dir;
    }
    MetamorphicRun.deleteTree(dir);
    for (Map.Entry<String, String> e : read(zip, modules, n -> true).entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
    }
    Files.writeString(marker, stamp);
    return dir;
  }

  /** The fast slice: every {@code stride}-th file of java.util, java.util.concurrent, java.lang and java.io. */
  static Predicate<String> fastSlice(int stride) {
    int[] seen = {0};
    return n -> {
      String dir = n.substring(0, n.lastIndexOf('/') + 1);
      return FAST_PACKAGES.contains(dir) && seen[0]++ % stride == 0;
    };
  }
}
