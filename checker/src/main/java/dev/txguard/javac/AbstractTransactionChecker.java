package dev.txguard.javac;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.util.JCDiagnostic;
import dev.txguard.analysis.Finding;
import dev.txguard.analysis.Rule;
import java.util.Optional;

/**
 * The shared body of both checks: fetch the compilation unit's analysis (computed once for both) and report this
 * rule's findings for the method or class being matched. Never throws: an internal failure becomes a warning that
 * names the unit.
 */
abstract class AbstractTransactionChecker extends BugChecker
    implements BugChecker.MethodTreeMatcher, BugChecker.ClassTreeMatcher {
  private final TxguardConfig config;
  private boolean problemReported;

  AbstractTransactionChecker(ErrorProneFlags flags) {
    this.config = new TxguardConfig(flags);
  }

  AbstractTransactionChecker() {
    this.config = TxguardConfig.DEFAULT;
  }

  abstract Rule rule();

  /** Internal failures and configuration problems are reported by one check only. */
  private boolean reportsProblems() {
    return rule() == Rule.UNCOMMITTED_TRANSACTION;
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    report(tree, state);
    return Description.NO_MATCH;
  }

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    if (config.problem() != null && !problemReported && reportsProblems()) {
      problemReported = true;
      state.reportMatch(buildDescription(tree)
          .setMessage("txguard configuration problem (not an Error Prone bug): " + config.problem()
              + "; the defaults apply")
          .build());
    }
    report(tree, state);
    return Description.NO_MATCH;
  }

  private void report(Tree member, VisitorState state) {
    try {
      CompilationUnitAnalysis analysis = CompilationUnitAnalysis.of(state, config);
      for (CompilationUnitAnalysis.UnitOutcome outcome : analysis.outcomesFor(member)) {
        if (outcome.failure() != null) {
          if (reportsProblems()) {
            state.reportMatch(outcome.incomplete() ? notFullyAnalysed(member, outcome.unitName(), outcome.failure())
                : internalFailure(member, outcome.unitName(), outcome.failure()));
          }
          continue;
        }
        if (suppressedByAll(state)) {
          return;
        }
        for (Finding f : outcome.findings()) {
          if (f.rule() == rule()) {
            state.reportMatch(describe(f, analysis, state));
          }
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      if (reportsProblems()) {
        state.reportMatch(internalFailure(member, nameOf(member), e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    }
  }

  private Description describe(Finding f, CompilationUnitAnalysis analysis, VisitorState state) {
    Tree at = analysis.sites.treeAt(f.at().start());
    // Reported at the start of the exit or call (not javac's preferred position inside it), as the audit does.
    Description.Builder d = buildDescription(new JCDiagnostic.SimpleDiagnosticPosition(f.at().start()));
    d.setMessage(f.message());
    if (!f.rollbackStatement().isEmpty() && at != null) {
      Optional<SuggestedFix> fix;
      try {
        fix = RollbackFix.build(f, at, analysis, state);
      } catch (RuntimeException e) {
        fix = Optional.empty(); // a fix that cannot be built is left out; the finding stands
      }
      fix.ifPresent(d::addFix);
    }
    return d.build();
  }

  private Description internalFailure(Tree member, String unit, String what) {
    return buildDescription(member)
        .setMessage("txguard internal error while analysing " + unit + " (it was skipped; please report it to"
            + " txguard): " + what)
        .build();
  }

  /** A unit over one of the analysis limits: named, so that a leak in it is not missed silently. */
  private Description notFullyAnalysed(Tree member, String unit, String why) {
    return buildDescription(member)
        .setMessage("txguard could not fully analyse " + unit + ": " + why + "; its transactions are not checked"
            + " (split the method, or raise -XepOpt:Txguard:MaxSteps)")
        .build();
  }

  private static String nameOf(Tree member) {
    if (member instanceof MethodTree m) {
      return m.getName() + "()";
    }
    if (member instanceof ClassTree c) {
      return c.getSimpleName().toString();
    }
    return "a unit";
  }

  /** {@code @SuppressWarnings("all")} on the member or an enclosing element (Error Prone handles the rule names). */
  private static boolean suppressedByAll(VisitorState state) {
    for (Tree t : state.getPath()) {
      Symbol sym = t instanceof MethodTree || t instanceof ClassTree ? ASTHelpers.getSymbol(t) : null;
      if (sym == null) {
        continue;
      }
      SuppressWarnings sw = sym.getAnnotation(SuppressWarnings.class);
      if (sw != null) {
        for (String v : sw.value()) {
          if (v.equals("all")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
