package dev.txguard.graph;

import java.util.List;

/** One {@code catch} of a {@code try}: the caught types (several for a multi-catch) and the handler body. */
public record CatchClause(List<ThrownType> types, Site site, Runnable body) {
  public CatchClause {
    types = List.copyOf(types);
  }
}
