package hibtmpl;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.Session;
import org.hibernate.Transaction;

/** Static helpers for callers that do not use the template. */
public final class TxSupport {
  private static final Logger LOG = Logger.getLogger(TxSupport.class.getName());

  private TxSupport() {}

  public static Transaction begin(Session session) {
    return session.beginTransaction();
  }

  public static void commit(Transaction tx) {
    try {
      tx.commit();
    } catch (RuntimeException e) {
      throw new DataAccessException("commit failed", e);
    }
  }

  public static void rollbackQuietly(Transaction tx) {
    if (tx != null && tx.isActive()) {
      try {
        tx.rollback();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "rollback failed", e);
      }
    }
  }

  public static void closeQuietly(Session session) {
    if (session != null) {
      try {
        session.close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "close failed", e);
      }
    }
  }
}
