package blind3a.hibdao;

import org.hibernate.Session;
import org.hibernate.Transaction;

/** Base class of the DAOs: protected helpers over the thread's session. */
public abstract class BaseDao {

    /** Accessor (borrowed: the thread's kept session). */
    protected Session session() {
        return HibernateUtil.currentSession();
    }

    /** Begin wrapper returning the handle it began (on the borrowed thread session). */
    protected Transaction beginTx() {
        return session().beginTransaction();
    }

    /** End wrapper on the parameter. */
    protected void commitTx(Transaction tx) {
        tx.commit();
    }

    /** End wrapper guarded by a wrapper of a query wrapper. */
    protected void rollbackTx(Transaction tx) {
        if (TxChecks.canRollback(tx)) {
            tx.rollback();
        }
    }

    /** Query wrapper of a query wrapper (instance, on the parameter). */
    protected boolean isActive(Transaction tx) {
        return HibernateUtil.isActive(tx);
    }
}
