package cases.blind;

import java.util.logging.Logger;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;

/**
 * Hibernate session/transaction leaks in the shape of tutorial DAOs, HibernateUtil helpers and
 * call-chain singletons, each with its fixed version.
 *
 * Readings: closing a Hibernate session ends its transaction for the two default rules and is
 * reported only by TransactionEndedByClose ("Closing the object"); a session obtained from
 * getCurrentSession(), a parameter or a getter is borrowed, so only rule 1 (an end on some path
 * from the begin) makes the method responsible.
 */
public class BlindHibernateRealLeakCases {

    private static final Logger LOG = Logger.getLogger("blog");

    static final class Post {
        boolean draft;
    }

    /** HibernateUtil-style thread-bound session with begin/commit helpers. */
    static final class HibernateUtil {
        static SessionFactory factory;
        private static final ThreadLocal<Session> CURRENT = new ThreadLocal<>();

        static Session getSession() {
            Session s = CURRENT.get();
            if (s == null) {
                s = factory.openSession();
                CURRENT.set(s);
            }
            return s;
        }

        static void beginTransaction() {
            getSession().beginTransaction();
        }

        static void commitTransaction() {
            getSession().getTransaction().commit();
        }

        static void rollbackTransaction() {
            Transaction tx = getSession().getTransaction();
            if (tx.isActive()) {
                tx.rollback();
            }
        }
    }

    /** Singleton connection holder reached through a call chain. */
    static final class Conn {
        private static final Conn INSTANCE = new Conn();
        private Session session;

        static Conn instance() {
            return INSTANCE;
        }

        Session getSession() {
            return session;
        }
    }

    private final SessionFactory sf;
    private Transaction transaction;

    BlindHibernateRealLeakCases(SessionFactory sf) {
        this.sf = sf;
    }

    // ---- openSession / beginTransaction without rollback ----

    void saveLeaks(Post p) {
        Session s = sf.openSession();
        Transaction tx = s.beginTransaction();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        s.persist(p);
        tx.commit();
        s.close();
    }

    void saveIsClean(Post p) {
        Session s = sf.openSession();
        Transaction tx = null;
        try {
            tx = s.beginTransaction();
            s.persist(p);
            tx.commit();
        } catch (RuntimeException e) {
            if (tx != null) {
                tx.rollback();
            }
            throw e;
        } finally {
            s.close();
        }
    }

    // Session closed in finally, no rollback: only the close ends the transaction on the exception path.
    void saveClosedInFinallyEndedByClose(Post p) {
        Session s = sf.openSession();
        try {
            Transaction tx = s.beginTransaction();
            s.persist(p);
            tx.commit();
        } finally {
            // BUG: Diagnostic contains: [TransactionEndedByClose]
            s.close();
        }
    }

    // ---- HibernateUtil begin/commit helpers (wrapper slot: the no-argument static accessor) ----

    void publishLeaks(Post p) {
        HibernateUtil.beginTransaction();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        HibernateUtil.getSession().merge(p);
        if (p.draft) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
        }
        HibernateUtil.commitTransaction();
    }

    void publishIsClean(Post p) {
        HibernateUtil.beginTransaction();
        try {
            HibernateUtil.getSession().merge(p);
            if (p.draft) {
                HibernateUtil.rollbackTransaction();
                return;
            }
            HibernateUtil.commitTransaction();
        } catch (RuntimeException e) {
            HibernateUtil.rollbackTransaction();
            throw e;
        }
    }

    // Begins on the thread-bound (borrowed) session and never ends: a begin wrapper, the caller commits.
    Post loadForEditIsClean(long id) {
        HibernateUtil.beginTransaction();
        return HibernateUtil.getSession().get(Post.class, id);
    }

    // ---- begin on a call chain ----

    void chainLeaks(Post p) {
        Transaction tx = Conn.instance().getSession().beginTransaction();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        Conn.instance().getSession().persist(p);
        if (p.draft) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
        }
        tx.commit();
    }

    void chainIsClean(Post p) {
        Transaction tx = Conn.instance().getSession().beginTransaction();
        try {
            Conn.instance().getSession().persist(p);
            if (p.draft) {
                tx.rollback();
                return;
            }
            tx.commit();
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }

    // ---- transaction handle kept in a field that the method itself ends ----
    // "Storing the handle into a field of this object at the begin is not a hand-off for a method that is responsible by rule 1".

    void fieldHandleLeaks(Session s, Post p) {
        this.transaction = s.beginTransaction();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        s.persist(p);
        this.transaction.commit();
    }

    void fieldHandleIsClean(Session s, Post p) {
        this.transaction = s.beginTransaction();
        try {
            s.persist(p);
            this.transaction.commit();
        } catch (RuntimeException e) {
            this.transaction.rollback();
            throw e;
        }
    }

    // Borrowed current session, begun and never ended here: a begin wrapper (request filter commits).
    void beginForRequestIsClean() {
        sf.getCurrentSession().beginTransaction();
        sf.getCurrentSession().createMutationQuery("update Post set views = views + 1").executeUpdate();
    }

    // ---- status guards in catch (rollback-only) ----
    // "a status test that accepts only the active status ... may be false while the transaction is open" after an exception.

    void strictStatusGuardLeaks(Post p) {
        Session s = sf.getCurrentSession();
        Transaction tx = s.beginTransaction();
        try {
            s.persist(p);
            tx.commit();
        } catch (RuntimeException e) {
            if (tx.getStatus() == TransactionStatus.ACTIVE) {
                tx.rollback();
            }
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw e;
        }
    }

    // canRollback() counts the marked state as active: a full guard.
    void fullStatusGuardIsClean(Post p) {
        Session s = sf.getCurrentSession();
        Transaction tx = s.beginTransaction();
        try {
            s.persist(p);
            tx.commit();
        } catch (RuntimeException e) {
            if (tx.getStatus().canRollback()) {
                tx.rollback();
            }
            throw e;
        }
    }

    // ---- retry loop that begins again after a swallowed failure ----

    void retryLeaks(Session s, Post p) {
        for (int attempt = 0; attempt < 3; attempt++) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            Transaction tx = s.beginTransaction();
            try {
                s.persist(p);
                tx.commit();
                return;
            } catch (RuntimeException e) {
                LOG.warning("attempt failed: " + e);
            }
        }
    // BUG: Diagnostic contains: [UncommittedTransaction]
    }

    void retryIsClean(Session s, Post p) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Transaction tx = s.beginTransaction();
            try {
                s.persist(p);
                tx.commit();
                return;
            } catch (RuntimeException e) {
                tx.rollback();
                LOG.warning("attempt failed: " + e);
            }
        }
    }
}
