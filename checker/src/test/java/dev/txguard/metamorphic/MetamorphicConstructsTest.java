package dev.txguard.metamorphic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The metamorphic rewrite over a small file with every control-flow form (constructs/Constructs.java and the Java 21
 * forms of Constructs21.java), in every variant, with part B removing the end of every exit in turn rather than of
 * one per unit. Fast, and independent of the JDK slice's luck in which forms it contains.
 */
class MetamorphicConstructsTest {
  static final List<String> FILES = List.of("Constructs.java", "Constructs21.java");

  static Map<String, String> constructs(List<String> names) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : names) {
      try (InputStream in = MetamorphicConstructsTest.class.getResourceAsStream("constructs/" + name)) {
        out.put("src/constructs/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  static Stream<Variant> variants() {
    return Stream.of(Variant.MAIN, Variant.RECEIVER_QUALIFIED_ROLLBACK, Variant.VAR_MIXED, Variant.SAME_FILE,
        Variant.NULL_GUARDED, Variant.ACTIVE_GUARDED, Variant.TRY_FINALLY, Variant.GUARDED_FINALLY);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void everyExitOfEveryConstruct(Variant v) throws IOException {
    check(v, MetamorphicRun.Engine.AUDIT);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void everyExitByNamesOnly(Variant v) throws IOException {
    if (v.type() == Variant.TypeRef.SAME_FILE) {
      check(v, MetamorphicRun.Engine.NAMES_ONLY);
    }
  }

  private static void check(Variant v, MetamorphicRun.Engine engine) throws IOException {
    Path work = Path.of("target/metamorphic-constructs").resolve(v.name() + "-" + engine);
    MetamorphicRun.Figures f = new MetamorphicRun(v, engine, work, 1, List.of(), true).run(constructs(FILES));
    System.out.println("metamorphic constructs " + f.summary());
    f.notRemovableWhere.forEach(w -> System.out.println("  not removed: " + w));
    assertEquals(List.of(), f.notParsed);
    assertEquals(Set.of("compact constructor", "constructor", "initializer", "lambda", "method"),
        f.unitsByKind.keySet(), "every kind of unit is rewritten");
    assertEquals(List.of(), f.falseReportsA.stream().map(r -> r.where() + " " + r.unit() + ": " + r.message()).toList());
    assertEquals(List.of(), f.problemsA);
    if (v.shape() != Variant.Shape.ENDS_BEFORE_EXITS) { // a finally ends on every exit: nothing to report at all
      assertEquals(List.of(), f.exceptionReportsA.stream().map(r -> r.where() + " " + r.message()).toList());
      return;
    }
    assertTrue(f.removed > f.returns / 2, "removed " + f.removed + " of " + f.returns + " returns");
    assertEquals(List.of(), f.missedB);
    assertEquals(List.of(), f.extraB.stream().map(r -> r.where() + " " + r.unit() + ": " + r.message()).toList());
    assertEquals(List.of(), f.problemsB);
  }
}
