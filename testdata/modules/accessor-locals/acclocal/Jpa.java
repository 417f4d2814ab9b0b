package acclocal;

import jakarta.persistence.EntityManager;

/** Helpers that read the thread's EntityManager into a local before they begin or end on it. */
final class Jpa {
  private static final ThreadLocal<EntityManager> CURRENT = new ThreadLocal<>();

  private Jpa() {}

  static EntityManager em() {
    return CURRENT.get();
  }

  static void begin() {
    EntityManager em = em();
    em.getTransaction().begin();
  }

  static void commit() {
    EntityManager em = em();
    em.getTransaction().commit();
  }

  static void rollbackIfActive() {
    EntityManager em = em();
    if (em.getTransaction().isActive()) {
      em.getTransaction().rollback();
    }
  }
}
