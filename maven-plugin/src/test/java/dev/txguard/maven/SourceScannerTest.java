package dev.txguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {
  @TempDir
  Path dir;

  @Test
  void javaFilesOfEveryRootByIncludesAndExcludes() throws IOException {
    Path main = dir.resolve("src/main/java");
    Path gen = dir.resolve("target/generated-sources/annotations");
    touch(main.resolve("com/acme/A.java"));
    touch(main.resolve("com/acme/test/Fixture.java")); // a package named test is main code
    touch(main.resolve("com/acme/build/Tool.java"));
    touch(main.resolve("com/acme/legacy/Old.java"));
    touch(main.resolve("com/acme/notes.txt"));
    touch(gen.resolve("com/acme/A_.java"));

    assertEquals(List.of(main.resolve("com/acme/A.java"), main.resolve("com/acme/build/Tool.java"),
            main.resolve("com/acme/legacy/Old.java"), main.resolve("com/acme/test/Fixture.java"), gen.resolve("com/acme/A_.java")),
        SourceScanner.javaFiles(List.of(main, gen), List.of(), List.of()));
    assertEquals(List.of(main.resolve("com/acme/A.java"), main.resolve("com/acme/build/Tool.java"),
            main.resolve("com/acme/test/Fixture.java")),
        SourceScanner.javaFiles(List.of(main, gen), List.of(), List.of("com/acme/legacy/**", "**/*_.java")));
    // Only .java files, whatever the includes say.
    assertEquals(List.of(main.resolve("com/acme/legacy/Old.java")),
        SourceScanner.javaFiles(List.of(main), List.of("**/legacy/**", "**/*.txt"), List.of()));
  }

  @Test
  void existingRootsOnlyEachOnce() throws IOException {
    Path main = Files.createDirectories(dir.resolve("src/main/java"));
    assertEquals(List.of(main), SourceScanner.existingRoots(List.of(main.toString(), dir.resolve("src/main/java/../java").toString(),
        dir.resolve("src/main/kotlin").toString())));
  }

  private static void touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "class X {}");
  }
}
