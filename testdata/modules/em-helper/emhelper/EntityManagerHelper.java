package emhelper;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Query;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The generated-style helper: one EntityManager per thread, static transaction methods on it. */
public final class EntityManagerHelper {
  private static final ThreadLocal<EntityManager> threadLocal = new ThreadLocal<>();
  private static final Logger logger = Logger.getLogger("emhelper");
  private static volatile EntityManagerFactory emf;

  private EntityManagerHelper() {}

  public static void init(EntityManagerFactory factory) {
    emf = factory;
  }

  public static EntityManager getEntityManager() {
    EntityManager manager = threadLocal.get();
    if (manager == null || !manager.isOpen()) {
      manager = emf.createEntityManager();
      threadLocal.set(manager);
    }
    return manager;
  }

  public static void closeEntityManager() {
    EntityManager em = threadLocal.get();
    threadLocal.set(null);
    if (em != null) {
      em.close();
    }
  }

  public static void beginTransaction() {
    EntityManager em = getEntityManager();
    em.getTransaction().begin();
  }

  public static void commit() {
    EntityManager em = getEntityManager();
    em.getTransaction().commit();
  }

  public static void rollback() {
    EntityManager em = getEntityManager();
    EntityTransaction tx = em.getTransaction();
    if (tx.isActive()) {
      tx.rollback();
    }
  }

  public static boolean isTransactionActive() {
    EntityManager em = getEntityManager();
    return em.getTransaction().isActive();
  }

  public static Query createQuery(String query) {
    return getEntityManager().createQuery(query);
  }

  /** Runs the work in a transaction of the thread's EntityManager, ended here on every path. */
  public static <R> R inTransaction(Function<EntityManager, R> work) {
    EntityManager em = getEntityManager();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      R result = work.apply(em);
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    }
  }

  public static void log(String info, Level level, Throwable ex) {
    logger.log(level, info, ex);
  }
}
