package dev.txguard.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A baseline file that cannot be read or is not a txguard baseline. The message is one line in the compiler's form,
 * {@code file:line:column: what is wrong} (line and column where they are known).
 */
public final class BaselineFileException extends IOException {
  public BaselineFileException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
  }

  public BaselineFileException(Path file, String message) {
    this(file, message, null);
  }

  public BaselineFileException(Path file, int line, int column, String message, Throwable cause) {
    super(file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message, cause);
  }
}
