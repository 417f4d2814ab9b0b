package dev.txguard.module;

import dev.txguard.analysis.HandOffNames;
import dev.txguard.analysis.ModuleSummaries;
import dev.txguard.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every front end knows about the module before it analyses anything: for each method name declared in the
 * module's sources, whether a method of that name may begin a transaction (directly or through other module methods)
 * and whether it may matter to a caller at all (a begin, end, query, close or factory call, a stored parameter). Built
 * from syntax alone (simple names, no types), so both front ends build the same index from the same sources.
 *
 * <p>It is a filter, never a verdict: a unit is analysed when it calls a name that may begin; a method of another file
 * gets a summary only when its name may matter (semantics: "The module"). Over-approximating costs time only.
 */
public final class ModuleIndex {
  /**
   * One method body of the module, as a front end's syntax scan sees it: its name, the names it calls (those called
   * without a receiver also in {@code unqualifiedCalls}), whether it stores a parameter, how many it takes
   * ({@code parameters}; {@link #VARARGS} when the last is a variable-arity one).
   */
  public record Method(String name, Set<String> calls, Set<String> unqualifiedCalls, boolean storesParameter,
      int parameters, boolean apiFile) {
    /** The parameter count of a variable-arity method: it may be called with any number of arguments. */
    public static final int VARARGS = -1;

    public Method {
      calls = Set.copyOf(calls);
      unqualifiedCalls = Set.copyOf(unqualifiedCalls);
    }
  }

  private final ProtocolRegistry registry;
  /** Names of methods that may begin, with the parameter counts of those that may ({@link Method#VARARGS}: any). */
  private final Map<String, Set<Integer>> beginNames;
  /** The level at which each begin name was reached: 1 for a method that begins itself, k+1 for a caller of level k. */
  private final Map<String, Integer> beginLevels;
  private final Set<String> relevantNames;

  private ModuleIndex(ProtocolRegistry registry, Map<String, Set<Integer>> beginNames, Map<String, Integer> beginLevels,
      Set<String> relevantNames) {
    this.registry = registry;
    this.beginNames = Map.copyOf(beginNames);
    this.beginLevels = Map.copyOf(beginLevels);
    this.relevantNames = Set.copyOf(relevantNames);
  }

  /** The module's call graph by name, followed as deep as summaries are ({@link ModuleSummaries#DEPTH} levels). */
  public static ModuleIndex build(Collection<Method> methods, ProtocolRegistry registry) {
    Map<String, Set<Integer>> begin = new HashMap<>();
    Map<String, Integer> levels = new HashMap<>();
    Set<String> relevant = new HashSet<>();
    // A call of a begin name without a receiver (`begin();`) is a begin only on a type of the module that declares
    // commit() and rollback() (the zero-config rule): java.nio's channels call an inherited begin() on every read.
    // A file that imports no transaction API begins only through home-grown types: java.util.stream's Sink.begin(long)
    // and java.nio's begin() are no transactions (the scans record `begin` with arguments as `begin/N`).
    boolean homeGrown = declares(methods, "commit") && declares(methods, "rollback");
    // What a call name means by itself, computed once per distinct name; and who calls each name (by its base), so
    // that each level below looks only at the callers of the names the level before added.
    Map<String, String> bases = new HashMap<>();
    Map<String, Boolean> registryBegins = new HashMap<>();
    Map<String, Boolean> matters = new HashMap<>();
    Map<String, List<Method>> callers = new HashMap<>();
    List<Method> beginFrontier = new ArrayList<>();
    List<Method> relevantFrontier = new ArrayList<>();
    for (Method m : methods) {
      boolean direct = false;
      boolean byItself = m.storesParameter();
      for (String n : m.calls()) {
        String b = bases.computeIfAbsent(n, ModuleIndex::base);
        callers.computeIfAbsent(b, k -> new ArrayList<>()).add(m);
        direct |= registryBegins.computeIfAbsent(n, registry::mayBegin)
            && (homeGrown || (m.apiFile() && !m.unqualifiedCalls().contains(n)));
        byItself |= matters.computeIfAbsent(b, k -> mattersByItself(k, registry));
      }
      if (direct) {
        beginFrontier.add(m);
      }
      if (byItself) {
        relevantFrontier.add(m);
      }
    }
    // Level by level, as deep as summaries see (ModuleSummaries.DEPTH): a name first reached at a deeper level could
    // only matter through a chain of wrappers that no summary follows. Without the bound, common names (jOOQ's
    // `$alias`, `execute`) carried "may begin" through 4,250 of jOOQ's method names. Level 1 holds the methods that
    // begin (or matter) by themselves; level k+1 the callers of a name level k added.
    for (int level = 1; level <= ModuleSummaries.DEPTH; level++) {
      Set<String> newBegin = new HashSet<>();
      for (Method m : beginFrontier) {
        if (!begin.containsKey(m.name())) {
          newBegin.add(m.name());
          levels.put(m.name(), level);
        }
        begin.computeIfAbsent(m.name(), k -> new HashSet<>()).add(m.parameters());
      }
      Set<String> newRelevant = new HashSet<>();
      for (Method m : relevantFrontier) {
        if (relevant.add(m.name())) {
          newRelevant.add(m.name());
        }
      }
      beginFrontier = callersOf(newBegin, callers);
      relevantFrontier = callersOf(newRelevant, callers);
    }
    return new ModuleIndex(registry, begin, levels, relevant);
  }

