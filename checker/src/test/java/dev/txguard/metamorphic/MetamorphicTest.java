package dev.txguard.metamorphic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Metamorphic tests over the JDK's own sources (docs/testing.md, "Metamorphic tests over the JDK's sources"): every
 * unit rewritten to begin a home-grown transaction at entry and end it before each normal exit must give no
 * normal-exit report; with the end before one exit per unit removed, exactly those exits must be reported.
 *
 * <p>By default a fast slice runs (every 6th file of java.util, java.util.concurrent, java.lang and java.io; the
 * main variant on all of it, the other variants on every 4th of those). {@code -Dtxguard.metamorphic=full} runs the
 * main variant over all of java.base and java.sql, the others over every 4th file of those. Skipped only when no JDK
 * src.zip is on the machine.
 */
class MetamorphicTest {
  private static final boolean FULL = "full".equals(System.getProperty("txguard.metamorphic"));
  private static final int STRIDE = Integer.getInteger("txguard.metamorphic.stride", 6);
  private static final Path WORK = Path.of(System.getProperty("txguard.metamorphic.work", "target/metamorphic"));
  private static final int THREADS = Integer.getInteger("txguard.metamorphic.threads", 2);
  /** Files per audit: bounds the source solver's caches (see MetamorphicRun#inChunksOf). */
  private static final int CHUNK = Integer.getInteger("txguard.metamorphic.chunk", 200);

  private static Map<String, String> sources;
  private static Map<String, String> subSlice;
  private static List<Path> classpath;

  @BeforeAll
  static void readSources() throws IOException {
    Path zip = JdkSources.zip();
    assumeTrue(zip != null, "needs a JDK's sources, lib/src.zip (apt-get install openjdk-17-source), and found"
        + " none at " + JdkSources.CANDIDATES);
    sources = FULL
        ? JdkSources.read(zip, List.of("java.base", "java.sql"), n -> true)
        : JdkSources.read(zip, List.of("java.base"), JdkSources.fastSlice(STRIDE));
    int[] i = {0};
    subSlice = sources.entrySet().stream().filter(e -> i[0]++ % 4 == 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, java.util.LinkedHashMap::new));
    Files.createDirectories(WORK);
    List<String> modules = FULL ? List.of("java.base", "java.sql") : List.of("java.base");
    Path context = JdkSources.context(zip, modules, WORK.resolve("jdk-context"));
    classpath = modules.stream().map(context::resolve).toList();
    System.out.println("metamorphic: " + (FULL ? "full run" : "fast slice") + " from " + zip + ": " + sources.size()
        + " files");
  }

  @Test
  void mainVariant() throws IOException {
    check(Variant.MAIN, MetamorphicRun.Engine.AUDIT, sources);
  }

  @Test
  void receiverBeginQualifiedTypeRollback() throws IOException {
    check(Variant.RECEIVER_QUALIFIED_ROLLBACK, MetamorphicRun.Engine.AUDIT, subSlice);
  }

  @Test
  void varFactoryMixedEnds() throws IOException {
    check(Variant.VAR_MIXED, MetamorphicRun.Engine.AUDIT, subSlice);
  }

  /** The type declared in each file and a solver that resolves nothing: the audit's name-based path. */
  @Test
  void sameFileTypeByNamesOnly() throws IOException {
    check(Variant.SAME_FILE, MetamorphicRun.Engine.NAMES_ONLY, subSlice);
  }

  /** One begin and a finally that ends: neither rule may report anything, exceptions included. */
  @Test
  void tryFinallyReportsNothing() throws IOException {
    MetamorphicRun.Figures f = check(Variant.TRY_FINALLY, MetamorphicRun.Engine.AUDIT, subSlice);
    assertEquals(List.of(), first(f.exceptionReportsA.stream().map(MetamorphicTest::describe).toList()),
        f.exceptionReportsA.size() + " exception-rule reports with the end in a finally");
  }

  /** Commit before every exit inside try/finally with an isActive() guarded rollback: nothing to report either. */
  @Test
  void guardedFinallyReportsNothing() throws IOException {
    MetamorphicRun.Figures f = check(Variant.GUARDED_FINALLY, MetamorphicRun.Engine.AUDIT, subSlice);
    assertEquals(List.of(), first(f.exceptionReportsA.stream().map(MetamorphicTest::describe).toList()),
        f.exceptionReportsA.size() + " exception-rule reports with a guarded rollback in a finally");
  }

  private static MetamorphicRun.Figures check(Variant v, MetamorphicRun.Engine engine, Map<String, String> files)
      throws IOException {
    MetamorphicRun.Figures f = new MetamorphicRun(v, engine, WORK.resolve(v.name()), THREADS, classpath, false)
        .inChunksOf(CHUNK).run(files);
    String summary = f.summary();
    System.out.println("metamorphic " + summary);
    Files.writeString(WORK.resolve("figures.txt"), (FULL ? "full " : "fast ") + summary + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    assertTrue(f.units() > (FULL ? 10_000 : 300), "rewrote " + f.units() + " units");
    assertEquals(List.of(), first(f.falseReportsA.stream().map(MetamorphicTest::describe).toList()),
        f.falseReportsA.size() + " false reports in part A");
    assertEquals(List.of(), first(problems(f.problemsA)), "units part A could not analyse");
    if (v.shape() == Variant.Shape.ENDS_BEFORE_EXITS) {
      assertTrue(f.removed > (FULL ? 10_000 : 300), "removed " + f.removed + " ends");
      assertEquals(List.of(), first(f.missedB), f.missedB.size() + " removed ends not reported in part B");
      assertEquals(List.of(), first(f.extraB.stream().map(MetamorphicTest::describe).toList()),
          f.extraB.size() + " reports in part B at exits that kept their end");
      assertEquals(List.of(), first(problems(f.problemsB)), "units part B could not analyse");
    }
    return f;
  }

  private static String describe(MetamorphicRun.Report r) {
    return r.where() + " " + r.unit() + ": " + r.message();
  }

  private static List<String> problems(List<dev.txguard.report.Problem> ps) {
    return ps.stream().map(p -> p.path() + ":" + p.line() + " " + p.reason()).toList();
  }

  /** At most 40 entries: enough to diagnose, short enough to read. */
  private static List<String> first(List<String> all) {
    return new ArrayList<>(all.subList(0, Math.min(40, all.size())));
  }
}
