package erp;

import org.hibernate.Session;
import org.hibernate.Transaction;

/** Callers of HibernateUtil's wrappers: correct ones guard their rollback with its query wrappers. */
public class InvoiceService {
  private final Session session;

  public InvoiceService(Session session) {
    this.session = session;
  }

  void save(Object invoice) {
    HibernateUtil.getSession().persist(invoice);
  }

  public void postIsClean(Object invoice) {
    HibernateUtil.beginTransaction();
    try {
      save(invoice);
      HibernateUtil.commitTransaction();
    } finally {
      if (HibernateUtil.inTransaction()) {
        HibernateUtil.rollbackTransaction();
      }
    }
  }

  public void voidIsClean(Object invoice) {
    HibernateUtil.beginTransaction();
    try {
      save(invoice);
      HibernateUtil.commitTransaction();
    } catch (RuntimeException e) {
      if (HibernateUtil.canRollback()) {
        HibernateUtil.rollbackTransaction();
      }
      throw e;
    }
  }

  public void archiveIsClean(Object invoice) {
    Transaction tx = session.beginTransaction();
    try {
      session.persist(invoice);
      tx.commit();
    } catch (RuntimeException e) {
      if (HibernateUtil.isActive(tx)) {
        tx.rollback();
      }
      throw e;
    }
  }

  public void reissueLeaks(Object invoice, boolean dryRun) {
    HibernateUtil.beginTransaction();
    try {
      if (dryRun) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      save(invoice);
      HibernateUtil.commitTransaction();
    } catch (RuntimeException e) {
      if (HibernateUtil.inTransaction()) {
        HibernateUtil.rollbackTransaction();
      }
      throw e;
    }
  }

  public void mergeLeaks(Object invoice) {
    Transaction tx = session.beginTransaction();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      session.merge(invoice);
      tx.commit();
    } finally {
      if (!HibernateUtil.isActive(tx)) {
        session.clear();
      }
    }
  }
}
