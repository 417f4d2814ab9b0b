package org.example.tranlog;

/**
 * Callers of the DB facade and of TxUtil, leaking and fixed.
 *
 * Readings: a try-with-resources DB is acquired and its close() (visible in DbSupport.java) closes
 * the session, so a path only that close ends is TransactionEndedByClose at the resource;
 * openUnitOfWork() is a begin wrapper of a begin wrapper, paired with TxUtil.commitTransaction()
 * through the slot TxUtil.currentSession().
 */
public class TranLogStore {

    static final class TranLog {
        String id;
    }

    // Begin wrapper (borrowed thread session, never ended here).
    void openUnitOfWork() {
        TxUtil.beginTransaction();
    }

    public void saveEndedByClose(TranLog log) {
        // BUG: Diagnostic contains: [TransactionEndedByClose]
        try (DB db = new DB()) {
            db.open();
            db.beginTransaction();
            db.session().persist(log);
            db.commit();
        }
    }

    public void saveIsClean(TranLog log) {
        try (DB db = new DB()) {
            db.open();
            db.beginTransaction();
            try {
                db.session().persist(log);
                db.commit();
            } catch (RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }

    public void updateLeaks(TranLog log) {
        DB db = new DB();
        db.open();
        db.beginTransaction();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        db.session().merge(log);
        db.commit();
        db.close();
    }

    public void updateIsClean(TranLog log) {
        DB db = new DB();
        try {
            db.open();
            db.beginTransaction();
            db.session().merge(log);
            db.commit();
        } catch (RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.close();
        }
    }

    public void recordLeaks(TranLog log) {
        openUnitOfWork();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        TxUtil.currentSession().persist(log);
        if (log.id == null) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
        }
        TxUtil.commitTransaction();
    }

    public void recordIsClean(TranLog log) {
        openUnitOfWork();
        try {
            TxUtil.currentSession().persist(log);
            if (log.id == null) {
                TxUtil.rollbackTransaction();
                return;
            }
            TxUtil.commitTransaction();
        } catch (RuntimeException e) {
            TxUtil.rollbackTransaction();
            throw e;
        }
    }

    public TranLog findIsClean(String id) {
        return TxUtil.currentSession().get(TranLog.class, id);
    }

    public void lambdaLeaks(TranLog log) {
        DbSupport.exec(db -> {
            db.beginTransaction();
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            db.session().persist(log);
            db.commit();
            return null;
        });
    }

    public void lambdaIsClean(TranLog log) {
        DbSupport.exec(db -> {
            db.beginTransaction();
            try {
                db.session().persist(log);
                db.commit();
            } catch (RuntimeException e) {
                db.rollback();
                throw e;
            }
            return null;
        });
    }
}
