package dev.txguard.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import dev.txguard.module.ModuleIndex;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.source.SourceModuleScan;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both front ends build the module index from the same syntax rules: {@link JavacModuleScan} on javac trees and
 * {@code SourceModuleScan} on JavaParser trees give the same entries for the same sources (every file of
 * {@code testdata/cases} and {@code testdata/modules}), and the index they build narrows JDBC's {@code setAutoCommit(x)} and other argument counts of a
 * begin name the same way.
 */
class ModuleScanParityTest {
  private static final ProtocolRegistry REGISTRY = ProtocolRegistry.builtin();

  @BeforeAll
  static void languageLevel() {
    StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
  }

  private static List<ModuleIndex.Method> javacScan(List<String> sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> files = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      String text = sources.get(i);
      files.add(new SimpleJavaFileObject(URI.create("string:///F" + i + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return text;
        }
      });
    }
    JavacTask task = (JavacTask) compiler.getTask(null, null, d -> { }, List.of("-proc:none"), null, files);
    List<ModuleIndex.Method> out = new ArrayList<>();
    for (CompilationUnitTree cu : task.parse()) {
      JavacModuleScan.scan(cu, out, REGISTRY);
    }
    return out;
  }

  private static List<ModuleIndex.Method> sourceScan(List<String> sources) {
    List<ModuleIndex.Method> out = new ArrayList<>();
    for (String s : sources) {
      SourceModuleScan.scan(StaticJavaParser.parse(s), out, REGISTRY);
    }
    return out;
  }

  /** The index each scan gives for one source: the audit's, then Error Prone's. */
  private static List<ModuleIndex> indexesOf(String source) throws IOException {
    return List.of(ModuleIndex.build(sourceScan(List.of(source)), REGISTRY),
        ModuleIndex.build(javacScan(List.of(source)), REGISTRY));
  }

  private static List<String> sorted(List<ModuleIndex.Method> methods) {
    return methods.stream().map(m -> m.name() + " " + new java.util.TreeSet<>(m.calls()) + " unq="
        + new java.util.TreeSet<>(m.unqualifiedCalls()) + " stores=" + m.storesParameter() + " parameters="
        + m.parameters() + " api=" + m.apiFile()).sorted().toList();
  }

  @Test
  void bothScansAgreeOnEveryTestdataFile() throws IOException {
    List<String> sources = new ArrayList<>(List.of(POOL, HOME_GROWN, XA));
    for (String dir : List.of("cases", "modules")) {
      try (Stream<Path> s = Files.walk(Path.of("..", "testdata", dir))) {
        for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          sources.add(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    assertTrue(sources.size() > 50, "testdata found: " + sources.size());
    List<String> audit = sorted(sourceScan(sources));
    List<String> javac = sorted(javacScan(sources));
    List<String> onlyAudit = new ArrayList<>(audit);
    javac.forEach(onlyAudit::remove);
    List<String> onlyJavac = new ArrayList<>(javac);
    audit.forEach(onlyJavac::remove);
    assertEquals(List.of(), onlyAudit, "entries only the audit's scan gives (javac's instead: " + onlyJavac + ")");
    assertEquals(List.of(), onlyJavac, "entries only the javac scan gives");
  }

  private static final String POOL = """
      import java.sql.Connection;
      class Pool {
        private boolean defaultAutoCommit = true;
        private static final boolean MANUAL = false;
        void passivate(Connection c, boolean original) throws Exception {
          c.setAutoCommit(original); c.setAutoCommit(true); c.setAutoCommit(Boolean.TRUE);
          c.setAutoCommit(defaultAutoCommit); c.setAutoCommit(this.defaultAutoCommit); c.setAutoCommit(c.getAutoCommit());
          boolean was = c.getAutoCommit(); c.setAutoCommit(was);
          final Boolean preferred = c.getAutoCommit(); c.setAutoCommit(preferred);
        }
        void literal(Connection c) throws Exception { c.setAutoCommit(false); }
        void constant(Connection c) throws Exception { c.setAutoCommit(MANUAL); }
        void finalLocal(Connection c) throws Exception { final boolean off = false; c.setAutoCommit(off); }
        void boxed(Connection c) throws Exception { c.setAutoCommit(Boolean.FALSE); }
        void callsPassivate(Connection c) throws Exception { passivate(c, true); }
        Object holder = new Object() { boolean hidden = true; };
        void anonymousClassField(Connection c) throws Exception { c.setAutoCommit(hidden); }
      }
      """;
  private static final String HOME_GROWN = """
      import org.hibernate.Session;
      class Store {
        void commit() {} void rollback() {}
        Object getTransaction() { return null; }
        void describe() { getTransaction(); }
        void spring(org.springframework.transaction.PlatformTransactionManager m) { m.getTransaction(null); }
      }
      """;

  @Test
  void autoCommitArgumentsThatCannotBeFalseBeginNothingInEitherIndex() throws IOException {
    for (ModuleIndex i : indexesOf(POOL)) {
      assertFalse(i.mayBegin("passivate"), "parameter, literal true, non-final field, call, non-final local, final local set by a call");
      assertFalse(i.mayBegin("callsPassivate"));
      assertTrue(i.mayBegin("literal"));
      assertTrue(i.mayBegin("constant"), "a static final constant may be false (javac reads its value)");
      assertTrue(i.mayBegin("finalLocal"));
      assertTrue(i.mayBegin("boxed"));
      assertTrue(i.mayBegin("anonymousClassField"), "an anonymous class's field is not looked at: it may be anything");
    }
  }

  private static final String XA = """
      import java.sql.Connection;
      class Xa { Connection c;
        void start(Object xid, int flags) throws Exception { c.setAutoCommit(false); }
        void open(String... options) throws Exception { c.setAutoCommit(false); }
      }
      class DataSource { void start() {} void restart() { start(); } }
      """;

  @Test
  void moduleMethodsThatMayBeginAreKnownByParameterCount() throws IOException {
    for (ModuleIndex i : indexesOf(XA)) {
      assertTrue(i.mayBegin("start"), "by name, as units are selected");
      assertTrue(i.mayBegin("start", 2));
      assertFalse(i.mayBegin("start", 0), "the data source's start() is not the XA resource's start(xid, flags)");
      assertTrue(i.mayBegin("open", 0), "variable arity: any count");
      assertTrue(i.mayBegin("open", 3));
    }
  }

  @Test
  void aBeginNameWithAnotherArgumentCountBeginsNothing() throws IOException {
    for (ModuleIndex i : indexesOf(HOME_GROWN)) {
      assertFalse(i.mayBegin("describe"), "no-arg getTransaction() is Hibernate's accessor, not Spring's begin");
      assertTrue(i.mayBegin("spring"));
      assertFalse(i.selects("getTransaction/0"));
      assertTrue(i.selects("getTransaction"));
    }
  }
}
