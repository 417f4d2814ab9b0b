package dev.txguard.graph;

/**
 * What the graph records about a begin call, for findings and fixes.
 *
 * @param api the transaction API's display name ({@code JPA}, {@code JDBC}, {@code home-grown})
 * @param protocolId the protocol's identifier
 * @param beginAgainIsError whether beginning again while active is a finding (JPA, Hibernate, JTA, JDBI)
 * @param rollbackStatement the statement a fix inserts to end the transaction ({@code tx.rollback();}), or empty
 * @param guardedRollbackStatement the same under the API's query ({@code if (tx.isActive()) tx.rollback();}), for an
 *     exit reached after a commit on some path; empty where the API has no such query (JDBC)
 */
public record TxInfo(
    String api, String protocolId, boolean beginAgainIsError, String rollbackStatement, String guardedRollbackStatement) {
  /** A begin whose API has no query that says whether the transaction is still active (no guarded fix). */
  public TxInfo(String api, String protocolId, boolean beginAgainIsError, String rollbackStatement) {
    this(api, protocolId, beginAgainIsError, rollbackStatement, "");
  }

  /** The same begin, with no statement a fix could insert (the caller cannot name what the callee ends). */
  public TxInfo withoutFix() {
    return new TxInfo(api, protocolId, beginAgainIsError, "", "");
  }
}
