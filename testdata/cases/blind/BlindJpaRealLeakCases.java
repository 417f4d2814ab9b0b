package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Shapes of resource-local JPA transaction leaks fixed in real DAOs (Roller, DSpace, Keycloak-style
 * JPA stores, Hive's ObjectStore) and their fixed versions.
 *
 * Readings: EntityManager.close() does not end a resource-local transaction ("Closing the object");
 * a parameter's nullness or a plain field's value is not part of the state, so both branches of
 * such tests are feasible.
 */
public class BlindJpaRealLeakCases {

    static final class Item {
        String name;
        boolean dirty;

        Item(String name) {
            this.name = name;
        }

        boolean isDirty() {
            return dirty;
        }
    }

    enum Op { CREATE, DELETE }

    private static final Object DEFAULT = "-";

    private final EntityManagerFactory emf;
    private EntityManager em;

    BlindJpaRealLeakCases(EntityManagerFactory emf) {
        this.emf = emf;
    }

    EntityManager getEntityManager() {
        return em;
    }

    // Wrapper that begins on a field only when asked; it never ends: a begin wrapper, not a leak.
    EntityManager getEntityManager(boolean startTransaction) {
        if (startTransaction) {
            em.getTransaction().begin();
        }
        return em;
    }

    // ---- early return after begin ----

    void saveWithEarlyReturnLeaks(Item item) {
        EntityManager manager = emf.createEntityManager();
        manager.getTransaction().begin();
        if (item.name == null) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
        }
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        manager.persist(item);
        manager.getTransaction().commit();
        manager.close();
    }

    void saveWithEarlyReturnIsClean(Item item) {
        EntityManager manager = emf.createEntityManager();
        EntityTransaction tx = manager.getTransaction();
        try {
            tx.begin();
            if (item.name == null) {
                tx.rollback();
                return;
            }
            manager.persist(item);
            tx.commit();
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            manager.close();
        }
    }

    // ---- exception between begin and commit, no rollback ----

    void mergeAllLeaks(List<Item> items) {
        EntityManager manager = emf.createEntityManager();
        EntityTransaction tx = manager.getTransaction();
        tx.begin();
        for (Item i : items) {
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            manager.merge(i);
        }
        tx.commit();
        manager.close();
    }

    void mergeAllIsClean(List<Item> items) {
        EntityManager manager = emf.createEntityManager();
        EntityTransaction tx = manager.getTransaction();
        tx.begin();
        try {
            for (Item i : items) {
                manager.merge(i);
            }
            tx.commit();
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            manager.close();
        }
    }

    // ---- commit only under a condition ----

    void commitOnlyWhenDirtyLeaks(Item item) {
        EntityManager manager = emf.createEntityManager();
        manager.getTransaction().begin();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        Item merged = manager.merge(item);
        if (merged.isDirty()) {
            manager.getTransaction().commit();
        }
        // EntityManager.close() does not end a resource-local JPA transaction.
        manager.close();
    // BUG: Diagnostic contains: [UncommittedTransaction]
    }

    void commitOnlyWhenDirtyIsClean(Item item) {
        EntityManager manager = emf.createEntityManager();
        EntityTransaction tx = manager.getTransaction();
        tx.begin();
        try {
            Item merged = manager.merge(item);
            if (merged.isDirty()) {
                tx.commit();
            } else {
                tx.rollback();
            }
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            manager.close();
        }
    }

    // ---- a switch case that returns ----

    void applyCodeLeaks(int code, Item item) {
        EntityManager manager = emf.createEntityManager();
        EntityTransaction tx = manager.getTransaction();
        tx.begin();
        switch (code) {
            case 1:
                // BUG: Diagnostic contains: [UncommittedTransactionOnException]
                manager.persist(item);
                break;
            case 2:
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return;
            default:
                manager.remove(item);
                break;
        }
        tx.commit();
        manager.close();
    }

    void applyCodeIsClean(int code, Item item) {
        EntityManager manager = emf.createEntityManager();
        EntityTransaction tx = manager.getTransaction();
        tx.begin();
        try {
            switch (code) {
                case 1:
                    manager.persist(item);
                    break;
                case 2:
                    tx.rollback();
                    return;
                default:
                    manager.remove(item);
                    break;
            }
            tx.commit();
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            manager.close();
        }
    }

    // "A switch statement without default has a path on which no case matches (an enum may gain constants)".
    void resolveWithoutDefaultLeaks(Op op) {
        EntityManager manager = emf.createEntityManager();
        EntityTransaction tx = manager.getTransaction();
        tx.begin();
        switch (op) {
            case CREATE:
                tx.commit();
                break;
            case DELETE:
                tx.rollback();
                break;
        }
    // BUG: Diagnostic contains: [UncommittedTransaction]
    }

    // "a switch expression does not" have a no-match path.
    int resolveSwitchExpressionIsClean(Op op) {
        EntityManager manager = emf.createEntityManager();
        EntityTransaction tx = manager.getTransaction();
        tx.begin();
        int result = switch (op) {
            case CREATE -> {
                tx.commit();
                yield 1;
            }
            case DELETE -> {
                tx.rollback();
                yield 0;
            }
        };
        return result;
    }

    // ---- getEntityManager().getTransaction().begin() chains (same spelling = same object) ----

    void renameThroughGetterLeaks(Item item, String name) {
        getEntityManager().getTransaction().begin();
        if (name == null) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
        }
        item.name = name;
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        getEntityManager().merge(item);
        getEntityManager().getTransaction().commit();
    }

    void renameThroughGetterIsClean(Item item, String name) {
        getEntityManager().getTransaction().begin();
        try {
            if (name == null) {
                getEntityManager().getTransaction().rollback();
                return;
            }
            item.name = name;
            getEntityManager().merge(item);
            getEntityManager().getTransaction().commit();
        } catch (RuntimeException e) {
            if (getEntityManager().getTransaction().isActive()) {
                getEntityManager().getTransaction().rollback();
            }
            throw e;
        }
    }

    // A wrapper that begins only when its boolean parameter is true, called with false: no begin.
    Item findWithoutTransactionIsClean(Object id) {
        EntityManager manager = getEntityManager(false);
        return manager.find(Item.class, id);
    }

    // ---- ten unrelated null tests between begin and commit (Hive ObjectStore shape) ----

    void importRowLeaks(Map<String, Object> row) {
        EntityManager manager = emf.createEntityManager();
        EntityTransaction tx = manager.getTransaction();
        tx.begin();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        Object a = row.get("a");
        if (a == null) {
            a = DEFAULT;
        }
        Object b = row.get("b");
        if (b == null) {
            b = DEFAULT;
        }
        Object c = row.get("c");
        if (c == null) {
            c = DEFAULT;
        }
        Object d = row.get("d");
        if (d == null) {
            d = DEFAULT;
        }
        Object e = row.get("e");
        if (e == null) {
            e = DEFAULT;
        }
        Object f = row.get("f");
        if (f == null) {
            f = DEFAULT;
        }
        Object g = row.get("g");
        if (g == null) {
            g = DEFAULT;
        }
        Object h = row.get("h");
        if (h == null) {
            h = DEFAULT;
        }
        Object i = row.get("i");
        if (i == null) {
            i = DEFAULT;
        }
        Object owner = row.get("owner");
        if (owner == null) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
        }
        manager.persist(List.of(a, b, c, d, e, f, g, h, i, owner));
        tx.commit();
        manager.close();
    }

    void importRowIsClean(Map<String, Object> row) {
        EntityManager manager = emf.createEntityManager();
        EntityTransaction tx = manager.getTransaction();
        boolean committed = false;
        try {
            tx.begin();
            Object a = row.get("a");
            if (a == null) {
                a = DEFAULT;
            }
            Object b = row.get("b");
            if (b == null) {
                b = DEFAULT;
            }
            Object c = row.get("c");
            if (c == null) {
                c = DEFAULT;
            }
            Object d = row.get("d");
            if (d == null) {
                d = DEFAULT;
            }
            Object e = row.get("e");
            if (e == null) {
                e = DEFAULT;
            }
            Object f = row.get("f");
            if (f == null) {
                f = DEFAULT;
            }
            Object g = row.get("g");
            if (g == null) {
                g = DEFAULT;
            }
            Object h = row.get("h");
            if (h == null) {
                h = DEFAULT;
            }
            Object i = row.get("i");
            if (i == null) {
                i = DEFAULT;
            }
            Object owner = row.get("owner");
            if (owner == null) {
                return;
            }
            manager.persist(List.of(a, b, c, d, e, f, g, h, i, owner));
            tx.commit();
            committed = true;
        } finally {
            if (!committed) {
                tx.rollback();
            }
            manager.close();
        }
    }

    // ---- lambdas with inferred parameter types (each lambda body is its own unit) ----

    void lambdaSaveLeaks(List<Item> items) {
        BiConsumer<EntityManager, Item> save = (m, item) -> {
            m.getTransaction().begin();
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            m.persist(item);
            m.getTransaction().commit();
        };
        EntityManager shared = emf.createEntityManager();
        items.forEach(i -> save.accept(shared, i));
    }

    void lambdaSaveIsClean(List<Item> items) {
        BiConsumer<EntityManager, Item> save = (m, item) -> {
            m.getTransaction().begin();
            try {
                m.persist(item);
                m.getTransaction().commit();
            } catch (RuntimeException e) {
                m.getTransaction().rollback();
                throw e;
            }
        };
        EntityManager shared = emf.createEntityManager();
        items.forEach(i -> save.accept(shared, i));
    }

    void lambdaConditionalCommitLeaks(boolean flush) {
        Consumer<EntityManager> work = m -> {
            m.getTransaction().begin();
            if (flush) {
                m.getTransaction().commit();
            }
        // BUG: Diagnostic contains: [UncommittedTransaction]
        };
        work.accept(emf.createEntityManager());
    }

    void lambdaConditionalCommitIsClean(boolean flush) {
        Consumer<EntityManager> work = m -> {
            m.getTransaction().begin();
            if (flush) {
                m.getTransaction().commit();
            } else {
                m.getTransaction().rollback();
            }
        };
        work.accept(emf.createEntityManager());
    }
}
