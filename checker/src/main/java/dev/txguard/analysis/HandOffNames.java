package dev.txguard.analysis;

import java.util.Locale;
import java.util.Set;

/**
 * Decides from a method's name whether passing a handle to it (outside the compilation unit) hands the transaction
 * off: one of the camel-case words of the name says it ends it ({@code closeQuietly}, {@code endTransaction},
 * {@code commitAndClose}), or the configuration lists the name.
 */
public final class HandOffNames {
  private static final Set<String> ENDING_WORDS =
      Set.of("commit", "rollback", "end", "close", "finish", "complete", "abort");

  private final Set<String> configured;

  public HandOffNames(Set<String> configured) {
    this.configured = Set.copyOf(configured);
  }

  public boolean handsOff(String methodName) {
    if (configured.contains(methodName)) {
      return true;
    }
    for (String word : camelWords(methodName)) {
      if (ENDING_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** {@code rollbackQuietly} -> rollback, quietly; {@code endTX} -> end, tx; {@code close_all} -> close, all. */
  static String[] camelWords(String name) {
    String spaced =
        name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2").replace('_', ' ');
    // "rollBack" is written both ways; treat "roll back" as one word.
    return spaced.toLowerCase(Locale.ROOT).replace("roll back", "rollback").trim().split("\\s+");
  }
}
