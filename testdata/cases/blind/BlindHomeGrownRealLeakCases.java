package cases.blind;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.logging.Logger;

/**
 * Home-grown transaction APIs (zero config): a fluent Db facade, a store with
 * isTransactionActive(), a journal returning its own Tx handle, a graph whose query is reached
 * through getTransaction(), lambdas with inferred parameter types, and a JTA TransactionManager
 * reached through an enum singleton (X.INSTANCE.getTransactionManager()).
 *
 * Readings: parameters and fields are borrowed, so rule 1 decides for them; a zero-config call is
 * judged by the protocol, never by its (empty) body.
 */
public class BlindHomeGrownRealLeakCases {

    private static final Logger LOG = Logger.getLogger("store");

    /** Fluent facade: begin() returns the receiver's own type, so it begins on the receiver. */
    interface Db {
        Db begin();

        Db commit();

        Db rollback();

        Db exec(String sql);

        boolean inTransaction();
    }

    /** Store with a home-grown query name. */
    static final class Store {
        void beginTransaction() {
        }

        void commit() {
        }

        void rollback() {
        }

        boolean isTransactionActive() {
            return false;
        }

        void put(String k, String v) {
        }

        int size() {
            return 0;
        }
    }

    interface StoreWork {
        void run(Store s);
    }

    /** A returned home-grown handle. */
    static final class Tx {
        void commit() {
        }

        void rollback() {
        }
    }

    static final class Journal {
        Tx startTransaction() {
            return new Tx();
        }

        void append(String line) {
        }
    }

    /** Query reached through getTransaction() of the same object. */
    static final class TxState {
        boolean isActive() {
            return false;
        }
    }

    static final class Graph {
        void begin() {
        }

        void commit() {
        }

        void rollback() {
        }

        TxState getTransaction() {
            return new TxState();
        }

        void addNode(String name) {
        }
    }

    enum TxServices {
        INSTANCE;

        private TransactionManager tm;

        TransactionManager getTransactionManager() {
            return tm;
        }
    }

    static final class Ledger {
        void post(String entry) {
        }
    }

    private final Store store = new Store();
    private final Ledger ledger = new Ledger();

    void withStore(StoreWork work) {
        work.run(store);
    }

    // ---- fluent Db ----

    void applyLeaks(Db db, List<String> statements) {
        db.begin();
        for (String sql : statements) {
            if (sql == null) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return;
            }
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            db.exec(sql);
        }
        db.commit();
    }

    void applyIsClean(Db db, List<String> statements) {
        db.begin();
        try {
            for (String sql : statements) {
                if (sql == null) {
                    db.rollback();
                    return;
                }
                db.exec(sql);
            }
            db.commit();
        } finally {
            if (db.inTransaction()) {
                db.rollback();
            }
        }
    }

    void chainedBeginLeaks(Db db, String sql) {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        db.begin().exec(sql);
        db.commit();
    }

    void chainedBeginIsClean(Db db, String sql) {
        try {
            db.begin().exec(sql);
            db.commit();
        } catch (RuntimeException e) {
            db.rollback();
            throw e;
        }
    }

    // "an end of an earlier transaction before the begin does not count: commit(); begin(); is a begin wrapper".
    void checkpointIsClean(Db db) {
        db.commit();
        db.begin();
    }

    // ---- Store with isTransactionActive() ----
    // "an unchecked exception of unknown type ... may pass a narrower unchecked catch".

    void putLeaks(Store st, String k, String v) {
        st.beginTransaction();
        try {
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            st.put(k, v);
            st.commit();
        } catch (IllegalArgumentException e) {
            st.rollback();
            LOG.warning("bad key " + k);
        }
    }

    void putIsClean(Store st, String k, String v) {
        st.beginTransaction();
        try {
            st.put(k, v);
            st.commit();
        } finally {
            if (st.isTransactionActive()) {
                st.rollback();
            }
        }
    }

    // ---- lambdas with inferred parameter types ----

    void lambdaPutLeaks(String k) {
        withStore(s -> {
            s.beginTransaction();
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            s.put(k, "1");
            if (s.size() > 0) {
                s.commit();
            }
        // BUG: Diagnostic contains: [UncommittedTransaction]
        });
    }

    void lambdaPutIsClean(String k) {
        withStore(s -> {
            s.beginTransaction();
            try {
                s.put(k, "1");
                s.commit();
            } catch (RuntimeException e) {
                s.rollback();
                throw e;
            }
        });
    }

    // ---- returned handle (rule 3: a fresh home-grown handle that does not escape) ----

    void journalLeaks(Journal j, String line) {
        Tx tx = j.startTransaction();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        j.append(line);
    // BUG: Diagnostic contains: [UncommittedTransaction]
    }

    void journalIsClean(Journal j, String line) {
        Tx tx = j.startTransaction();
        try {
            j.append(line);
            tx.commit();
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }

    // "A method that hands the transaction off ... and never ends it is not responsible on any path, including exception paths before the hand-off."
    Tx openJournalIsClean(Journal j) {
        Tx tx = j.startTransaction();
        j.append("opened");
        return tx;
    }

    // ---- query reached through getTransaction() ----

    void addNodeIsClean(Graph g, String name) {
        g.begin();
        try {
            g.addNode(name);
            g.commit();
        } finally {
            if (g.getTransaction().isActive()) {
                g.rollback();
            }
        }
    }

    // ---- X.INSTANCE.getTransactionManager() (same spelling = same object) ----

    void postLeaks(String entry) throws Exception {
        TxServices.INSTANCE.getTransactionManager().begin();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        ledger.post(entry);
        TxServices.INSTANCE.getTransactionManager().commit();
    }

    void postIsClean(String entry) throws Exception {
        TxServices.INSTANCE.getTransactionManager().begin();
        try {
            ledger.post(entry);
            TxServices.INSTANCE.getTransactionManager().commit();
        } catch (Exception e) {
            if (TxServices.INSTANCE.getTransactionManager().getStatus() != Status.STATUS_NO_TRANSACTION) {
                TxServices.INSTANCE.getTransactionManager().rollback();
            }
            throw e;
        }
    }
}
