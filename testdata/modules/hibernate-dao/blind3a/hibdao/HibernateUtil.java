package blind3a.hibdao;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;

/**
 * Classic "HibernateUtil" with a thread-bound session (the pattern of the Hibernate 3 era
 * CaveatEmptor sample). Every helper works on the session that {@link #currentSession()} keeps
 * in a ThreadLocal: the begin helper is a begin wrapper on a borrowed (kept) session, the
 * commit/rollback helpers are end wrappers and {@link #inTransaction()} is a query wrapper, all
 * with the same slot (the no-argument static accessor currentSession()).
 */
public final class HibernateUtil {

    private static final SessionFactory SESSION_FACTORY =
            new Configuration().configure().buildSessionFactory();

    private static final ThreadLocal<Session> THREAD_SESSION = new ThreadLocal<>();

    private HibernateUtil() {
    }

    /** Accessor: returns the thread's session, opening and keeping one on first use. */
    public static Session currentSession() {
        Session s = THREAD_SESSION.get();
        if (s == null) {
            s = SESSION_FACTORY.openSession();
            THREAD_SESSION.set(s);
        }
        return s;
    }

    /** Begin wrapper (void: the begin falls on the thread's session). */
    public static void beginTransaction() {
        currentSession().beginTransaction();
    }

    /** End wrapper. */
    public static void commitTransaction() {
        currentSession().getTransaction().commit();
    }

    /** End wrapper guarded by the query. */
    public static void rollbackTransaction() {
        Transaction tx = currentSession().getTransaction();
        if (tx.isActive()) {
            tx.rollback();
        }
    }

    /** Query wrapper on the thread's session (static accessor slot). */
    public static boolean inTransaction() {
        return currentSession().getTransaction().isActive();
    }

    /** Null-safe query wrapper on a parameter: the transaction may not have been begun yet. */
    public static boolean isActive(Transaction tx) {
        return tx != null && tx.isActive();
    }
}
