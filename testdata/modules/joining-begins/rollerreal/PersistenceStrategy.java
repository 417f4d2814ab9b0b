package rollerreal;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.Query;

/**
 * After Apache Roller's JPAPersistenceStrategy as it is written: getEntityManager(true) begins only when the thread
 * has no active transaction (it joins one that is), and flush() commits through getEntityManager(true), so it
 * begins first when nothing is active. For callers flush() is an end wrapper and store() a begin wrapper that joins.
 */
public class PersistenceStrategy {
  private final ThreadLocal<EntityManager> threadLocalEntityManager = new ThreadLocal<EntityManager>();
  private final EntityManagerFactory emf;

  public PersistenceStrategy(EntityManagerFactory emf) {
    this.emf = emf;
  }

  /** Begins if nothing is active, then commits: after it the thread has no active transaction. No finding. */
  public void flush() throws AppException {
    try {
      EntityManager em = getEntityManager(true);
      em.getTransaction().commit();
    } catch (PersistenceException pe) {
      throw new AppException(pe);
    }
  }

  /** Rolls back what is active and closes: an end wrapper. */
  public void release() {
    EntityManager em = null;
    try {
      em = getEntityManager(false);
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
    } catch (Exception e) {
      // logged in Roller
    } finally {
      if (em != null) {
        em.close();
      }
      threadLocalEntityManager.remove();
    }
  }

  /** A begin wrapper that joins the thread's transaction. */
  public Object store(Object obj) throws AppException {
    EntityManager em = getEntityManager(true);
    if (!em.contains(obj)) {
      em.persist(obj);
    }
    return obj;
  }

  /** A begin wrapper returning a query, not the EntityManager. */
  public Query getNamedUpdate(String queryName) throws AppException {
    EntityManager em = getEntityManager(true);
    return em.createNamedQuery(queryName);
  }

  /** Reads begin nothing. */
  public Query getNamedQuery(String queryName) throws AppException {
    EntityManager em = getEntityManager(false);
    return em.createNamedQuery(queryName);
  }

  public EntityManager getEntityManager(boolean isTransactionRequired) {
    EntityManager em = getThreadLocalEntityManager();
    if (isTransactionRequired && !em.getTransaction().isActive()) {
      em.getTransaction().begin();
    }
    return em;
  }

  private EntityManager getThreadLocalEntityManager() {
    EntityManager em = threadLocalEntityManager.get();
    if (em == null) {
      em = emf.createEntityManager();
      threadLocalEntityManager.set(em);
    }
    return em;
  }
}
