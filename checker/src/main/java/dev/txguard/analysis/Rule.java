package dev.txguard.analysis;

/** The two rules, named as the Error Prone checks, the suppression keys and the SARIF rule ids. */
public enum Rule {
  /** A normal exit (return, fall-off, break/continue/yield out) with the transaction active, or a begin again. */
  UNCOMMITTED_TRANSACTION("UncommittedTransaction"),
  /** An exception leaves the unit with the transaction active. */
  UNCOMMITTED_TRANSACTION_ON_EXCEPTION("UncommittedTransactionOnException");

  private final String checkName;

  Rule(String checkName) {
    this.checkName = checkName;
  }

  public String checkName() {
    return checkName;
  }
}
