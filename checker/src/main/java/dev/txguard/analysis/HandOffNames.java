package dev.txguard.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Decides from a method's name whether passing a handle to it (outside the compilation unit) hands the transaction
 * off: one of the camel-case words of the name says it ends it ({@code closeQuietly}, {@code endTransaction},
 * {@code commitAndClose}), or the configuration lists the name.
 */
public final class HandOffNames {
  private static final Set<String> ENDING_WORDS =
      Set.of("commit", "rollback", "end", "close", "finish", "complete", "abort");

  private static final Pattern LOWER_UPPER = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern UPPER_RUN = Pattern.compile("([A-Z]+)([A-Z][a-z])");
  private static final Pattern BLANKS = Pattern.compile("\\s+");

  private final Set<String> configured;
  /**
   * Answers by name: the analysis asks for every call on every path, and splitting the name each time was a sixth of
   * the audit of a 6,600-line file.
   */
  private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

  public HandOffNames(Set<String> configured) {
    this.configured = Set.copyOf(configured);
  }

  public boolean handsOff(String methodName) {
    return answers.computeIfAbsent(methodName, this::decide);
  }

  private boolean decide(String methodName) {
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
    String spaced = UPPER_RUN.matcher(LOWER_UPPER.matcher(name).replaceAll("$1 $2")).replaceAll("$1 $2").replace('_', ' ');
    // "rollBack" is written both ways; treat "roll back" as one word.
    return BLANKS.split(spaced.toLowerCase(Locale.ROOT).replace("roll back", "rollback").trim());
  }
}
