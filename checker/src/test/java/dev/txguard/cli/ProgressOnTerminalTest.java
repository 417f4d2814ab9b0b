package dev.txguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar follows stderr, not stdout: the command runs in a real pseudo-terminal ({@code script} from
 * util-linux) with its report redirected to a file, as in {@code txguard audit src/ > report.txt}, and with stderr
 * redirected to a file, as in a CI log. Skipped where {@code script} is missing (it is part of every Debian and
 * Ubuntu system).
 */
class ProgressOnTerminalTest {
  private static final String BAR = "txguard audit";

  @TempDir
  Path dir;

  @BeforeAll
  static void needsScript() {
    Assumptions.assumeTrue(new File("/usr/bin/script").canExecute(), "no /usr/bin/script (util-linux) to make a pty");
  }

  @Test
  void theBarShowsOnAStderrTerminalWhenStdoutIsAFile() throws IOException, InterruptedException {
    Path report = dir.resolve("report.txt");
    String screen = runInTerminal(command() + " > " + report);
    assertTrue(screen.contains(BAR) && screen.contains("files"), "no progress bar on the terminal: " + screen);
    String text = Files.readString(report, StandardCharsets.UTF_8);
    assertTrue(text.contains("[UncommittedTransaction]"), text);
    assertFalse(text.contains(BAR), "the progress bar leaked into the report: " + text);
  }

  @Test
  void nothingButTheReportWhenStderrIsNotATerminal() throws IOException, InterruptedException {
    Path log = dir.resolve("stderr.log");
    String screen = runInTerminal(command() + " 2> " + log);
    assertTrue(screen.contains("[UncommittedTransaction]"), screen);
    assertFalse(screen.contains(BAR), screen);
    assertEquals("", Files.readString(log, StandardCharsets.UTF_8), "a CI log gets no progress for a short audit");
  }

  /** The command line, run through the surefire classpath (a manifest jar also works with -cp). */
  private static String command() {
    Path testdata = Path.of(System.getProperty("txguard.testdata", "../testdata")).toAbsolutePath().normalize();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return String.join(" ", List.of(quote(java.toString()), "-cp", quote(System.getProperty("java.class.path")),
        Main.class.getName(), "audit", quote(testdata.resolve("example").toString())));
  }

  /** Runs {@code command} under a pseudo-terminal and returns what it wrote to the terminal. */
  private String runInTerminal(String command) throws IOException, InterruptedException {
    Path typescript = dir.resolve("typescript");
    Process p = new ProcessBuilder("/usr/bin/script", "-q", "-e", "-c", command, typescript.toString())
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    p.getOutputStream().close();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("the audit did not finish in 180 s");
    }
    String log = Files.readString(typescript, StandardCharsets.UTF_8);
    String screen = log.substring(log.indexOf('\n') + 1); // after script's header, which quotes the command
    assertEquals(1, p.exitValue(), "exit 1: the example has findings; terminal: " + log);
    return screen;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