  private static List<Method> callersOf(Set<String> names, Map<String, List<Method>> callers) {
    List<Method> out = new ArrayList<>();
    for (String n : names) {
      out.addAll(callers.getOrDefault(n, List.of()));
    }
    return out;
  }

  /** Packages of the built-in APIs: a file importing from one may begin through them. */
  private static final List<String> API_PACKAGES = List.of("jakarta.persistence", "javax.persistence", "org.hibernate",
      "jakarta.transaction", "javax.transaction", "java.sql", "javax.sql", "org.springframework", "org.apache.ibatis",
      "org.mybatis", "org.jdbi", "redis.clients", "com.mongodb", "org.neo4j", "io.ebean");

  /** Whether an import names a built-in API's package (or a configured protocol's type). */
  public static boolean isApiImport(String imported, ProtocolRegistry registry) {
    for (String p : API_PACKAGES) {
      if (imported.equals(p) || imported.startsWith(p + ".")) {
        return true;
      }
    }
    return registry.isKnownTypeName(imported);
  }

  /**
   * How every front end records a call for the index and for selecting units: by its simple name, or as
   * {@code name/N} ({@code N} its argument count) when a call of a protocol begin's name cannot begin through the
   * protocol table: another argument count ({@code Sink.begin(long)}, Hibernate's no-arg {@code getTransaction()}
   * beside Spring's one-arg begin), or {@code setAutoCommit(x)} whose argument cannot be the constant {@code false}
   * ({@code flagMayBeFalse}, the caller's judgement of the first argument, asked only of a begin name). A module
   * method of that name is still looked up by the name alone. (Here, not in a scan: the Error Prone front end must
   * not load JavaParser.)
   */
  public static String callName(ProtocolRegistry registry, String name, int arguments,
      java.util.function.BooleanSupplier flagMayBeFalse) {
    return registry.mayBegin(name) && !registry.mayBegin(name, arguments, flagMayBeFalse.getAsBoolean())
        ? name + "/" + arguments : name;
  }

  /** {@code begin/2} -> begin: a module method of that name may still be called so. */
  static String base(String call) {
    int slash = call.indexOf('/');
    return slash < 0 ? call : call.substring(0, slash);
  }

  static boolean declares(Collection<Method> methods, String name) {
    return methods.stream().anyMatch(m -> m.parameters() == 0 && m.name().equals(name));
  }

  /** A call name that plays a role without any module body: the protocol table, factories, ending or closing words. */
  static boolean mattersByItself(String name, ProtocolRegistry registry) {
    return registry.mayMatter(name) || registry.mayBeFactory(name) || registry.handOffMethods().contains(name)
        || NAMES.endsByName(name) || NAMES.closesByName(name);
  }

  private static final HandOffNames NAMES = new HandOffNames(Set.of());

  /**
   * Whether a unit that calls this name is analysed: a begin name of the registry, or a module method's name that may
   * begin. The one selection rule of every front end (and of the audit's skipping of files).
   */
  public boolean selects(String calledName) {
    return registry.mayBegin(calledName) || beginNames.containsKey(base(calledName));
  }

  /** Whether a call of this name may begin a transaction through a module method. */
  public boolean mayBegin(String methodName) {
    return beginNames.containsKey(methodName);
  }

  /**
   * Whether a call of this name with this many arguments may begin a transaction through a module method: one of
   * that name and parameter count (or of variable arity) may. A call {@code start()} of a data source is not the
   * {@code start(xid, flags)} of an XA resource that begins.
   */
  public boolean mayBegin(String methodName, int arguments) {
    Set<Integer> arities = beginNames.get(methodName);
    return arities != null && (arities.contains(arguments) || arities.contains(Method.VARARGS));
  }

  /**
   * Whether a call of this name and argument count may begin through a module method whose summary is taken at
   * {@code depth} (1: only its own begins count; {@link ModuleSummaries#DEPTH} for a unit's callee): a method of that
   * name begins within {@code depth} calls.
   */
  public boolean mayBegin(String methodName, int arguments, int depth) {
    return mayBegin(methodName, arguments) && beginLevels.get(methodName) <= depth;
  }

  /** Whether a module method of this name may have a summary a caller needs. */
  public boolean mayMatter(String methodName) {
    return relevantNames.contains(methodName);
  }

  @Override
  public String toString() {
    return "ModuleIndex[begin=" + beginNames.size() + ", relevant=" + relevantNames.size() + "]";
  }
}
