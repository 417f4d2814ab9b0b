package dev.txguard.protocol;

import dev.txguard.graph.StatusTest;
import java.util.Map;

/**
 * One transaction API.
 *
 * @param id a stable identifier ({@code jpa}, {@code jdbc}, or the user's name)
 * @param api the display name used in findings
 * @param beginAgainIsError whether beginning while the same handle is active is a finding
 * @param rollbackTemplate the statement a fix inserts, with {@code {handle}} and {@code {owner}} placeholders; empty
 *     when no fix is offered
 * @param statusConstants what {@code getStatus() == CONSTANT} answers, by the constant's simple name
 */
public record Protocol(
    String id,
    String api,
    boolean beginAgainIsError,
    String rollbackTemplate,
    Map<String, StatusTest> statusConstants) {
  public Protocol {
    statusConstants = Map.copyOf(statusConstants);
  }

  /**
   * For an API with one transaction per thread (Ebean), the id of the field that stands for it: every begin's owner,
   * every owner end ({@code DB.commitTransaction()}) and every accessor of the current transaction
   * ({@code DB.currentTransaction()}, {@code Transaction.current()}) names it (semantics, settled detail 2). Else null.
   */
  public String threadOwner() {
    return this == BuiltinProtocols.EBEAN ? "static:io.ebean.DB" : null;
  }

  /** The fix statement for a handle and owner given as source text; empty when none is safe. */
  public String rollbackStatement(String handle, String owner) {
    if (rollbackTemplate.isEmpty()
        || (rollbackTemplate.contains("{handle}") && handle == null)
        || (rollbackTemplate.contains("{owner}") && owner == null)) {
      return "";
    }
    return rollbackTemplate.replace("{handle}", handle == null ? "" : handle).replace("{owner}", owner == null ? "" : owner)
        + ";";
  }

  /** What the graph records about a begin of this protocol, with the fix statements for these texts. */
  public dev.txguard.graph.TxInfo txInfo(String handle, String owner) {
    String rollback = rollbackStatement(handle, owner);
    String query = activeQuery();
    String guarded = rollback.isEmpty() || query.isEmpty() || handle == null
        ? "" : "if (" + query.replace("{handle}", handle) + ") " + rollback;
    return new dev.txguard.graph.TxInfo(api, id, beginAgainIsError, rollback, guarded);
  }

  /**
   * The expression that is true while the transaction is active, with a {@code {handle}} placeholder: the query of the
   * protocol table (semantics, "Findings": a fix after a commit on some path is guarded by it). Empty for an API
   * without one (JDBC, whose {@code getAutoCommit()} throws on a closed connection and says nothing of a pooled one's
   * transaction; JTA, MyBatis, Jedis) and for home-grown and user-described types.
   */
  private String activeQuery() {
    return switch (id) {
      case "jpa", "hibernate", "ebean" -> "{handle}.isActive()";
      case "jdbi" -> "{handle}.isInTransaction()";
      case "mongodb" -> "{handle}.hasActiveTransaction()";
      case "neo4j" -> "{handle}.isOpen()";
      case "spring" -> "!{handle}.isCompleted()";
      default -> "";
    };
  }

  /** What comparing the status with {@code constant} answers. */
  public StatusTest statusTest(String constant) {
    StatusTest t = statusConstants.get(constant);
    return t != null ? t : StatusTest.COMPLETED; // any other status: not an open transaction's
  }
}
