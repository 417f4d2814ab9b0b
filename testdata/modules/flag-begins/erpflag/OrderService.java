package erpflag;

import java.util.List;
import javax.persistence.EntityManager;

/** Callers of TxUtil: the flag from begin() goes back to commit and rollback, which end only what this call began. */
public class OrderService {
  private final List<String> store;

  public OrderService(List<String> store) {
    this.store = store;
  }

  /** The idiom: commit in the try, roll back (or only mark) in the catch. */
  public void storeAll(List<String> orders) throws TxException {
    boolean beganTransaction = false;
    try {
      beganTransaction = TxUtil.begin();
      store.addAll(orders);
      TxUtil.commit(beganTransaction);
    } catch (RuntimeException e) {
      TxUtil.rollback(beganTransaction, "could not store", e);
      throw e;
    }
  }

  /** The other idiom: roll back in the catch, commit in the finally (a no-op after the rollback). */
  public void storeOne(String order) {
    boolean beganTransaction = false;
    try {
      beganTransaction = TxUtil.begin();
      store.add(order);
    } catch (TxException | RuntimeException e) {
      try {
        TxUtil.rollback(beganTransaction, "could not store", e);
      } catch (TxException e2) {
        // logged
      }
    } finally {
      try {
        TxUtil.commit(beganTransaction);
      } catch (TxException e) {
        // logged
      }
    }
  }

  /** Tested directly: only the branch where it began has a transaction to end. */
  public void storeIfBegun(String order) throws TxException {
    if (TxUtil.begin()) {
      try {
        store.add(order);
      } catch (RuntimeException e) {
        TxUtil.rollback(e);
        throw e;
      }
      TxUtil.commit();
    } else {
      store.add(order);
    }
  }

  /** Through a wrapper in another class that passes the flag on. */
  public void storeViaBatch(String order) throws TxException {
    boolean began = Batch.open();
    try {
      store.add(order);
    } catch (RuntimeException e) {
      TxUtil.rollback(began, "batch", e);
      throw e;
    }
    TxUtil.commit(began);
  }

  public boolean storeIfNew(String order) throws TxException {
    boolean beganTransaction = TxUtil.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    if (store.contains(order)) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    store.add(order);
    TxUtil.commit(beganTransaction);
    return true;
  }

  public void storeUnguarded(String order) throws TxException {
    boolean began = TxUtil.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    store.add(order);
    TxUtil.commit(began);
  }

  /** Commits only when it began, but forgets the rollback: the failure leaves this call's transaction open. */
  public void storeIfBegunNoRollback(String order) throws TxException {
    if (TxUtil.begin()) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      store.add(order);
      TxUtil.commit();
    }
  }

  /** Marks a failure but never commits: the transaction this call began stays open. */
  public void storeNeverCommitted(String order) throws TxException {
    boolean began = TxUtil.begin();
    try {
      store.add(order);
    } catch (RuntimeException e) {
      TxUtil.rollback(began, "failed", e);
      throw e;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  /**
   * The timeout comes from a library object: the audit without jars cannot type the argument, and still takes
   * begin(int), the only begin of one argument (its unresolved type is a missing jar's).
   */
  public void storeWithTimeout(String order, EntityManager em) throws TxException {
    boolean began = TxUtil.begin(em.getProperties().size());
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    store.add(order);
    TxUtil.commit(began);
  }
}
