package dev.txguard.maven.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItSupportTest {
  @TempDir
  Path dir;

  @Test
  void markersExpectAFindingOnTheNextCodeLine() throws IOException {
    Path file = dir.resolve("src/main/java/A.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n",
        "class A {", //                                                   1
        "  void f() {", //                                                2
        "    // BUG: Diagnostic contains: [UncommittedTransactionOnException]",
        "    // BUG: Diagnostic contains: [UncommittedTransaction]",
        "    g();", //                                                    5
        "  }",
        "}"));
    Files.createDirectories(dir.resolve("target/it"));
    Files.writeString(dir.resolve("target/it/B.java"), "// BUG: Diagnostic contains: [UncommittedTransaction]\nx");
    assertEquals(new TreeSet<>(List.of("src/main/java/A.java:5:UncommittedTransaction",
        "src/main/java/A.java:5:UncommittedTransactionOnException")), ItSupport.expected(dir.toFile()));
  }

  @Test
  void diagnosticsOfOneLevelRelativeToTheProject() {
    String log = String.join("\n",
        "[ERROR] " + dir.resolve("src/main/java/A.java") + ":[5,9] [UncommittedTransaction] transaction begun ...",
        "    line 3: transaction begins: orm.begin()",
        "[WARNING] " + dir.resolve("src/main/java/A.java") + ":[7,2] [UncommittedTransactionOnException] ...",
        "[ERROR] Failed to execute goal ...");
    assertEquals(new TreeSet<>(List.of("src/main/java/A.java:5:9:UncommittedTransaction")),
        ItSupport.reported(dir.toFile(), log, "ERROR"));
    assertEquals(new TreeSet<>(List.of("src/main/java/A.java:7:UncommittedTransactionOnException")),
        ItSupport.withoutColumn(ItSupport.reported(dir.toFile(), log, "WARNING")));
  }
}
