package dev.txguard.report;

import java.io.IOException;
import java.nio.file.Path;

/** A baseline file that cannot be read or is not a txguard baseline; the message starts with the file name. */
public final class BaselineFileException extends IOException {
  public BaselineFileException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
  }

  public BaselineFileException(Path file, String message) {
    this(file, message, null);
  }
}
