package cases.blind;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.transaction.RollbackException;
import javax.transaction.Status;
import javax.transaction.UserTransaction;

import jakarta.persistence.PersistenceException;
import org.hibernate.HibernateException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * Real transaction leaks (and their fixes) reproduced from public repositories: Hibernate and JTA.
 *
 * Readings used for the labels (all from the contract, docs/semantics.md):
 * - a module method that stores the session it opens into a field is an accessor, so its result is
 *   borrowed; the method that begins and commits on it is still responsible (rule 1);
 * - an unchecked exception of unknown type passes a catch of a narrower type and is caught by
 *   catch (Exception) / catch (Throwable);
 * - JTA: on a path that went through a catch after the begin, {@code getStatus() == STATUS_ACTIVE}
 *   may be false while the transaction is still open (marked rollback-only), so a finally that rolls
 *   back only under that test does not end it on that path ("Rollback-only" paragraph);
 * - a try-with-resources Hibernate Session ends the transaction on every exit (close rule); such
 *   methods are labelled clean for the two default rules (they would carry TransactionEndedByClose,
 *   which this file does not mark).
 */
public class BlindR4RealHibernateJtaCases {

    // ------------------------------------------------------------------------------------------
    // Source: hibernate/hibernate-orm,
    //   hibernate-testing/src/main/java/org/hibernate/testing/junit4/BaseNonConfigCoreFunctionalTestCase.java,
    //   cleanupTestData(). Reported in PR #1762 "HHH-11434 prevent failures in some tests from freezing
    //   the whole test suite" (the review asks for begin inside the try and a rollback in a catch);
    //   the method was later rewritten as doInHibernate(this::sessionFactory, s -> ...), whose helper
    //   (org.hibernate.testing.transaction.TransactionUtil.doInHibernate*) is reproduced below.
    //   openSession() keeps the session in the field `session`, as in the real base class.
    // ------------------------------------------------------------------------------------------
    static class Hhh11434 {
        private SessionFactory sessionFactory;
        private Session session;

        protected SessionFactory sessionFactory() {
            return sessionFactory;
        }

        protected Session openSession() throws HibernateException {
            session = sessionFactory().openSession();
            return session;
        }

        // Before: an exception from the delete leaves the transaction (and the session) open, and
        // the next test blocks on the locked rows.
        protected void cleanupTestDataLeaks() throws Exception {
            Session s = openSession();
            s.beginTransaction();
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            s.createQuery("delete from java.lang.Object").executeUpdate();
            s.getTransaction().commit();
            s.close();
        }

        // After: the work runs inside TransactionUtil.doInHibernate, which rolls back on any failure.
        protected void cleanupTestDataIsClean() throws Exception {
            TransactionUtil.doInHibernate(this::sessionFactory, s -> {
                s.createQuery("from java.lang.Object").getResultList().forEach(s::remove);
            });
        }
    }

    // Shape of org.hibernate.testing.transaction.TransactionUtil.doInHibernateSessionBuilder (hibernate-orm).
    static final class TransactionUtil {
        interface HibernateTransactionConsumer extends Consumer<Session> {
            default void beforeTransactionCompletion() {
            }

            default void afterTransactionCompletion() {
            }
        }

        private static final java.util.logging.Logger log =
                java.util.logging.Logger.getLogger(TransactionUtil.class.getName());

