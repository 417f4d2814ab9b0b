package org.example.tranlog;

import org.hibernate.Session;
import org.hibernate.Transaction;

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
