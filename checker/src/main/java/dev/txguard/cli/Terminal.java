package dev.txguard.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether a progress bar belongs on this process's output. */
final class Terminal {
  private Terminal() {}

  /**
   * True when stdin and stdout are a terminal. Before JDK 22, {@link System#console()} is null otherwise; from JDK 22
   * on it always returns a console, and only {@code Console.isTerminal()} (absent from our JDK 17 target) tells.
   */
  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked where it exists
  static boolean isInteractive() {
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
