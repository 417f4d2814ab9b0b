package dev.txguard.module;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.txguard.analysis.ModuleSummaries;
import dev.txguard.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The index's level-by-level build (each level visits only the callers of the names the level before added) gives
 * exactly what the definition gives: at each level, every method re-judged against all names found so far. Random
 * call graphs over a small name pool, so that chains longer than {@link ModuleSummaries#DEPTH}, cycles, overloads and
 * names both declared and called occur.
 */
class ModuleIndexLevelsTest {
  private static final ProtocolRegistry REGISTRY = ProtocolRegistry.builtin();
  private static final List<String> DECLARED = List.of("a", "b", "c", "d", "e", "f", "g", "h", "commit", "rollback",
      "close", "save");
  private static final List<String> CALLED_ONLY = List.of("begin", "begin/1", "setAutoCommit", "setAutoCommit/1",
      "getTransaction", "commit", "persist", "size", "closeQuietly");

  @Test
  void levelsMatchTheDefinitionOnRandomModules() {
    for (long seed = 0; seed < 400; seed++) {
      Random r = new Random(seed);
      List<ModuleIndex.Method> methods = randomModule(r);
      ModuleIndex built = ModuleIndex.build(methods, REGISTRY);
      Reference ref = new Reference(methods);
      for (String name : DECLARED) {
        assertEquals(ref.mayMatter(name), built.mayMatter(name), "seed " + seed + ": mayMatter " + name);
        for (int args = 0; args <= 3; args++) {
          assertEquals(ref.mayBegin(name, args), built.mayBegin(name, args),
              "seed " + seed + ": mayBegin " + name + "/" + args);
          for (int depth = 1; depth <= ModuleSummaries.DEPTH; depth++) {
            assertEquals(ref.mayBegin(name, args) && ref.levels.get(name) <= depth, built.mayBegin(name, args, depth),
                "seed " + seed + ": mayBegin " + name + "/" + args + " within " + depth);
          }
        }
      }
    }
  }

  private static List<ModuleIndex.Method> randomModule(Random r) {
    List<ModuleIndex.Method> methods = new ArrayList<>();
    int n = 3 + r.nextInt(14);
    for (int i = 0; i < n; i++) {
      Set<String> calls = new HashSet<>();
      Set<String> unqualified = new HashSet<>();
      int k = r.nextInt(4);
      for (int j = 0; j < k; j++) {
        List<String> pool = r.nextInt(3) == 0 ? CALLED_ONLY : DECLARED;
        String c = pool.get(r.nextInt(pool.size()));
        calls.add(c);
        if (r.nextInt(4) == 0) {
          unqualified.add(c);
        }
      }
      int parameters = r.nextInt(5) - 1; // -1 is VARARGS
      methods.add(new ModuleIndex.Method(DECLARED.get(r.nextInt(DECLARED.size())), calls, unqualified,
          r.nextInt(6) == 0, parameters, r.nextBoolean()));
    }
    return methods;
  }

  /** The definition, written the slow way: every level re-judges every method against everything found so far. */
  private static final class Reference {
    final Map<String, Set<Integer>> begin = new HashMap<>();
    /** The first level at which a method of the name may begin: 1 by itself, k+1 through a name of level k. */
    final Map<String, Integer> levels = new HashMap<>();
    final Set<String> relevant = new HashSet<>();

    Reference(List<ModuleIndex.Method> methods) {
      boolean homeGrown = ModuleIndex.declares(methods, "commit") && ModuleIndex.declares(methods, "rollback");
      for (int level = 1; level <= ModuleSummaries.DEPTH; level++) {
        Set<String> beginBelow = Set.copyOf(begin.keySet());
        Set<String> relevantBelow = Set.copyOf(relevant);
        for (ModuleIndex.Method m : methods) {
          boolean mayBegin = false;
          boolean matters = m.storesParameter();
          for (String c : m.calls()) {
            String base = ModuleIndex.base(c);
            mayBegin |= beginBelow.contains(base) || (REGISTRY.mayBegin(c)
                && (homeGrown || (m.apiFile() && !m.unqualifiedCalls().contains(c))));
            matters |= ModuleIndex.mattersByItself(base, REGISTRY) || relevantBelow.contains(base);
          }
          if (mayBegin) {
            begin.computeIfAbsent(m.name(), x -> new HashSet<>()).add(m.parameters());
            levels.putIfAbsent(m.name(), level);
          }
          if (matters) {
            relevant.add(m.name());
          }
        }
      }
    }

    boolean mayBegin(String name, int args) {
      Set<Integer> a = begin.get(name);
      return a != null && (a.contains(args) || a.contains(ModuleIndex.Method.VARARGS));
    }

    boolean mayMatter(String name) {
      return relevant.contains(name);
    }
  }
}
