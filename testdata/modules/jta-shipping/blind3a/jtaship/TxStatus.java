package blind3a.jtaship;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

/**
 * Static JTA status helpers (query wrappers on a parameter). getStatus() declares
 * SystemException; the helpers turn it into an unchecked exception so that callers can use them
 * in conditions without a try.
 */
public final class TxStatus {

    private TxStatus() {
    }

    /** Complete test: anything but STATUS_NO_TRANSACTION (MARKED_ROLLBACK included) is open. */
    public static boolean isOpen(UserTransaction ut) {
        try {
            return ut.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Incomplete test: only STATUS_ACTIVE (a MARKED_ROLLBACK transaction is still open). */
    public static boolean isActive(UserTransaction ut) {
        try {
            return ut.getStatus() == Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Complete test spelled as ACTIVE or MARKED_ROLLBACK. */
    public static boolean isActiveOrMarked(UserTransaction ut) {
        try {
            return ut.getStatus() == Status.STATUS_ACTIVE
                    || ut.getStatus() == Status.STATUS_MARKED_ROLLBACK;
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
