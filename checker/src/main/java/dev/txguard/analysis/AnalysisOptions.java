package dev.txguard.analysis;

import java.util.Set;

/**
 * Knobs of the analysis.
 *
 * @param handOffMethods extra method names that take a handle and end it
 * @param maxSteps the number of (node, state) visits per unit after which the unit is reported as not analysed
 * @param maxStatesPerNode the number of distinct states at one node after which the unit is reported as not analysed
 */
public record AnalysisOptions(Set<String> handOffMethods, int maxSteps, int maxStatesPerNode) {
  public static final AnalysisOptions DEFAULT = new AnalysisOptions(Set.of(), 2_000_000, 512);

  public AnalysisOptions {
    handOffMethods = Set.copyOf(handOffMethods);
  }
}
