package hibtmpl;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/** A hand-written transaction template: open, begin, call back, commit or roll back, close. */
public final class TxTemplate {
  private final SessionFactory sessionFactory;

  public TxTemplate(SessionFactory sessionFactory) {
    this.sessionFactory = sessionFactory;
  }

  /** A new session each call, for callers that manage their own transaction. */
  public Session openSession() {
    return sessionFactory.openSession();
  }

  public <T> T execute(TxCallback<T> action) {
    Session session = sessionFactory.openSession();
    Transaction tx = null;
    try {
      tx = session.beginTransaction();
      T result = action.doInTransaction(session);
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      if (tx != null && tx.isActive()) {
        try {
          tx.rollback();
        } catch (RuntimeException re) {
          e.addSuppressed(re);
        }
      }
      throw e;
    } finally {
      session.close();
    }
  }
}
