package dev.txguard.module;

import dev.txguard.analysis.HandOffNames;
import dev.txguard.protocol.ProtocolRegistry;
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
  /** One method body of the module, as a front end's syntax scan sees it. */
  public record Method(String name, Set<String> calls, boolean storesParameter) {
    public Method {
      calls = Set.copyOf(calls);
    }
  }

  /** An index that knows no module method: every front end's behaviour before module-wide summaries. */
  public static final ModuleIndex EMPTY = new ModuleIndex(Set.of(), Set.of());

  private final Set<String> beginNames;
  private final Set<String> relevantNames;

  private ModuleIndex(Set<String> beginNames, Set<String> relevantNames) {
    this.beginNames = Set.copyOf(beginNames);
    this.relevantNames = Set.copyOf(relevantNames);
  }

  /** The fixed point over the module's call graph by name. */
  public static ModuleIndex build(Collection<Method> methods, ProtocolRegistry registry) {
    Set<String> begin = new HashSet<>();
    Set<String> relevant = new HashSet<>();
    Map<String, List<Method>> byName = new HashMap<>();
    for (Method m : methods) {
      byName.computeIfAbsent(m.name(), k -> new java.util.ArrayList<>()).add(m);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Method m : methods) {
        if (!begin.contains(m.name()) && m.calls().stream().anyMatch(n -> registry.mayBegin(n) || begin.contains(n))) {
          begin.add(m.name());
          changed = true;
        }
        if (!relevant.contains(m.name()) && (m.storesParameter()
            || m.calls().stream().anyMatch(n -> mattersByItself(n, registry) || relevant.contains(n)))) {
          relevant.add(m.name());
          changed = true;
        }
      }
    }
    return new ModuleIndex(begin, relevant);
  }

  /** A call name that plays a role without any module body: the protocol table, factories, ending or closing words. */
  private static boolean mattersByItself(String name, ProtocolRegistry registry) {
    return registry.mayMatter(name) || registry.mayBeFactory(name) || registry.handOffMethods().contains(name)
        || NAMES.endsByName(name) || NAMES.closesByName(name);
  }

  private static final HandOffNames NAMES = new HandOffNames(Set.of());

  /** Whether a call of this name may begin a transaction through a module method. */
  public boolean mayBegin(String methodName) {
    return beginNames.contains(methodName);
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
