package dev.txguard.graph;

/**
 * What the graph records about a begin call, for findings and fixes.
 *
 * @param api the transaction API's display name ({@code JPA}, {@code JDBC}, {@code home-grown})
 * @param protocolId the protocol's identifier
 * @param beginAgainIsError whether beginning again while active is a finding (JPA, Hibernate, JTA, JDBI)
 * @param rollbackStatement the statement a fix inserts to end the transaction ({@code tx.rollback();}), or empty
 */
public record TxInfo(String api, String protocolId, boolean beginAgainIsError, String rollbackStatement) {}
