package dev.txguard.analysis;

import dev.txguard.graph.ExitKind;
import dev.txguard.graph.Site;
import java.util.List;

/**
 * A leak on one path.
 *
 * @param rule which rule reports it
 * @param unitName the unit it lies in ({@code update()})
 * @param unitId the unit's identifier
 * @param at where it is reported: the exit statement, the throwing call, or the repeated begin
 * @param exitKind how the path leaves; null for a begin again while active
 * @param begin the begin call
 * @param api the transaction API
 * @param path the steps from the begin to the exit
 * @param rollbackStatement a statement that would end the transaction before this exit, when a fix may insert one
 * @param message the diagnostic text, the same in every front end
 */
public record Finding(
    Rule rule,
    String unitName,
    String unitId,
    Site at,
    ExitKind exitKind,
    Site begin,
    String api,
    List<PathStep> path,
    String rollbackStatement,
    String message) {
  public Finding {
    path = List.copyOf(path);
  }

  public boolean isBeginAgain() {
    return exitKind == null;
  }
}
