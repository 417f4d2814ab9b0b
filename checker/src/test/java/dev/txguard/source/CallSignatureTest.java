package dev.txguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls share a symbol-solver answer only when overload resolution cannot tell them apart: equal signatures for repeats,
 * different ones for different argument types, receivers or class bodies, and none where a type depends on the call.
 */
class CallSignatureTest {
  private static final String SOURCE = """
      import java.util.List;
      class A {
        void f(int i) {}
        void f(String s) {}
        void f(Object o) {}
        void g(List<String> l) {}
        <T> T pick(List<T> l) { return null; }
        void m(List<String> names, A other, Object o) {
          f(1);
          f(2);
          f("x");
          f(o);
          f(null);
          this.f(1);
          other.f(1);
          f(names.get(0));
          g(List.of());
          f(x -> 1);
          f(names.isEmpty() ? "a" : "b");
          pick(names);
          new Object() { void n() { f(1); } };
        }
      }
      """;

  private final CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver());
  private final JavaParserFacade facade = JavaParserFacade.get(solver);
  private final List<MethodCallExpr> calls;

  CallSignatureTest() {
    CompilationUnit cu = new SourceParser(JavaRelease.NEWEST, new JavaSymbolSolver(solver)).parse(SOURCE).unit();
    calls = cu.findAll(MethodCallExpr.class).stream()
        .filter(c -> c.getNameAsString().equals("f") || c.getNameAsString().equals("g")
            || c.getNameAsString().equals("pick"))
        .toList();
  }

  private CallSignature signature(int index) {
    return CallSignature.of(calls.get(index), facade);
  }

  @Test
  void repeatedCallsWithTheSameArgumentTypesShareASignature() {
    assertNotNull(signature(0));
    assertEquals(signature(0), signature(1)); // f(1), f(2): both int
  }

  @Test
  void differentArgumentTypesReceiversOrClassBodiesDoNot() {
    CallSignature intCall = signature(0);
    assertNotEquals(intCall, signature(2)); // f("x")
    assertNotEquals(intCall, signature(3)); // f(o)
    assertNotEquals(signature(2), signature(4)); // f(null) is not f(String)
    assertNotEquals(intCall, signature(5)); // this.f(1): no outer class's f
    assertNotEquals(intCall, signature(6)); // other.f(1): by the receiver's type
    assertNotEquals(intCall, signature(12)); // f(1) in an anonymous class: its own members first
  }

  @Test
  void argumentsTypedFromTheCallLeaveItToTheSolver() {
    assertNull(signature(7)); // a call as argument: a generic result is typed from the parameter
    assertNull(signature(8)); // List.of(): likewise
    assertNull(signature(9)); // a lambda
    assertNull(signature(10)); // a conditional
    assertNotNull(signature(11)); // pick(names): T is inferred, but from an argument whose type is exact
  }
}
