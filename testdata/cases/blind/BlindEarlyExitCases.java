package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.List;
import java.util.logging.Logger;

/**
 * Early return, break/continue leaving the region of the begin, falling off the end (JPA, jakarta).
 *
 * <p>Readings: the field {@code sharedEm} is borrowed, so every method here that uses it is made
 * responsible by ending the transaction on at least one path (ownership rule 1). A try/catch that
 * rolls back and rethrows covers the exceptional exits unless a case says otherwise.
 * EntityManager.close() does not end a resource-local transaction.
 */
public class BlindEarlyExitCases {
  private static final Logger LOG = Logger.getLogger("orders");

  private final EntityManagerFactory emf;
  private final EntityManager sharedEm;

  public BlindEarlyExitCases(EntityManagerFactory emf, EntityManager sharedEm) {
    this.emf = emf;
    this.sharedEm = sharedEm;
  }

  record Order(long id, boolean valid, boolean shipped) {}

  void earlyReturnOnValidationLeaks(Order order) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      if (!order.valid()) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      em.persist(order);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    } finally {
      // EntityManager.close() does not end the transaction: the return above still leaks.
      em.close();
    }
  }

  boolean rejectInvalidIsClean(Order order) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      if (!order.valid()) {
        tx.rollback();
        return false;
      }
      em.persist(order);
      tx.commit();
      return true;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      em.close();
    }
  }

  Order findOrCreateLeaks(long id) {
    EntityTransaction tx = sharedEm.getTransaction();
    tx.begin();
    try {
      Order existing = sharedEm.find(Order.class, id);
      if (existing != null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return existing;
      }
      Order created = new Order(id, true, false);
      sharedEm.persist(created);
      tx.commit();
      return created;
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  void importUntilInvalidLeaks(List<Order> batch) {
    for (Order o : batch) {
      EntityTransaction tx = sharedEm.getTransaction();
      tx.begin();
      try {
        if (!o.valid()) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          break;
        }
        sharedEm.persist(o);
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
    }
  }

  void importUntilInvalidIsClean(List<Order> batch) {
    for (Order o : batch) {
      EntityTransaction tx = sharedEm.getTransaction();
      tx.begin();
      try {
        if (!o.valid()) {
          tx.rollback();
          break;
        }
        sharedEm.persist(o);
        tx.commit();
      } catch (RuntimeException e) {
        if (tx.isActive()) {
          tx.rollback();
        }
        throw e;
      }
    }
  }

  void persistValidOnesIsClean(List<Order> batch) {
    EntityTransaction tx = sharedEm.getTransaction();
    tx.begin();
    try {
      for (Order o : batch) {
        if (!o.valid()) {
          // stays inside the region of the begin: the commit below still runs
          continue;
        }
        sharedEm.persist(o);
      }
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  void copyPagesLeaks(List<List<Order>> pages) {
    outer:
    for (List<Order> page : pages) {
      EntityTransaction tx = sharedEm.getTransaction();
      tx.begin();
      try {
        for (Order o : page) {
          if (o.shipped()) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            break outer;
          }
          sharedEm.persist(o);
        }
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
    }
  }

  void copyPagesIsClean(List<List<Order>> pages) {
    for (List<Order> page : pages) {
      EntityTransaction tx = sharedEm.getTransaction();
      tx.begin();
      try {
        for (Order o : page) {
          if (o.shipped()) {
            // leaves only the inner loop: the commit below still runs
            break;
          }
          sharedEm.persist(o);
        }
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
    }
  }

  void commitOnlyWhenDirtyLeaks(Order o, boolean dirty) {
    EntityTransaction tx = sharedEm.getTransaction();
    tx.begin();
    try {
      sharedEm.merge(o);
      if (dirty) {
        tx.commit();
      }
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  long countInFinallyCommitIsClean() {
    EntityTransaction tx = sharedEm.getTransaction();
    tx.begin();
    try {
      return sharedEm.createQuery("select count(o) from Order o", Long.class).getSingleResult();
    } finally {
      // commit on every exit, normal or exceptional
      tx.commit();
    }
  }

  void logBetweenBeginAndTryLeaks(Order o) {
    EntityTransaction tx = sharedEm.getTransaction();
    tx.begin();
    // logging is a call: outside catch/finally it may throw an unchecked exception
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    LOG.fine("saving order " + o.id());
    try {
      sharedEm.persist(o);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }
}
