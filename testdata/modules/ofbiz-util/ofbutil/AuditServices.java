package ofbutil;

import java.util.Map;
import javax.transaction.Transaction;

/** Callers that run work in a transaction of its own, and callers of the dispatcher's wrappers. */
public class AuditServices {
  private final Delegator delegator;

  public AuditServices(Delegator delegator) {
    this.delegator = delegator;
  }

  /** Suspend the caller's transaction, begin one for the audit row, end it, resume. */
  public void logAudit(String message) throws GenericEntityException {
    Transaction parentTransaction = null;
    try {
      parentTransaction = TransactionUtil.suspend();
      boolean beganTransaction = false;
      try {
        beganTransaction = TransactionUtil.begin();
        delegator.create("AuditEntry", Map.of("message", message));
      } catch (GenericEntityException e) {
        TransactionUtil.rollback(beganTransaction, "Could not write audit entry", e);
        throw e;
      } finally {
        TransactionUtil.commit(beganTransaction);
      }
    } finally {
      if (parentTransaction != null) {
        TransactionUtil.resume(parentTransaction);
      }
    }
  }

  /** The helper owns the transaction; the lambda begins nothing. */
  public GenericValue logAuditInNewTransaction(String message) throws GenericEntityException {
    return TransactionUtil.doNewTransaction(
        () -> delegator.create("AuditEntry", Map.of("message", message)), "Could not write audit entry");
  }

  /** Through the dispatcher's wrappers, the failure remembered for end(). */
  public void runService(String serviceName, Runnable body) throws GenericTransactionException {
    boolean began = ServiceTx.beginFor(serviceName, 120);
    Throwable failure = null;
    try {
      body.run();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      ServiceTx.end(began, failure);
    }
  }

  /** Leaks on exception: end() is only reached when the body returns. */
  public void runServiceUnguarded(String serviceName, Runnable body) throws GenericTransactionException {
    boolean began = ServiceTx.beginFor(serviceName, 120);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    body.run();
    ServiceTx.end(began, null);
  }
}
