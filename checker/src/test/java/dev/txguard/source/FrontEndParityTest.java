package dev.txguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.txguard.analysis.AnalysisOptions;
import dev.txguard.graph.BuildOptions;
import dev.txguard.javac.CaseDiffAccess;
import dev.txguard.protocol.ProtocolRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The differential test: the Error Prone checks and the source audit's front end over every Java file of
 * {@code testdata/} must give the same findings (rule, file, line, begin line). Any difference fails the build.
 */
class FrontEndParityTest {
  static List<Path> testdataFiles() throws IOException {
    Path root = Path.of(System.getProperty("txguard.testdata", "../testdata")).resolve("cases");
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  static Set<String> sourceFindings(List<Path> files, CombinedTypeSolver solver) throws IOException {
    Set<String> out = new TreeSet<>();
    SourceAnalyzer analyzer = new SourceAnalyzer(ProtocolRegistry.builtin(), BuildOptions.DEFAULT,
        AnalysisOptions.DEFAULT, solver);
    for (Path f : files) {
      SourceAnalyzer.FileResult r = analyzer.analyze(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
      for (SourceAnalyzer.SourceFinding sf : r.findings()) {
        out.add(f.getFileName() + ":" + sf.finding().at().line() + " [" + sf.finding().rule().checkName() + "] begun "
            + sf.finding().begin().line());
      }
    }
    return out;
  }

  static CombinedTypeSolver withClasspath() throws IOException {
    CombinedTypeSolver ts = new CombinedTypeSolver(new ReflectionTypeSolver());
    for (String entry : CaseDiffAccess.classpath().split(java.io.File.pathSeparator, -1)) {
      if (entry.endsWith(".jar") && !entry.contains("error_prone") && !entry.contains("junit")) {
        ts.add(new JarTypeSolver(Path.of(entry)));
      }
    }
    return ts;
  }

  @Test
  void bothFrontEndsAgreeOnTestdata() throws IOException {
    List<Path> files = testdataFiles();
    Set<String> javac = CaseDiffAccess.javacFindings(files);
    Set<String> source = sourceFindings(files, withClasspath());
    Set<String> onlyJavac = new TreeSet<>(javac);
    onlyJavac.removeAll(source);
    Set<String> onlySource = new TreeSet<>(source);
    onlySource.removeAll(javac);
    List<String> diff = new ArrayList<>();
    onlyJavac.forEach(s -> diff.add("only Error Prone: " + s));
    onlySource.forEach(s -> diff.add("only audit:       " + s));
    assertEquals(List.of(), diff, javac.size() + " findings from Error Prone");
    org.junit.jupiter.api.Assertions.assertTrue(javac.size() > 200, "the test data has findings: " + javac.size());
  }

  /**
   * Without the API jars the audit matches by declared type names and imports. It must still agree with Error Prone
   * on nearly every finding; the figure is printed for docs/audit.md.
   */
  @Test
  void withoutClasspathTheAuditStillAgrees() throws IOException {
    List<Path> files = testdataFiles();
    Set<String> javac = CaseDiffAccess.javacFindings(files);
    Set<String> source = sourceFindings(files, new CombinedTypeSolver(new ReflectionTypeSolver()));
    Set<String> both = new TreeSet<>(javac);
    both.retainAll(source);
    Set<String> union = new TreeSet<>(javac);
    union.addAll(source);
    double agreement = (double) both.size() / union.size();
    Set<String> onlyJavac = new TreeSet<>(javac);
    onlyJavac.removeAll(source);
    Set<String> onlySource = new TreeSet<>(source);
    onlySource.removeAll(javac);
    System.out.printf("no-classpath agreement: %d of %d findings (%.1f%%)%n", both.size(), union.size(), 100 * agreement);
    onlyJavac.forEach(s -> System.out.println("  only Error Prone: " + s));
    onlySource.forEach(s -> System.out.println("  only audit:       " + s));
    org.junit.jupiter.api.Assertions.assertTrue(agreement >= 0.95, "agreement " + agreement);
    // Settled detail 15: without a classpath the audit may differ from Error Prone only toward fewer findings.
    assertEquals(Set.of(), onlySource, "findings only the audit without a classpath gives");
  }
}
