package dev.txguard.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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

  /**
   * Library methods that run the function they are given before they return and keep nothing of it: iteration, the
   * eager operations of {@code Map}, {@code Optional} and {@code List}, and the operations of a stream (consumed in the
   * same statement in practice). A lambda or anonymous object passed to them hands nothing off (settled detail 9);
   * passed to any other method without a body (an executor, a {@code Thread}, a {@code CompletableFuture}, a listener
   * registry) it escapes.
   */
  private static final Set<String> RUNS_NOW = Set.of(
      "forEach", "forEachOrdered", "forEachRemaining", "removeIf", "replaceAll", "sort",
      "compute", "computeIfAbsent", "computeIfPresent", "merge",
      "ifPresent", "ifPresentOrElse", "orElseGet", "orElseThrow",
      "map", "flatMap", "filter", "peek", "mapToInt", "mapToLong", "mapToDouble", "mapToObj", "mapMulti",
      "takeWhile", "dropWhile", "sorted", "distinct", "anyMatch", "allMatch", "noneMatch", "reduce", "collect",
      "min", "max", "toArray", "requireNonNullElseGet");

  private static final Pattern LOWER_UPPER = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern UPPER_RUN = Pattern.compile("([A-Z]+)([A-Z][a-z])");
  private static final Pattern BLANKS = Pattern.compile("\\s+");

  private final Set<String> configured;
  /**
   * Answers by name: the analysis asks for every call on every path, and splitting the name each time was a sixth of
   * the audit of a 6,600-line file.
   */
  private final Map<String, Boolean> ends = new ConcurrentHashMap<>();
  private final Map<String, Boolean> closes = new ConcurrentHashMap<>();

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
    return ends.computeIfAbsent(methodName, name -> hasWord(name, END_WORDS));
  }

  /** Whether a method without a body closes the objects passed to it: its words say close or release only. */
  public boolean closesByName(String methodName) {
    return closes.computeIfAbsent(methodName, name -> !endsByName(name) && hasWord(name, CLOSE_WORDS));
  }

  /** Whether a method without a body runs a function passed to it before it returns and keeps nothing of it. */
  public boolean runsArgumentNow(String methodName) {
    return RUNS_NOW.contains(methodName);
  }

  private static boolean hasWord(String methodName, Set<String> words) {
    for (String word : camelWords(methodName)) {
      if (words.contains(word)) {
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
