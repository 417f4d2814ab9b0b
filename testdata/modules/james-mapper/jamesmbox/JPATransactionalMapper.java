package jamesmbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;

/**
 * The JPA side, after James' JPATransactionalMapper: a lazily created EntityManager kept in a
 * field, begin/commit wrapping PersistenceException into the checked MailboxException, a rollback
 * guarded by isActive(), and endRequest() that only closes the EntityManager.
 */
public abstract class JPATransactionalMapper extends TransactionalMapper {
  protected EntityManagerFactory entityManagerFactory;
  protected EntityManager entityManager;

  protected JPATransactionalMapper(EntityManagerFactory entityManagerFactory) {
    this.entityManagerFactory = entityManagerFactory;
  }

  /** The current EntityManager, or a new one: an accessor. */
  public EntityManager getEntityManager() {
    if (entityManager != null) {
      return entityManager;
    }
    entityManager = entityManagerFactory.createEntityManager();
    return entityManager;
  }

  @Override
  protected void begin() throws MailboxException {
    try {
      getEntityManager().getTransaction().begin();
    } catch (PersistenceException e) {
      throw new MailboxException("Begin of transaction failed", e);
    }
  }

  @Override
  protected void commit() throws MailboxException {
    try {
      getEntityManager().getTransaction().commit();
    } catch (PersistenceException e) {
      throw new MailboxException("Commit of transaction failed", e);
    }
  }

  @Override
  protected void rollback() throws MailboxException {
    EntityTransaction transaction = getEntityManager().getTransaction();
    if (transaction.isActive()) {
      transaction.rollback();
    }
  }

  /** Closes the EntityManager: for JPA this ends no transaction. */
  public void endRequest() {
    if (entityManager != null) {
      if (entityManager.isOpen()) {
        entityManager.close();
      }
      entityManager = null;
    }
  }
}
