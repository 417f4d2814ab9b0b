package com.acme.shop;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionImplementor;

/** Hibernate: Session.beginTransaction() and the Transaction it returns. */
public class OrderArchive {
  private final SessionFactory sessions;

  public OrderArchive(SessionFactory sessions) {
    this.sessions = sessions;
  }

  public int archive(String before) {
    try (Session session = sessions.openSession()) {
      Transaction tx = session.beginTransaction();
      int rows;
      try {
        rows = session.createMutationQuery("update Order set archived = true where placed < :before")
            .setParameter("before", before)
            .executeUpdate();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
      if (rows == 0) {
        // No finding of the default rules: the session of this try-with-resources is closed on the way out, which
        // ends the transaction by close (contract version 2); TransactionEndedByClose, off by default, reports it.
        return 0;
      }
      tx.commit();
      return rows;
    }
  }

  /** SessionImplementor is a Session only to whoever can read hibernate-core: the audit needs the classpath here. */
  public void touch(SessionImplementor session, boolean dryRun) {
    session.beginTransaction();
    if (dryRun) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    session.getTransaction().commit();
  }
}
