package dev.txguard.protocol;

/** A problem in a user's protocol file, with the file and line it is on. */
public final class ProtocolFileException extends Exception {
  public ProtocolFileException(String file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
  }
}
