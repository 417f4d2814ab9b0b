package dev.txguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.graph.BuildOptions;
import dev.txguard.graph.CatchClause;
import dev.txguard.graph.Cond;
import dev.txguard.graph.ExitKind;
import dev.txguard.graph.FlowGraph;
import dev.txguard.graph.FlowGraphBuilder;
import dev.txguard.graph.Key;
import dev.txguard.graph.Op;
import dev.txguard.graph.Site;
import dev.txguard.graph.StatusTest;
import dev.txguard.graph.ThrownType;
import dev.txguard.graph.TxInfo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The core without any front end: graphs built with the builder directly, then analysed. */
class CoreAnalysisTest {
  private static final TxInfo INFO = new TxInfo("test", "test", true, "tx.rollback();");
  private static final Key TX = Key.local("tx");
  private int pos;

  private Site site(String text) {
    pos += 10;
    return new Site(pos, pos + 5, pos / 10, 1, text);
  }

  private void begin(FlowGraphBuilder b) {
    b.op(new Op.Begin(TX, false, null, INFO), site("tx.begin()"));
  }

  private void end(FlowGraphBuilder b) {
    b.op(new Op.End(TX), site("tx.commit()"));
  }

  private void call(FlowGraphBuilder b, String name) {
    b.call(new Op.Call(name, null, false, List.of(), null, null, false), site(name + "()"), List.of());
  }

  private List<Finding> analyse(FlowGraph g) {
    List<UnitSetAnalysis.UnitResult> r = new UnitSetAnalysis(AnalysisOptions.DEFAULT).analyze(List.of(g));
    assertEquals(1, r.size());
    assertNull(r.get(0).failure());
    return r.get(0).findings();
  }

  @Test
  void earlyReturnOnOneBranch() {
    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    begin(b);
    Site ret = site("return;");
    b.ifThenElse(b.leaf(() -> {}, Cond.UNKNOWN, site("bad")), () -> b.returnFrom(ret), null);
    end(b);
    b.fallOffEnd(site("}"));
    List<Finding> f = analyse(b.build(Site.NONE));
    assertEquals(1, f.size());
    assertEquals(Rule.UNCOMMITTED_TRANSACTION, f.get(0).rule());
    assertEquals(ExitKind.RETURN, f.get(0).exitKind());
    assertEquals(ret, f.get(0).at());
    assertEquals("tx.rollback();", f.get(0).rollbackStatement());
    // the path: begin, the branch taken, the exit
    assertEquals(List.of("BEGIN", "BRANCH", "EXIT"), f.get(0).path().stream().map(s -> s.kind().name()).toList());
  }

  @Test
  void exceptionCaughtAndRolledBackIsClean() {
    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    begin(b);
    ThrownType runtime = new ThrownType(ThrownType.RUNTIME_EXCEPTION,
        Set.of(ThrownType.RUNTIME_EXCEPTION, ThrownType.EXCEPTION, ThrownType.THROWABLE), false);
    b.tryCatchFinally(() -> {
      call(b, "work");
      end(b);
    }, List.of(new CatchClause(List.of(runtime), site("e"), () -> {
      call(b, "log"); // inside a catch: no unchecked exception
      b.op(new Op.End(TX), site("tx.rollback()"));
      b.throwStatement(site("throw e;"), List.of(runtime));
    })), null);
    b.fallOffEnd(site("}"));
    assertTrue(analyse(b.build(Site.NONE)).isEmpty());
  }

  @Test
  void exceptionEscapingIsReportedAtTheFirstThrowingCall() {
    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    begin(b);
    Site first = site("a()");
    b.call(new Op.Call("a", null, false, List.of(), null, null, false), first, List.of());
    call(b, "b");
    end(b);
    b.fallOffEnd(site("}"));
    List<Finding> f = analyse(b.build(Site.NONE));
    assertEquals(1, f.size());
    assertEquals(Rule.UNCOMMITTED_TRANSACTION_ON_EXCEPTION, f.get(0).rule());
    assertEquals(first, f.get(0).at());
  }

