package dev.txguard.protocol;

import dev.txguard.graph.Cond;
import dev.txguard.graph.FlowGraphBuilder;
import dev.txguard.graph.Key;
import dev.txguard.graph.Label;
import dev.txguard.graph.Site;
import dev.txguard.graph.StatusTest;
import java.util.List;

/**
 * {@code switch (tx.getStatus())} for every front end: each case is a status test on the handle, tried in order, and
 * {@code default} takes the rest (instead of the nondeterministic choice of an ordinary switch).
 */
public final class StatusSwitch {
  private StatusSwitch() {}

  /**
   * The case selection. {@code caseConstants.get(i)} holds the simple names of case i's constants (null: a name the
   * front end could not read), or is null for {@code default}.
   */
  public static FlowGraphBuilder.SwitchDispatch dispatch(FlowGraphBuilder b, Key handle, Protocol protocol,
      List<List<String>> caseConstants, List<Site> caseSites) {
    return (entries, noMatch) -> {
      int defaultIndex = -1;
      for (int i = 0; i < caseConstants.size(); i++) {
        List<String> constants = caseConstants.get(i);
        if (constants == null) {
          defaultIndex = i;
          continue;
        }
        StatusTest test = null;
        for (String name : constants) {
          StatusTest t = name == null ? StatusTest.UNKNOWN : protocol.statusTest(name);
          test = test == null ? t : test.or(t);
        }
        Label next = b.newLabel();
        b.branch(new Cond.Query(handle, test), caseSites.get(i), entries.get(i), next);
        b.place(next);
      }
      b.goTo(defaultIndex >= 0 ? entries.get(defaultIndex) : noMatch);
    };
  }
}
