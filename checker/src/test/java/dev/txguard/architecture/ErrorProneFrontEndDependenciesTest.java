package dev.txguard.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.javac.UncommittedTransaction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Error Prone plugin runs with the checker jar alone on javac's processor path: none of the audit's optional
 * libraries (JavaParser, Jackson, picocli, progressbar, mustache) is there. So no class the checks can reach (the
 * packages {@code javac}, {@code analysis}, {@code graph}, {@code module}, {@code protocol}) may name one of them or
 * the audit's own packages; a reference would fail with {@code NoClassDefFoundError} inside a user's compilation (it
 * did once, caught only by the Maven plugin's integration test). Reads the compiled classes' constant pools.
 */
class ErrorProneFrontEndDependenciesTest {
  private static final List<String> FRONT_END_PACKAGES =
      List.of("dev/txguard/javac", "dev/txguard/analysis", "dev/txguard/graph", "dev/txguard/module",
          "dev/txguard/protocol");
  private static final List<String> FORBIDDEN = List.of("com/github/javaparser", "com/fasterxml/jackson", "picocli/",
      "me/tongfei/progressbar", "com/github/mustachejava", "dev/txguard/source/", "dev/txguard/audit/",
      "dev/txguard/cli/", "dev/txguard/report/");

  @Test
  void classesTheChecksReachNameNoAuditLibrary() throws IOException, URISyntaxException {
    // target/classes, or the checker jar when the tests run against it (the Error Prone 2.46 / JDK 25 rerun)
    Path location = Path.of(UncommittedTransaction.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      check(location);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        check(jar.getPath("/"));
      }
    }
  }

  private static void check(Path classes) throws IOException {
    List<String> violations = new ArrayList<>();
    int read = 0;
    for (String pkg : FRONT_END_PACKAGES) {
      Path dir = classes.resolve(pkg);
      try (Stream<Path> files = Files.list(dir)) { // a package's own classes; its sub-packages are listed above
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
          read++;
          // Class names in the constant pool are modified UTF-8; ISO-8859-1 keeps every byte as one char.
          String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
          for (String forbidden : FORBIDDEN) {
            if (pool.contains(forbidden)) {
              violations.add(classes.relativize(f) + " names " + forbidden);
            }
          }
        }
      }
    }
    assertTrue(read > 50, "front-end classes found: " + read);
    assertEquals(List.of(), violations);
  }
}
