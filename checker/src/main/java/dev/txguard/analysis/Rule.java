package dev.txguard.analysis;

/** The rules, named as the Error Prone checks, the suppression keys and the SARIF rule ids. */
public enum Rule {
  /** A normal exit (return, fall-off, break/continue/yield out) with the transaction active, or a begin again. */
  UNCOMMITTED_TRANSACTION("UncommittedTransaction", true),
  /** An exception leaves the unit with the transaction active. */
  UNCOMMITTED_TRANSACTION_ON_EXCEPTION("UncommittedTransactionOnException", true),
  /**
   * A path on which only closing the object (a JDBC connection, a Hibernate session) ends the transaction; off by
   * default: pools roll back on close, but some drivers commit and some pools do not roll back.
   */
  TRANSACTION_ENDED_BY_CLOSE("TransactionEndedByClose", false);

  private final String checkName;
  private final boolean enabledByDefault;

  Rule(String checkName, boolean enabledByDefault) {
    this.checkName = checkName;
    this.enabledByDefault = enabledByDefault;
  }

  public String checkName() {
    return checkName;
  }

  /** Whether the rule reports unless it is turned off; the others report only when asked for by name. */
  public boolean enabledByDefault() {
    return enabledByDefault;
  }

  /** The rule with this check name (case-insensitive), or null. */
  public static Rule byCheckName(String name) {
    for (Rule r : values()) {
      if (r.checkName.equalsIgnoreCase(name)) {
        return r;
      }
    }
    return null;
  }
}
