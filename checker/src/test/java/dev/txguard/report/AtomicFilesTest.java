package dev.txguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-or-nothing writes that still respect what the target is: a link stays a link, a pipe is written to. */
class AtomicFilesTest {
  @TempDir
  Path dir;

  @Test
  void aNewFileAndAReplacedFileLeaveNothingElse() throws IOException {
    Path file = dir.resolve("report.txt");
    AtomicFiles.writeString(file, "first");
    AtomicFiles.writeString(file, "second");
    assertEquals("second", Files.readString(file));
    try (var listing = Files.list(dir)) {
      assertEquals(List.of(file), listing.toList());
    }
  }

  @Test
  void aSymbolicLinkKeepsPointingAtTheFileItNames() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real")).resolve("report.txt");
    Files.writeString(real, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
    AtomicFiles.writeString(link, "new");
    assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
    assertEquals("new", Files.readString(real));
  }

  @Test
  void aPipeIsWrittenToNotReplaced() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      Assumptions.abort("no mkfifo on this system: " + e.getMessage());
      return;
    }
    Assumptions.assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    AtomicFiles.writeString(fifo, "through the pipe");
    assertEquals("through the pipe", read.get(30, TimeUnit.SECONDS));
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a pipe");
  }
}
