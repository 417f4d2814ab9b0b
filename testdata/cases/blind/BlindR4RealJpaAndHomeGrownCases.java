package cases.blind;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

/**
 * Real transaction code from public repositories that the contract labels clean: a home-grown
 * begin/commit/rollback manager whose reported "leak" is an Error (not modelled), and two JPA helpers
 * whose end wrappers run in a finally.
 *
 * Readings used for the labels (from the contract):
 * - home-grown zero-config protocol: a no-arg begin() on a receiver (here the implicit this) whose type
 *   declares no-arg commit() and rollback() begins on that receiver; those calls are judged by the
 *   protocol, not by their bodies;
 * - Errors are not modelled, so "no rollback on Error" is not a finding;
 * - an end wrapper (every normal exit leaves the parameter's or the field's transaction ended, or
 *   guarded by isActive()) called in a finally ends the transaction on every exit, also through a
 *   no-arg helper on the same field (wrappers of wrappers).
 */
public class BlindR4RealJpaAndHomeGrownCases {

    // ------------------------------------------------------------------------------------------
    // Source: witoldsz/ultm, src/main/java/com/github/witoldsz/ultm/internal/ThreadLocalTxManager.java.
    //   Issue #5 "No commit/rollback on `Error`" quotes txUnwrappedResult (first method below): a JUnit
    //   fail() (an AssertionError) inside the unit skips both commit and rollback, the connection is
    //   never released and the next test hangs. PR #6 "ThreadLocalTxManager: never miss a rollback #5"
    //   is the proposed fix (its diff is not available). txChecked (second method) is the later shape of
    //   the same class, with a beforeCommit flag.
    //   NOT leaks under the contract: Errors are not modelled, and every Exception path rolls back.
    //   WrappedConnection is reduced to a plain Connection held in the ThreadLocal.
    // ------------------------------------------------------------------------------------------
    interface UnitOfWorkCall<T> {
        T call() throws Exception;
    }

    interface UnitOfWorkChecked {
        void run() throws Exception;
    }

    static class UnitOfWorkException extends RuntimeException {
        UnitOfWorkException(Throwable cause) {
            super(cause);
        }
    }

    static class ThreadLocalTxManager {
        private static final Object TRANSACTION_MARKER = new Object();

        private final ThreadLocal<Object> connections = new ThreadLocal<>();

        public <T> T txUnwrappedResultIsClean(UnitOfWorkCall<T> unit) throws Exception {
            begin();
            try {
                T result = unit.call();
                commit();
                return result;
            } catch (Exception e) {
                rollback();
                throw e;
            }
        }

        public void txCheckedIsClean(UnitOfWorkChecked w) throws Exception {
            begin();
            boolean beforeCommit = true;
            try {
                w.run();
                beforeCommit = false;
                commit();
            } catch (Exception e) {
                if (beforeCommit) rollback();
                throw e;
            }
        }

        public void begin() {
            throwIfAlreadyAssigned();
            connections.set(TRANSACTION_MARKER);
        }

        public void commit() {
            pullDelegatedConnection().ifPresent(delegated -> {
                try {
                    delegated.commit();
                    delegated.close();
                } catch (SQLException ex) {
                    throw new UnitOfWorkException(ex);
                }
            });
        }

        public void rollback() {
            pullDelegatedConnection().ifPresent(delegated -> {
                try {
                    delegated.rollback();
                    delegated.close();
                } catch (SQLException ex) {
                    throw new UnitOfWorkException(ex);
                }
            });
        }

        private Optional<Connection> pullDelegatedConnection() {
            Object c = connections.get();
            if (c == null) {
                throw new IllegalStateException("Transaction is not active.");
            }
            connections.remove();
            return c == TRANSACTION_MARKER ? Optional.empty() : Optional.of((Connection) c);
        }

        private void throwIfAlreadyAssigned() {
            if (connections.get() != null) {
                throw new IllegalStateException("Transaction is in progress already.");
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Source: cloudfoundry/multiapps-controller,
    //   multiapps-controller-persistence/src/main/java/org/cloudfoundry/multiapps/controller/persistence/
    //   TransactionalExecutor.java and Executor.java (same code earlier in com.sap.cloud.lm.sl.cf.core.dao).
    //   The transactional execute() has no catch and no rollback of its own; it relies on cleanUp() in its
    //   finally, which rolls back an active transaction of the field `manager` before closing it.
    //   Clean: cleanUp() -> rollbackTransactionIfActive() is an end wrapper on the field's transaction.
    //   (The real method overrides execute(); it is renamed here for the naming convention.)
    // ------------------------------------------------------------------------------------------
    static class Executor<T> {
        protected final EntityManager manager;

        Executor(EntityManager manager) {
            this.manager = manager;
        }

        public T execute(Function<EntityManager, T> function) {
            try {
                return function.apply(manager);
            } finally {
                cleanUp();
            }
        }

        protected void cleanUp() {
            if (manager != null) {
                try {
                    rollbackTransactionIfActive();
                } finally {
                    manager.close();
                }
            }
        }

        protected void rollbackTransactionIfActive() {
            EntityTransaction transaction = manager.getTransaction();

            if (transaction != null && transaction.isActive()) {
                transaction.rollback();
            }
        }
    }

    static class TransactionalExecutor<T> extends Executor<T> {
        TransactionalExecutor(EntityManager manager) {
            super(manager);
        }

        public T executeIsClean(Function<EntityManager, T> function) {
            T result = null;
            try {
                EntityTransaction transaction = manager.getTransaction();
                transaction.begin();

                result = function.apply(manager);

                transaction.commit();
            } finally {
                cleanUp();
            }
            return result;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Source: CMSgov/beneficiary-fhir-data,
    //   apps/bfd-pipeline/bfd-pipeline-shared-utils/src/main/java/gov/cms/bfd/pipeline/sharedutils/
    //   TransactionUtil.java (executeFunction / closeEntityManager); replaced in PR #1621 "PACA-962:
    //   Improved EntityManager management" by TransactionManager, which adds completeFailedTransaction().
    //   Clean: closeEntityManager(em, shouldCommit) commits or rolls back on both values of its boolean,
    //   so it is an end wrapper for its parameter whatever the caller passes, and it runs in a finally.
    // ------------------------------------------------------------------------------------------
    @FunctionalInterface
    interface ThrowingFunction<R, A, E extends Exception> {
        R apply(A arg) throws E;
    }

    static final class TransactionUtil {
        private TransactionUtil() {
        }

        public static <T, E extends Exception> T executeFunctionIsClean(
                EntityManagerFactory entityManagerFactory,
                ThrowingFunction<T, EntityManager, E> functionLogic)
                throws E {
            final var entityManager = entityManagerFactory.createEntityManager();
            var shouldCommit = false;
            try {
                entityManager.getTransaction().begin();
                var result = functionLogic.apply(entityManager);
                shouldCommit = true;
                return result;
            } finally {
                closeEntityManager(entityManager, shouldCommit);
            }
        }

        private static void closeEntityManager(EntityManager entityManager, boolean shouldCommit) {
            try {
                if (shouldCommit) {
                    entityManager.getTransaction().commit();
                } else {
                    entityManager.getTransaction().rollback();
                }
            } finally {
                entityManager.close();
            }
        }
    }
}
