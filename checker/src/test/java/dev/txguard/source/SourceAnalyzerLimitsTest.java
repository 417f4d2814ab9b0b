package dev.txguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.txguard.analysis.AnalysisOptions;
import dev.txguard.fuzz.Generators;
import dev.txguard.graph.BuildOptions;
import dev.txguard.protocol.ProtocolRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the analyzer says of files beyond its limits, instead of failing. */
class SourceAnalyzerLimitsTest {
  private static SourceAnalyzer.FileResult analyze(String source, long stackSize) throws InterruptedException {
    AtomicReference<SourceAnalyzer.FileResult> result = new AtomicReference<>();
    Thread t = new Thread(null, () -> result.set(new SourceAnalyzer(ProtocolRegistry.builtin(), BuildOptions.DEFAULT,
        AnalysisOptions.DEFAULT, new CombinedTypeSolver(new ReflectionTypeSolver())).analyze("A.java", source)),
        "analyze", stackSize);
    t.start();
    t.join();
    return result.get();
  }

  private static List<String> problems(SourceAnalyzer.FileResult r) {
    return r.problems().stream().map(p -> p.line() + ": " + p.reason()).toList();
  }

  @Test
  void bracketsNestedBeyondTheLimitAreRefusedBeforeParsing() throws InterruptedException {
    SourceAnalyzer.FileResult r = analyze(Generators.nestedLambdas(NestingDepth.LIMIT + 1).source(), 1 << 20);
    assertEquals(List.of("0: not analysed: brackets nested 1003 deep, beyond the 1000 levels txguard analyses"),
        problems(r));
  }

  /** Regression: the parser's stack overflow was reported as "txguard internal error: java.lang.StackOverflowError". */
  @Test
  void aParserStackOverflowIsAParseProblem() throws InterruptedException {
    // No bracket nesting, but 20,000 levels of the syntax tree: more than a 1 MB stack can parse.
    SourceAnalyzer.FileResult r = analyze(Generators.ifsWithoutBraces(20_000).source(), 1 << 20);
    assertEquals(List.of("0: does not parse: nested too deeply for the parser"), problems(r));
    assertEquals(List.of(), r.findings());
  }

  @Test
  void nestingDepthSkipsCommentsAndLiterals() {
    assertEquals(3, NestingDepth.of("class A { void m() { f(); } }"));
    assertEquals(1, NestingDepth.of("class A { // ((((\n /* {{{{ */ String s = \"((((\"; char c = '('; }"));
    assertEquals(1, NestingDepth.of("class A { String s = \"\"\"\n  ((( \\\"\"\" {{\n  \"\"\"; }"));
    assertEquals(2, NestingDepth.of("}}}} ( ( ) ) ) ) ("), "unbalanced closers are ignored");
    assertEquals(1, NestingDepth.of("( \"unterminated ((\n ) ( "), "a string ends at its line");
  }
}
