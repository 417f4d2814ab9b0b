package dev.txguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.txguard.analysis.AnalysisOptions;
import dev.txguard.graph.BuildOptions;
import dev.txguard.javac.CaseDiffAccess;
import dev.txguard.javac.Java25Sources;
import dev.txguard.protocol.ProtocolRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Java 22-25 cases through the source audit: its findings are exactly the markers (on any JDK: the audit parses
 * Java 25 without javac), and on JDK 25 the differential against Error Prone ({@link FrontEndParityTest}'s comparison,
 * with the line each transaction began on).
 */
class Java25ParityTest {
  /** Without a classpath: JDBC and the module import resolve from the JDK alone. */
  private static Set<String> auditFindings(List<Path> files, boolean withBegin) throws IOException {
    Set<String> out = new TreeSet<>();
    SourceAnalyzer analyzer = new SourceAnalyzer(ProtocolRegistry.builtin(), BuildOptions.DEFAULT,
        AnalysisOptions.DEFAULT, new CombinedTypeSolver(new ReflectionTypeSolver()));
    for (Path f : files) {
      SourceAnalyzer.FileResult r = analyzer.analyze(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
      assertEquals(List.of(), r.problems(), f.toString());
      for (SourceAnalyzer.SourceFinding sf : r.findings()) {
        out.add(f.getFileName() + ":" + sf.finding().at().line() + " [" + sf.finding().rule().checkName() + "]"
            + (withBegin ? " begun " + sf.finding().begin().line() : ""));
        assertTrue(!sf.matchedByName(), "resolved, not matched by name: " + sf);
      }
    }
    return out;
  }

  @Test
  void theAuditFindsExactlyTheMarkedLeaks() throws IOException {
    List<Path> files = Java25Sources.files();
    assertEquals(4, files.size(), files.toString());
    for (Path f : files) {
      assertEquals(CaseDiffAccess.markers(f), auditFindings(List.of(f), false), f.getFileName().toString());
    }
  }

  @Test
  void bothFrontEndsAgreeOnJava25() throws IOException {
    Java25Sources.assumeJavac25();
    List<Path> files = Java25Sources.files();
    Set<String> javac = CaseDiffAccess.javacFindings(files);
    Set<String> source = auditFindings(files, true);
    List<String> diff = new ArrayList<>();
    javac.stream().filter(s -> !source.contains(s)).forEach(s -> diff.add("only Error Prone: " + s));
    source.stream().filter(s -> !javac.contains(s)).forEach(s -> diff.add("only audit:       " + s));
    assertEquals(List.of(), diff, javac.size() + " findings from Error Prone");
    int marked = 0;
    for (Path f : files) {
      marked += CaseDiffAccess.markers(f).size();
    }
    assertEquals(marked, javac.size(), "Error Prone finds every marked leak: " + javac);
  }
}
