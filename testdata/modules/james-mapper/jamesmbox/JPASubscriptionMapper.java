package jamesmbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.util.List;

/**
 * After James' subscription mapper: begins a local transaction only when none is active
 * (a boolean local from the query), commits only that one.
 */
public class JPASubscriptionMapper extends JPATransactionalMapper {

  public JPASubscriptionMapper(EntityManagerFactory entityManagerFactory) {
    super(entityManagerFactory);
  }

  /** James' idiom: the rollback catches PersistenceException only; other failures pass it. */
  public void save(String user, String mailbox) throws SubscriptionException {
    EntityManager entityManager = getEntityManager();
    EntityTransaction transaction = entityManager.getTransaction();
    boolean localTransaction = !transaction.isActive();
    if (localTransaction) {
      transaction.begin();
    }
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      JPASubscription found = findJpaSubscription(entityManager, user, mailbox);
      if (found == null) {
        entityManager.persist(new JPASubscription(user, mailbox));
      }
      if (localTransaction) {
        if (transaction.isActive()) {
          transaction.commit();
        }
      }
    } catch (PersistenceException e) {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      throw new SubscriptionException(e);
    }
  }

  /** The same idiom catching every unchecked failure: correct. */
  public void delete(String user, String mailbox) throws SubscriptionException {
    EntityManager entityManager = getEntityManager();
    EntityTransaction transaction = entityManager.getTransaction();
    boolean localTransaction = !transaction.isActive();
    if (localTransaction) {
      transaction.begin();
    }
    try {
      JPASubscription found = findJpaSubscription(entityManager, user, mailbox);
      if (found != null) {
        entityManager.remove(found);
      }
      if (localTransaction) {
        transaction.commit();
      }
    } catch (RuntimeException e) {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      throw new SubscriptionException(e);
    }
  }

  private JPASubscription findJpaSubscription(
      EntityManager entityManager, String user, String mailbox) {
    List<JPASubscription> found =
        entityManager
            .createNamedQuery("findFindMailboxSubscriptionForUser", JPASubscription.class)
            .setParameter("userParam", user)
            .setParameter("mailboxParam", mailbox)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }
}
