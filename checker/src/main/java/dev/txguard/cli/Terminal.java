package dev.txguard.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether stderr, where progress goes, is a terminal. Java has no isatty: {@link System#console()} asks about stdin and
 * stdout, so a report redirected to a file ({@code > report.txt}) would hide the progress though stderr still shows
 * on the terminal. Linux names the terminal behind file descriptor 2 in /proc; elsewhere {@code test -t 2} is asked,
 * in a child process that inherits this one's stderr.
 */
final class Terminal {
  private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

  private Terminal() {}

  static boolean stderrIsTerminal() {
    if (Files.isSymbolicLink(STDERR_LINK)) {
      try {
        return isTerminalDevice(Files.readSymbolicLink(STDERR_LINK).toString());
      } catch (IOException | SecurityException e) {
        return false;
      }
    }
    if (!System.getProperty("os.name", "").startsWith("Windows")) {
      return testTerminal();
    }
    return consoleIsTerminal();
  }

  /** Pseudo-terminals (terminal emulators, ssh, tmux) and virtual consoles; not /dev/null, pipes or files. */
  static boolean isTerminalDevice(String device) {
    return device.matches("/dev/(pts/[0-9]+|tty[A-Za-z0-9]*|console)");
  }

  private static boolean testTerminal() {
    try {
      Process p = new ProcessBuilder("test", "-t", "2")
          .redirectInput(ProcessBuilder.Redirect.INHERIT)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Windows: whether stdin and stdout are a console, the best the JDK tells. Before JDK 22, {@link System#console()}
   * is null otherwise; from JDK 22 on it always returns a console, and only {@code Console.isTerminal()} (absent from
   * our JDK 17 target) tells.
   */
  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked where it exists
  private static boolean consoleIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
