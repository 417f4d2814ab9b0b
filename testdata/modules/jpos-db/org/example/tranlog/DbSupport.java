package org.example.tranlog;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/** jPOS-style DB facade and a HibernateUtil-style thread-bound session (all clean). */
public final class DbSupport {

    static SessionFactory factory;

    private DbSupport() {
    }

    // Opens and closes a DB around the action; no transaction here.
    static <T> T exec(DBAction<T> action) {
        try (DB db = new DB()) {
            db.open();
            return action.exec(db);
        }
    }
}

interface DBAction<T> {
    T exec(DB db);
}

/**
 * Home-grown facade: declares no-arg commit() and rollback(), so db.beginTransaction() with its
 * result discarded is a zero-config begin on db; close() closes the session (a closer).
 */
final class DB implements AutoCloseable {
    private Session session;

    void open() {
        session = DbSupport.factory.openSession();
    }

    Session session() {
        return session;
    }

    Transaction beginTransaction() {
        return session.beginTransaction();
    }

    void commit() {
        session.getTransaction().commit();
    }

    void rollback() {
        Transaction tx = session.getTransaction();
        if (tx.isActive()) {
            tx.rollback();
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}

/** Thread-bound session with begin/commit/rollback helpers (slot: currentSession()). */
final class TxUtil {
    private static final ThreadLocal<Session> CURRENT = new ThreadLocal<>();

    private TxUtil() {
    }

    static Session currentSession() {
        Session s = CURRENT.get();
        if (s == null) {
            s = DbSupport.factory.openSession();
            CURRENT.set(s);
        }
        return s;
    }

    static void beginTransaction() {
        currentSession().beginTransaction();
    }

    static void commitTransaction() {
        currentSession().getTransaction().commit();
    }

    static void rollbackTransaction() {
        Transaction tx = currentSession().getTransaction();
        if (tx.isActive()) {
            tx.rollback();
        }
    }
}