  @Test
  void finallyWithActiveStatusOnlyGuardLeaksOnExceptionPaths() {
    for (boolean fullGuard : new boolean[] {true, false}) {
      FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
      begin(b);
      StatusTest test = fullGuard ? StatusTest.ACTIVE : StatusTest.STATUS_ACTIVE_ONLY;
      b.tryCatchFinally(() -> {
        call(b, "work");
        end(b);
      }, List.of(), () -> b.ifThenElse(b.leaf(() -> {}, new Cond.Query(TX, test), site("guard")),
          () -> b.op(new Op.End(TX), site("tx.rollback()")), null));
      b.fallOffEnd(site("}"));
      List<Finding> f = analyse(b.build(Site.NONE));
      assertEquals(fullGuard ? 0 : 1, f.size(), "full guard: " + fullGuard);
    }
  }

  @Test
  void booleanFlagsAndCorrelatedBranches() {
    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    Key useTx = Key.param("useTx", 0);
    b.ifThenElse(b.leaf(() -> {}, new Cond.Var(useTx), site("useTx")), () -> begin(b), null);
    b.ifThenElse(b.leaf(() -> {}, new Cond.Var(useTx), site("useTx")), () -> end(b), null);
    b.fallOffEnd(site("}"));
    assertTrue(analyse(b.build(Site.NONE)).isEmpty());
  }

  @Test
  void fiveHundredBranchesStayLinear() {
    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    begin(b);
    for (int i = 0; i < 500; i++) {
      Key flag = Key.param("f" + i, i);
      b.ifThenElse(b.leaf(() -> {}, new Cond.Var(flag), site("f" + i)), () -> {}, () -> {});
    }
    end(b);
    b.fallOffEnd(site("}"));
    FlowGraph g = b.build(Site.NONE);
    UnitAnalyzer a = new UnitAnalyzer(g, id -> null, new HandOffNames(Set.of()),
        new AnalysisOptions(Set.of(), 20_000, 4), java.util.Map.of()).run();
    assertTrue(a.normalLeaks().isEmpty());
  }

  @Test
  void handedOffHandleIsNotALeak() {
    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    begin(b);
    b.op(new Op.Escape(TX, false, true), site("tx"));
    b.returnFrom(site("return tx;"));
    assertTrue(analyse(b.build(Site.NONE)).isEmpty());
  }

  @Test
  void endWrapperSummaryEndsTheCallersTransaction() {
    // void rollbackQuietly(Tx t) { if (t != null && t.isActive()) t.rollback(); }
    Key t = Key.param("t", 0);
    FlowGraphBuilder w = new FlowGraphBuilder("rollbackQuietly()", "W#rollbackQuietly", BuildOptions.DEFAULT);
    w.parameter(t);
    w.ifThenElse(w.and(w.leaf(() -> {}, w == null ? null : new Cond.NonNull(t), site("t != null")),
            w.leaf(() -> {}, new Cond.Query(t, StatusTest.ACTIVE), site("t.isActive()"))),
        () -> w.op(new Op.End(t), site("t.rollback()")), null);
    w.fallOffEnd(site("}"));

    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    begin(b);
    b.tryCatchFinally(() -> {
      call(b, "work");
      end(b);
    }, List.of(), () -> b.call(new Op.Call("rollbackQuietly", null, true, List.of(TX), "W#rollbackQuietly", null, false),
        site("rollbackQuietly(tx)"), List.of()));
    b.fallOffEnd(site("}"));
    List<UnitSetAnalysis.UnitResult> r =
        new UnitSetAnalysis(AnalysisOptions.DEFAULT).analyze(List.of(w.build(Site.NONE), b.build(Site.NONE)));
    assertTrue(r.stream().allMatch(u -> u.findings().isEmpty()), r.toString());
  }

  @Test
  void budgetIsReportedNotHung() {
    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    begin(b);
    for (int i = 0; i < 50; i++) {
      call(b, "c" + i);
    }
    end(b);
    b.fallOffEnd(site("}"));
    List<UnitSetAnalysis.UnitResult> r =
        new UnitSetAnalysis(new AnalysisOptions(Set.of(), 10, 512)).analyze(List.of(b.build(Site.NONE)));
    assertTrue(r.get(0).failure().contains("exceeded its budget"));
  }

  // ---------------------------------------------------------------- version 2: ownership and what the state tracks

  private List<Finding> beginOnLocalAndFallOff(boolean acquired) {
    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    if (acquired) {
      b.op(new Op.Acquire(TX), site("tx = new Tx()"));
    }
    begin(b);
    b.fallOffEnd(site("}"));
    return analyse(b.build(Site.NONE));
  }

