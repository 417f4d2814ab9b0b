package dev.txguard.metamorphic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The metamorphic rewrite through the Error Prone front end: the rewritten Constructs.java (Java 17) compiles with
 * both checks, no normal-exit finding appears, every removed end is reported where expected, and the source audit
 * gives the same findings (rule, line, begin line; line and column for normal exits) on every rewritten version.
 */
class MetamorphicJavacTest {
  static List<Variant> variants() {
    return MetamorphicConstructsTest.variants().map(Variant::withUniqueNames).toList();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void javacAgreesWithTheRewriteAndWithTheAudit(Variant v) throws IOException {
    Map<String, String> files = MetamorphicConstructsTest.constructs(List.of("Constructs.java"));
    Path work = Path.of("target/metamorphic-javac").resolve(v.name());
    MetamorphicRun.Figures javac = new MetamorphicRun(v, MetamorphicRun.Engine.JAVAC, work.resolve("javac"), 1,
        List.of(), true).run(files);
    System.out.println("metamorphic javac " + javac.summary());
    assertEquals(List.of(), javac.problemsA, "the rewrite compiles");
    assertEquals(List.of(), javac.problemsB, "the rewrite without ends compiles");
    assertEquals(List.of(), javac.falseReportsA.stream().map(r -> r.where() + " " + r.message()).toList());
    assertEquals(List.of(), javac.missedB);
    assertEquals(List.of(), javac.extraB.stream().map(r -> r.where() + " " + r.message()).toList());
    if (v.shape() != Variant.Shape.ENDS_BEFORE_EXITS) {
      assertEquals(List.of(), javac.exceptionReportsA.stream().map(r -> r.where() + " " + r.message()).toList());
    }

    MetamorphicRun.Figures audit = new MetamorphicRun(v, MetamorphicRun.Engine.AUDIT, work.resolve("audit"), 1,
        List.of(), true).run(files);
    assertEquals(javac.reports.keySet(), audit.reports.keySet());
    for (String part : javac.reports.keySet()) {
      assertEquals(comparable(javac.reports.get(part)), comparable(audit.reports.get(part)),
          "part " + part + ": Error Prone (expected) and the audit (actual)");
    }
  }

  /** Rule, file, line and begin line as FrontEndParityTest compares them; the column too for normal exits. */
  private static Set<String> comparable(List<MetamorphicRun.Report> reports) {
    Set<String> out = new TreeSet<>();
    for (MetamorphicRun.Report r : reports) {
      boolean normal = r.rule().equals("UncommittedTransaction");
      out.add(r.path() + ":" + r.line() + (normal ? ":" + r.column() : "") + " [" + r.rule() + "] begun " + r.beginLine());
    }
    return out;
  }
}
