package blind3a.jtaship;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Injected unit-of-work helper over a container UserTransaction held in a field (its methods
 * are deliberately not named begin/commit/rollback).
 */
public class TxContext {

    private static final Logger LOG = Logger.getLogger(TxContext.class.getName());

    private final UserTransaction ut;

    public TxContext(UserTransaction ut) {
        this.ut = ut;
    }

    /** Begin wrapper on the field. */
    public void beginWork() throws NotSupportedException, SystemException {
        ut.begin();
    }

    /** End wrapper on the field. */
    public void commitWork()
            throws RollbackException, HeuristicMixedException, HeuristicRollbackException,
                    SystemException {
        ut.commit();
    }

    /** End wrapper: guarded by a complete status test, failure swallowed. */
    public void rollbackWork() {
        try {
            if (TxStatus.isOpen(ut)) {
                ut.rollback();
            }
        } catch (SystemException e) {
            LOG.log(Level.WARNING, "rollback failed", e);
        }
    }

    /** Instance query wrapper on the field, through a complete static query wrapper. */
    public boolean isWorkActive() {
        return TxStatus.isOpen(ut);
    }

    /** Instance query wrapper on the field, through the incomplete (STATUS_ACTIVE only) one. */
    public boolean isStrictlyActive() {
        return TxStatus.isActive(ut);
    }
}
