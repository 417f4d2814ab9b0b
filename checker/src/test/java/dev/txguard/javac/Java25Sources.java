package dev.txguard.javac;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The Java 22-25 cases of {@code testdata/java25/} (unnamed variables, flexible constructor bodies, module imports,
 * compact source files). Only javac 25 compiles them: tests that compile them run in the JDK 25 surefire run
 * (checker/ep-latest-tests, the jdk25 profile) and are skipped, with this reason, on an older JDK.
 */
public final class Java25Sources {
  private Java25Sources() {}

  public static List<Path> files() throws IOException {
    Path root = TestdataCasesTest.testdata().resolve("java25");
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** Skips the calling test unless javac 25 or later runs it. */
  public static void assumeJavac25() {
    int feature = Runtime.version().feature();
    Assumptions.assumeTrue(feature >= 25, "compiling Java 25 sources needs javac 25; this JVM is Java " + feature
        + ": the test runs on Temurin 25 in checker/ep-latest-tests (the jdk25 profile)");
  }
}
