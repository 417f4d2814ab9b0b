package dev.txguard.javac;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Prints every difference between markers and diagnostics for a directory of cases (a development aid). */
class CaseDiffTest {
  @Test
  @EnabledIfSystemProperty(named = "txguard.diff", matches = ".+", disabledReason = "a development aid, not a test:"
      + " -Dtxguard.diff=DIR runs it and prints every difference between markers and diagnostics under DIR")
  void printDifferences() throws IOException {
    Path dir = Path.of(System.getProperty("txguard.diff"));
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    CaseDiff.Result r = CaseDiff.run(files, List.of());
    r.errors().forEach(e -> System.out.println("ERROR " + e));
    r.missing().forEach(e -> System.out.println("MISSING " + e));
    r.unexpected().forEach(e -> System.out.println("UNEXPECTED " + e));
    System.out.printf("expected=%d reported=%d missing=%d unexpected=%d%n",
        r.expected().size(), r.reported().size(), r.missing().size(), r.unexpected().size());
  }
}
