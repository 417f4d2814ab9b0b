package dev.txguard.graph;

import java.util.Set;

/**
 * Reads of a value that a {@code ThreadLocal}, a collection or a map keeps (semantics, settled detail 4): the object
 * read is kept by someone else, so a module method that begins on it and returns it does not hand its caller a fresh
 * handle. Both front ends use these names so that they lower the same calls the same way.
 */
public final class KeptReads {
  private KeptReads() {}

  /** The holder types, by qualified name. */
  public static final Set<String> HOLDER_TYPES = Set.of("java.lang.ThreadLocal", "java.util.Collection", "java.util.Map");

  /** Simple names of holder types, for a receiver whose type resolves only by name (the audit without a classpath). */
  public static final Set<String> HOLDER_SIMPLE_NAMES = Set.of("ThreadLocal", "InheritableThreadLocal", "List",
      "ArrayList", "LinkedList", "Set", "HashSet", "TreeSet", "LinkedHashSet", "Map", "HashMap", "TreeMap",
      "LinkedHashMap", "Collection", "Queue", "Deque", "ArrayDeque", "ConcurrentHashMap", "ConcurrentMap", "Stack",
      "Vector");

  /** Methods that return a kept element without removing it ({@code poll()} and {@code remove()} take it out). */
  private static final Set<String> READS = Set.of("get", "getOrDefault", "getFirst", "getLast", "peek", "peekFirst",
      "peekLast", "element", "firstElement", "lastElement", "elementAt", "computeIfAbsent");

  public static boolean isReadName(String methodName) {
    return READS.contains(methodName);
  }

  /** The location that the result of such a read, identified by {@code text} (its spelling and position), aliases. */
  public static Key location(String text) {
    return Key.expr("kept-read:" + text);
  }
}
