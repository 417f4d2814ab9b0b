package dev.txguard.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.analysis.HandOffNames;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolTest {
  @Test
  void endingAndClosingByCamelCaseWords() {
    HandOffNames names = new HandOffNames(Set.of("dispose"));
    for (String yes : new String[] {"endTransaction", "commitAndClose", "rollbackQuietly", "abort", "finishTx",
        "safeRollBack", "complete", "rollbackAndRelease", "rollback_all"}) {
      assertTrue(names.endsByName(yes), yes);
      assertFalse(names.closesByName(yes), yes);
    }
    for (String yes : new String[] {"closeQuietly", "releaseConnection", "release", "close"}) {
      assertTrue(names.closesByName(yes), yes);
      assertFalse(names.endsByName(yes), yes);
    }
    for (String no : new String[] {"append", "sendMail", "audit", "recommit", "pending", "closet", "released"}) {
      assertFalse(names.endsByName(no), no);
      assertFalse(names.closesByName(no), no);
    }
    assertTrue(names.configured("dispose"));
    assertFalse(names.configured("closeQuietly"), "a name rule is not a hand-off");
  }

  @Test
  void userProtocolErrorsNameTheLine() {
    ProtocolFileException e = assertThrows(ProtocolFileException.class,
        () -> UserProtocols.parse("p.txt", "[a]\ntype = x.Y\nbegin = start\n"));
    assertEquals("p.txt:1: protocol [a] needs 'end'", e.getMessage());
    e = assertThrows(ProtocolFileException.class, () -> UserProtocols.parse("p.txt", "type = x\n"));
    assertEquals("p.txt:1: 'type = x' comes before any [section]", e.getMessage());
    e = assertThrows(ProtocolFileException.class, () -> UserProtocols.parse("p.txt", "[a]\nnonsense\n"));
    assertEquals("p.txt:2: expected 'key = value', found 'nonsense'", e.getMessage());
  }

  @Test
  void userProtocolParses() throws ProtocolFileException {
    UserProtocols p = UserProtocols.parse("p.txt", """
        [acme]  # comment
        type = com.acme.Tx
        begin-returning = com.acme.Db.open
        end = finish
        [hand-off]
        methods = release, dispose
        """);
    assertEquals(Set.of("release", "dispose"), p.handOffMethods());
    assertEquals(2, p.patterns().size());
  }

  @Test
  void zeroConfigNeedsCommitAndRollback() {
    TypeFacts tx = type("a.Tx", Set.of("commit", "rollback"));
    TypeFacts half = type("a.Half", Set.of("commit"));
    ProtocolRegistry r = ProtocolRegistry.builtin();
    assertEquals(Role.BEGIN_ON_RECEIVER, r.classify(call("begin", tx, null)).role());
    assertEquals(Role.BEGIN_RETURNING, r.classify(call("beginTransaction", half, tx)).role());
    assertEquals(null, r.classify(call("begin", half, null)));
    assertEquals(Role.END_RECEIVER, r.classify(call("rollback", tx, null)).role());
  }

  private static TypeFacts type(String name, Set<String> methods) {
    return new TypeFacts() {
      @Override
      public String qualifiedName() {
        return name;
      }

      @Override
      public boolean isSubtypeOf(String qualifiedName) {
        return qualifiedName.equals(name);
      }

      @Override
      public boolean hasNoArgMethod(String m) {
        return methods.contains(m);
      }

      @Override
      public boolean declaresEnd(String m) {
        return methods.contains(m);
      }
    };
  }

  private static CallFacts call(String name, TypeFacts receiver, TypeFacts returned) {
    return new CallFacts() {
      @Override
      public String methodName() {
        return name;
      }

      @Override
      public int argumentCount() {
        return 0;
      }

      @Override
      public TypeFacts receiverType() {
        return receiver;
      }

      @Override
      public TypeFacts returnType() {
        return returned;
      }

      @Override
      public boolean isStatic() {
        return false;
      }

      @Override
      public BooleanArg booleanArgument(int index) {
        return BooleanArg.NOT_BOOLEAN;
      }
    };
  }
}
