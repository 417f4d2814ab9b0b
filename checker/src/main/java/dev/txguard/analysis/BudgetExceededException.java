package dev.txguard.analysis;

/** A unit whose analysis exceeded its budget; the unit is reported as not fully analysed. */
public final class BudgetExceededException extends RuntimeException {
  public BudgetExceededException(String unit, String what) {
    super("the analysis of " + unit + " exceeded its budget (" + what + ")");
  }
}
