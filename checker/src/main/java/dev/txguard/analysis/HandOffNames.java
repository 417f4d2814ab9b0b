package dev.txguard.analysis;

import java.util.Locale;
import java.util.Set;

/**
 * What a method without a body does to the handles and objects passed to it, from its name: the configuration lists
 * it (a hand-off), or one of the camel-case words of the name says it ends them ({@code rollbackQuietly},
 * {@code endTransaction}, {@code commitAndClose}) or only closes them ({@code closeQuietly},
 * {@code releaseConnection}); semantics, settled detail 7.
 */
public final class HandOffNames {
  /** Words that say a method ends the transaction of what it is given (semantics, settled detail 7). */
  private static final Set<String> END_WORDS = Set.of("commit", "rollback", "end", "abort", "finish", "complete");
  /** Words that say a method closes what it is given: the effect of that object's own {@code close()}. */
  private static final Set<String> CLOSE_WORDS = Set.of("close", "release");

  private final Set<String> configured;

  public HandOffNames(Set<String> configured) {
    this.configured = Set.copyOf(configured);
  }

  /** Whether the configuration names this method as one that takes a handle and ends it (a hand-off). */
  public boolean configured(String methodName) {
    return configured.contains(methodName);
  }

  /**
   * Whether a method without a body ends the transaction of the objects passed to it, by its name: one of its
   * camel-case words says commit, rollback, end, abort, finish or complete ({@code rollbackQuietly},
   * {@code endTransaction}).
   */
  public boolean endsByName(String methodName) {
    for (String word : camelWords(methodName)) {
      if (END_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a method without a body closes the objects passed to it: its words say close or release only. */
  public boolean closesByName(String methodName) {
    if (endsByName(methodName)) {
      return false;
    }
    for (String word : camelWords(methodName)) {
      if (CLOSE_WORDS.contains(word)) {
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