  @Test
  void aBorrowedLocalIsABeginWrapperAnAcquiredOneLeaks() {
    assertTrue(beginOnLocalAndFallOff(false).isEmpty());
    assertEquals(1, beginOnLocalAndFallOff(true).size());
  }

  @Test
  void anEndBeforeTheBeginDoesNotMakeTheMethodResponsible() {
    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    end(b);
    begin(b);
    b.fallOffEnd(site("}"));
    assertTrue(analyse(b.build(Site.NONE)).isEmpty());
  }

  @Test
  void anAcquiredObjectStoredBeforeTheBeginIsBorrowed() {
    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    b.op(new Op.Acquire(TX), site("tx = new Tx()"));
    b.op(new Op.Escape(TX, true, false), site("this.tx = tx"));
    begin(b);
    b.fallOffEnd(site("}"));
    assertTrue(analyse(b.build(Site.NONE)).isEmpty());
  }

  @Test
  void unrelatedNullTestsDoNotSplitTheState() {
    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    b.op(new Op.Acquire(TX), site("tx = new Tx()"));
    begin(b);
    for (int i = 0; i < 12; i++) {
      Key p = Key.local("p" + i);
      b.op(new Op.Clear(p, false), site("p" + i + " = m.get()"));
      b.ifThenElse(b.leaf(() -> {}, new Cond.NonNull(p), site("p" + i + " != null")), () -> {}, () -> {});
    }
    end(b);
    b.fallOffEnd(site("}"));
    List<UnitSetAnalysis.UnitResult> r =
        new UnitSetAnalysis(new AnalysisOptions(Set.of(), 20_000, 4)).analyze(List.of(b.build(Site.NONE)));
    assertNull(r.get(0).failure());
    assertTrue(r.get(0).findings().isEmpty());
  }

  @Test
  void aCatchParameterCopiedIntoAFailureFlagIsNotNull() {
    Key failure = Key.local("failure");
    Key e = Key.local("e");
    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    b.op(new Op.Acquire(TX), site("tx = new Tx()"));
    b.op(new Op.Clear(failure, true), site("failure = null"));
    begin(b);
    b.op(new Op.NotNull(e), site("catch (e)"));
    b.op(new Op.Copy(failure, e, false), site("failure = e"));
    b.ifThenElse(b.leaf(() -> {}, new Cond.NonNull(failure), site("failure != null")), () -> end(b),
        () -> b.returnFrom(site("return;")));
    b.fallOffEnd(site("}"));
    assertTrue(analyse(b.build(Site.NONE)).isEmpty());
  }

  /** {@code Tx open(boolean needTx) { Tx t = new Tx(); if (needTx) t.begin(); return t; }} and a caller. */
  private List<Finding> callOpenWith(Key argument) {
    Key needTx = Key.param("needTx", 0);
    Key t = Key.local("t");
    FlowGraphBuilder w = new FlowGraphBuilder("open()", "W#open", BuildOptions.DEFAULT);
    w.parameter(needTx);
    w.op(new Op.Acquire(t), site("t = new Tx()"));
    w.ifThenElse(w.leaf(() -> {}, new Cond.Var(needTx), site("needTx")),
        () -> w.op(new Op.Begin(t, false, null, INFO), site("t.begin()")), null);
    w.op(new Op.Escape(t, false, true), site("t"));
    w.returnFrom(site("return t;"));

    FlowGraphBuilder b = new FlowGraphBuilder("m()", "m", BuildOptions.DEFAULT);
    b.call(new Op.Call("open", null, true, List.of(argument), "W#open", TX, false), site("open(..)"), List.of());
    b.fallOffEnd(site("}"));
    List<UnitSetAnalysis.UnitResult> r =
        new UnitSetAnalysis(AnalysisOptions.DEFAULT).analyze(List.of(w.build(Site.NONE), b.build(Site.NONE)));
    return r.stream().flatMap(u -> u.findings().stream()).toList();
  }

  @Test
  void aSummaryDependsOnItsBooleanParameter() {
    assertTrue(callOpenWith(Key.constant(false)).isEmpty());
    assertEquals(1, callOpenWith(Key.constant(true)).size());
  }
}
