package rollerjpa;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.Query;
import javax.persistence.TypedQuery;

/**
 * The helper file, after Apache Roller's JPA persistence strategy: one EntityManager per thread,
 * a transaction begun on demand by getEntityManager(true) (only when none is active), committed
 * by flush() and rolled back by release() at the end of the request or task.
 */
public class JPAPersistenceStrategy {
  private final EntityManagerFactory emf;
  private final ThreadLocal<EntityManager> threadLocalEntityManager = new ThreadLocal<>();

  public JPAPersistenceStrategy(EntityManagerFactory emf) {
    this.emf = emf;
  }

  /** Commits the thread's transaction if there is one: an end wrapper (guarded by the query). */
  public void flush() throws WebloggerException {
    try {
      EntityManager em = getThreadLocalEntityManager();
      if (em.getTransaction().isActive()) {
        em.getTransaction().commit();
      }
    } catch (PersistenceException pe) {
      throw new WebloggerException(pe);
    }
  }

  /** Rolls back whatever was not flushed and closes the thread's EntityManager: an end wrapper. */
  public void release() {
    EntityManager em = getThreadLocalEntityManager();
    if (em.getTransaction().isActive()) {
      em.getTransaction().rollback();
    }
    em.close();
    threadLocalEntityManager.remove();
  }

  /** A begin wrapper: stores the object in the thread's transaction and leaves it open. */
  public Object store(Object obj) throws WebloggerException {
    EntityManager em = getEntityManager(true);
    if (!em.contains(obj)) {
      em.persist(obj);
    }
    return obj;
  }

  /** A begin wrapper. */
  public void remove(Object po) throws WebloggerException {
    EntityManager em = getEntityManager(true);
    em.remove(po);
  }

  /** Reads need no transaction: getEntityManager(false) begins nothing. */
  public <T> T load(Class<T> clazz, String id) throws WebloggerException {
    EntityManager em = getEntityManager(false);
    return em.find(clazz, id);
  }

  public <T> TypedQuery<T> getNamedQuery(String queryName, Class<T> resultClass) {
    EntityManager em = getEntityManager(false);
    return em.createNamedQuery(queryName, resultClass);
  }

  /** A begin wrapper returning a bulk-update query, not the EntityManager. */
  public Query getNamedUpdate(String queryName) throws WebloggerException {
    EntityManager em = getEntityManager(true);
    return em.createNamedQuery(queryName);
  }

  /** Begins only when asked to and when the thread has no active transaction yet. */
  public EntityManager getEntityManager(boolean isTransactionRequired) {
    EntityManager em = getThreadLocalEntityManager();
    if (isTransactionRequired && !em.getTransaction().isActive()) {
      em.getTransaction().begin();
    }
    return em;
  }

  /** The thread's EntityManager, created on first use: an accessor (its result is borrowed). */
  private EntityManager getThreadLocalEntityManager() {
    EntityManager em = threadLocalEntityManager.get();
    if (em == null) {
      em = emf.createEntityManager();
      threadLocalEntityManager.set(em);
    }
    return em;
  }
}
