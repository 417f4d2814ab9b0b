package dev.txguard.module;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.source.SourceModuleScan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module index: which names begin through module methods (a filter both front ends build from syntax). */
class ModuleIndexTest {
  private static ModuleIndex index(String... files) {
    List<ModuleIndex.Method> methods = new ArrayList<>();
    for (String f : files) {
      SourceModuleScan.scan(StaticJavaParser.parse(f), methods, ProtocolRegistry.builtin());
    }
    return ModuleIndex.build(methods, ProtocolRegistry.builtin());
  }

  @Test
  void wrappersOfWrappersAcrossFilesBegin() {
    ModuleIndex i = index("""
        import jakarta.persistence.EntityManager;
        class Tx { static void open(EntityManager em) { em.getTransaction().begin(); } }
        """, """
        class Service { void start(Object em) { Tx.open(null); } void run() { start(null); } }
        """);
    assertTrue(i.mayBegin("open"));
    assertTrue(i.mayBegin("start"));
    assertTrue(i.mayBegin("run"));
  }

  @Test
  void beginsOfNoTransactionApiDoNotSpread() {
    ModuleIndex i = index("""
        class Pipeline { void copyInto(Sink s, long n) { s.begin(n); } }
        """, """
        abstract class Channel { void read() { begin(); } abstract void begin(); }
        """, """
        class NoApi { void step(Worker w) { w.begin(); } }
        """);
    assertFalse(i.mayBegin("copyInto"), "Sink.begin(long) takes an argument: no API's begin");
    assertFalse(i.mayBegin("read"), "an inherited begin() on a type without commit()/rollback()");
    assertFalse(i.mayBegin("step"), "a file importing no transaction API, no home-grown type in the module");
  }

  @Test
  void homeGrownTypesMakeBareBeginsCount() {
    ModuleIndex i = index("""
        class Orm { void begin() {} void commit() {} void rollback() {} }
        """, """
        class Dao extends Orm { void save() { begin(); } }
        """);
    assertTrue(i.mayBegin("save"));
  }

  @Test
  void storingAParameterMatters() {
    ModuleIndex i = index("""
        class Registry { java.util.List<Object> all = new java.util.ArrayList<>();
          void keep(Object c) { all.add(c); } void log(Object c) { System.out.println(c); } }
        """);
    assertTrue(i.mayMatter("keep"));
    assertFalse(i.mayMatter("log"));
  }
}