        static void doInHibernate(Supplier<SessionFactory> factorySupplier, HibernateTransactionConsumer function) {
            Session session = null;
            Transaction txn = null;
            try {
                session = factorySupplier.get().openSession();
                function.beforeTransactionCompletion();
                txn = session.beginTransaction();

                function.accept(session);
                if (!txn.getRollbackOnly()) {
                    txn.commit();
                } else {
                    try {
                        txn.rollback();
                    } catch (Exception e) {
                        log.severe("Rollback failure " + e);
                    }
                }
            } catch (Throwable t) {
                if (txn != null && txn.isActive()) {
                    try {
                        txn.rollback();
                    } catch (Exception e) {
                        log.severe("Rollback failure " + e);
                    }
                }
                throw t;
            } finally {
                function.afterTransactionCompletion();
                if (session != null) {
                    session.close();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Source: kitodo/kitodo-production,
    //   Kitodo-DataManagement/src/main/java/org/kitodo/data/database/persistence/BaseDAO.java
    //   (storeObject, removeObject) and HibernateUtil.java (getSession). Context: PR #1085 "Catch all
    //   type Exceptions for transaction rollback" (the rollback used to run only for HibernateException);
    //   the 2017 text of that PR is not available, these are the later try-with-resources versions.
    //   NOT a leak under the contract: the Session is a try-with-resources resource, so its close ends
    //   the transaction on the exception path (close rule). Only TransactionEndedByClose would report it.
    // ------------------------------------------------------------------------------------------
    static final class KitodoHibernateUtil {
        private static SessionFactory sessionFactory;
        private static final ThreadLocal<Session> threadSession = new ThreadLocal<>();

        static Session getSession() {
            Session session = threadSession.get();
            try {
                if (Objects.isNull(session)) {
                    SessionFactory sessionFactory = getSessionFactory();
                    if (Objects.nonNull(sessionFactory)) {
                        session = sessionFactory.openSession();
                    }
                }
                threadSession.set(session);
            } catch (HibernateException ex) {
                throw new IllegalStateException(ex);
            }
            return session;
        }

        private static SessionFactory getSessionFactory() {
            return sessionFactory;
        }
    }

    static class DAOException extends Exception {
        DAOException(Throwable cause) {
            super(cause);
        }
    }

    static class KitodoBaseDao {
        private static final Object lockObject = new Object();

        void storeObjectEndedByClose(Object object) throws DAOException {
            // BUG: Diagnostic contains: [TransactionEndedByClose]
            try (Session session = KitodoHibernateUtil.getSession()) {
                Transaction transaction = session.beginTransaction();
                session.saveOrUpdate(object);
                session.flush();
                transaction.commit();
            } catch (PersistenceException e) {
                throw new DAOException(e);
            }
        }

        static void removeObjectEndedByClose(Class<?> cls, Integer objectId) throws DAOException {
            // BUG: Diagnostic contains: [TransactionEndedByClose]
            try (Session session = KitodoHibernateUtil.getSession()) {
                Transaction transaction = session.beginTransaction();
                synchronized (lockObject) {
                    Object object = session.load(cls, objectId);
                    session.delete(object);
                    session.flush();
                    transaction.commit();
                }
            } catch (PersistenceException e) {
                throw new DAOException(e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Source: jboss-developer/jboss-eap-quickstarts PR #32 "Quickstart 18 - Programatic control of
    //   transactional behaviour", bmt/src/main/java/org/jboss/as/quickstarts/bmt/ManagedComponent.java.
    //   Reviewer (pmuir): "I'm interested that you don't do a rollback here?" on the catch below.
    //   The merged quickstart (wildfly/quickstart and jboss-eap-quickstarts, bmt/ManagedComponent.java and
    //   bmt/UnManagedComponent.java) added a finally that rolls back only when
    //   getStatus() == Status.STATUS_ACTIVE. That still misses a transaction the failure marked
    //   rollback-only (STATUS_MARKED_ROLLBACK) -- the bug AxonFramework/cdi#27 reports and PR #28 fixes
    //   for the same test -- so by the contract's rollback-only rule the merged versions leak too.
    //   Container annotations (@Stateless, @Inject, @PersistenceContext) are dropped.
    // ------------------------------------------------------------------------------------------
    static class KVPair {
        private String key;
        private String value;

        KVPair(String key, String value) {
            this.key = key;
            this.value = value;
        }

        String getKey() {
            return key;
        }

        String getValue() {
            return value;
        }

        void setValue(String value) {
            this.value = value;
        }
    }

    // The helper of the version reviewed in PR #32 was static.
    static final class UnManagedComponentPr32 {
        static String updateKeyValueDatabase(EntityManager entityManager, String key, String value) {
            KVPair kvPair = entityManager.find(KVPair.class, key);
            if (kvPair == null) {
                kvPair = new KVPair(key, value);
                entityManager.persist(kvPair);
            } else {
                kvPair.setValue(value);
                entityManager.persist(kvPair);
            }
            return kvPair.getKey() + "=" + kvPair.getValue();
        }
    }

    static class ManagedComponentPr32 {
        private EntityManager entityManager;
        private UserTransaction ut;

        // Before (as reviewed): a failure after begin is swallowed and the BMT transaction stays
        // associated with the thread.
        public String updateKeyValueDatabaseLeaks(String key, String value) {
            try {
                ut.begin();
                String result = UnManagedComponentPr32.updateKeyValueDatabase(entityManager, key, value);
                ut.commit();
                return result;
            } catch (Exception e) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return e.getMessage();
            }
        }
    }

    static class ManagedComponent {
        private EntityManager entityManager;
        private UserTransaction userTransaction;
        private UnManagedComponent helper;

        // After (merged quickstart): the finally rolls back only a STATUS_ACTIVE transaction; after the
        // failure the status may be STATUS_MARKED_ROLLBACK and the transaction stays open.
        public String updateKeyValueDatabaseStatusActiveGuardLeaks(String key, String value) {
            try {
                userTransaction.begin();

                String result = helper.updateKeyValueDatabase(entityManager, key, value);

                userTransaction.commit();

                return result;
            } catch (Exception e) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return e.getMessage();
            } finally {
                try {
                    if (userTransaction.getStatus() == Status.STATUS_ACTIVE)
                        userTransaction.rollback();
                } catch (Throwable e) {
                    // ignore
                }
            }
        }
    }

    static class UnManagedComponent {
        private EntityManagerFactory entityManagerFactory;
        private UserTransaction userTransaction;

        // Same guard as ManagedComponent. The RollbackException catch is clean: only commit() declares
        // it, and commit ends the transaction even when it throws; the generic catch is the leak.
        public String updateKeyValueDatabaseStatusActiveGuardLeaks(String key, String value) {
            EntityManager entityManager = entityManagerFactory.createEntityManager();

            try {
                userTransaction.begin();

                entityManager.joinTransaction();

                String result = updateKeyValueDatabase(entityManager, key, value);

                userTransaction.commit();

                return result;
            } catch (RollbackException e) {
                Throwable t = e.getCause();

                return t != null ? t.getMessage() : e.getMessage();
            } catch (Exception e) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return e.getMessage();
            } finally {
                try {
                    if (userTransaction.getStatus() == Status.STATUS_ACTIVE)
                        userTransaction.rollback();
                } catch (Throwable e) {
                    // ignore
                }

                entityManager.close();
            }
        }

        @SuppressWarnings("unchecked")
        public String updateKeyValueDatabase(EntityManager entityManager, String key, String value) {
            StringBuilder sb = new StringBuilder();

            if (key == null || key.length() == 0) {
                final List<KVPair> list = entityManager.createQuery("select k from KVPair k").getResultList();

                for (KVPair kvPair : list)
                    sb.append(kvPair.getKey()).append("=").append(kvPair.getValue()).append(',');

            } else {
                KVPair kvPair;

                if (value == null) {
                    kvPair = new KVPair(key, value);

                    entityManager.refresh(kvPair);
                } else {
                    kvPair = entityManager.find(KVPair.class, key);

                    if (kvPair == null) {
                        kvPair = new KVPair(key, value);
                        entityManager.persist(kvPair);
                    } else {
                        kvPair.setValue(value);
                        entityManager.persist(kvPair);
                    }
                }

                sb.append(kvPair.getKey()).append("=").append(kvPair.getValue());
            }

            return sb.toString();
        }
    }
}
