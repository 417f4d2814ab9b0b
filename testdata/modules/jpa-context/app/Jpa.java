package app;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

/**
 * Thread-bound EntityManager helpers. Slot of the begin/end wrappers: the no-argument static
 * accessor em() (settled detail 5), which keeps its object in a ThreadLocal, so for callers the
 * object is borrowed and rule 1 alone decides.
 */
public final class Jpa {
  public enum Mode {
    READ,
    WRITE
  }

  private static EntityManagerFactory emf;
  private static final ThreadLocal<EntityManager> CURRENT = new ThreadLocal<>();

  private Jpa() {}

  public static void init(EntityManagerFactory factory) {
    emf = factory;
  }

  public static EntityManager em() {
    EntityManager em = CURRENT.get();
    if (em == null) {
      em = emf.createEntityManager();
      CURRENT.set(em);
    }
    return em;
  }

  public static void beginTransaction() {
    em().getTransaction().begin();
  }

  public static void commitTransaction() {
    em().getTransaction().commit();
  }

  public static void rollbackTransaction() {
    EntityTransaction tx = em().getTransaction();
    if (tx.isActive()) {
      tx.rollback();
    }
  }

  public static void beginIf(boolean needTx) {
    if (needTx) {
      em().getTransaction().begin();
    }
  }

  public static void join(Mode mode) {
    if (mode == Mode.WRITE) {
      em().getTransaction().begin();
    }
  }

  public static void completeIf(Mode mode) {
    if (mode == Mode.WRITE) {
      em().getTransaction().commit();
    }
  }

  /** Keeps the object it returns (read from the ThreadLocal through em()): borrowed for callers. */
  public static EntityManager beginOnCurrent() {
    EntityManager em = em();
    em.getTransaction().begin();
    return em;
  }

  /** Begins on a new EntityManager kept nowhere: a fresh begin for callers (rule 3). */
  public static EntityManager newTransactionalEm() {
    EntityManager em = emf.createEntityManager();
    em.getTransaction().begin();
    return em;
  }
}
