package org.example.tranlog;

import org.hibernate.Session;
import org.hibernate.Transaction;

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
