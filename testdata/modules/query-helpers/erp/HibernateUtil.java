package erp;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/** A legacy thread-session helper: begin, end and query wrappers for callers in other files. */
public final class HibernateUtil {
  private static final ThreadLocal<Session> SESSION = new ThreadLocal<>();
  private static SessionFactory factory;

  private HibernateUtil() {}

  static void init(SessionFactory f) {
    factory = f;
  }

  public static Session getSession() {
    Session s = SESSION.get();
    if (s == null) {
      s = factory.openSession();
      SESSION.set(s);
    }
    return s;
  }

  public static void beginTransaction() {
    getSession().beginTransaction();
  }

  public static void commitTransaction() {
    getSession().getTransaction().commit();
  }

  public static void rollbackTransaction() {
    getSession().getTransaction().rollback();
  }

  /** A query wrapper on the thread's session. */
  public static boolean inTransaction() {
    return getSession().getTransaction().isActive();
  }

  /** A query wrapper on its parameter, null-safe. */
  public static boolean isActive(Transaction tx) {
    return tx != null && tx.isActive();
  }

  /** A query wrapper of a query wrapper. */
  public static boolean canRollback() {
    return inTransaction();
  }
}
