package dev.txguard.source;

import dev.txguard.javac.CaseDiffAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints, for a directory of labelled cases, every difference between the markers and each front end: Error Prone,
 * the audit with the API jars and the audit without them (a development aid, like {@code CaseDiffTest}).
 */
class AuditCaseDiffTest {
  @Test
  @EnabledIfSystemProperty(named = "txguard.diff", matches = ".+", disabledReason = "a development aid, not a test:"
      + " -Dtxguard.diff=DIR prints the differences between markers and both front ends under DIR")
  void printDifferences() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(System.getProperty("txguard.diff")))) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    Set<String> markers = new TreeSet<>();
    for (Path f : files) {
      markers.addAll(CaseDiffAccess.markers(f));
    }
    print("Error Prone", markers, CaseDiffAccess.javacFindings(files));
    print("audit (jars)", markers, FrontEndParityTest.sourceFindings(files, FrontEndParityTest.withClasspath()));
    print("audit (names)", markers, FrontEndParityTest.sourceFindings(files,
        new com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver(
            new com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver())));
  }

  private static void print(String frontEnd, Set<String> markers, Set<String> findings) {
    Set<String> reported = new TreeSet<>();
    findings.forEach(f -> reported.add(f.replaceAll(" begun \\d+$", "")));
    Set<String> missing = new TreeSet<>(markers);
    missing.removeAll(reported);
    Set<String> unexpected = new TreeSet<>(reported);
    unexpected.removeAll(markers);
    System.out.printf("%s: expected=%d reported=%d%n", frontEnd, markers.size(), reported.size());
    missing.forEach(m -> System.out.println("  MISSING    " + m));
    unexpected.forEach(m -> System.out.println("  UNEXPECTED " + m));
  }
}
