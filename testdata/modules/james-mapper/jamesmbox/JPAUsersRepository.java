package jamesmbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;

/**
 * After James' JPA users repository: an EntityManager of its own per call, closed by
 * EntityManagerUtils.safelyClose in the finally (which ends no JPA transaction).
 */
public class JPAUsersRepository {
  private final EntityManagerFactory entityManagerFactory;

  public JPAUsersRepository(EntityManagerFactory entityManagerFactory) {
    this.entityManagerFactory = entityManagerFactory;
  }

  /** No transaction. */
  public boolean contains(String name) throws UsersRepositoryException {
    EntityManager entityManager = entityManagerFactory.createEntityManager();
    try {
      Long count =
          entityManager
              .createNamedQuery("containsUser", Long.class)
              .setParameter("name", name)
              .getSingleResult();
      return count > 0;
    } catch (PersistenceException e) {
      throw new UsersRepositoryException("Failed to find user " + name, e);
    } finally {
      EntityManagerUtils.safelyClose(entityManager);
    }
  }

  /** James' idiom: only PersistenceException is rolled back; any other failure leaves it open. */
  public void addUser(String username, String password) throws UsersRepositoryException {
    EntityManager entityManager = entityManagerFactory.createEntityManager();
    EntityTransaction transaction = entityManager.getTransaction();
    try {
      if (contains(username)) {
        throw new UsersRepositoryException(username + " already exists.");
      }
      transaction.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      JPAUser user = new JPAUser(username, hash(password));
      entityManager.persist(user);
      transaction.commit();
    } catch (PersistenceException e) {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      throw new UsersRepositoryException("Failed to add user " + username, e);
    } finally {
      EntityManagerUtils.safelyClose(entityManager);
    }
  }

  /** Commits before it reports a missing user, rolls back any unchecked failure: correct. */
  public void removeUser(String username) throws UsersRepositoryException {
    EntityManager entityManager = entityManagerFactory.createEntityManager();
    EntityTransaction transaction = entityManager.getTransaction();
    try {
      transaction.begin();
      int deleted =
          entityManager
              .createNamedQuery("deleteUserByName")
              .setParameter("name", username)
              .executeUpdate();
      transaction.commit();
      if (deleted < 1) {
        throw new UsersRepositoryException("User " + username + " does not exist");
      }
    } catch (RuntimeException e) {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      throw new UsersRepositoryException("Failed to remove user " + username, e);
    } finally {
      EntityManagerUtils.safelyClose(entityManager);
    }
  }

  /** The early return for an unknown user leaves the transaction open; the close does not end it. */
  public void updateUser(String username, String newPassword) throws UsersRepositoryException {
    EntityManager entityManager = entityManagerFactory.createEntityManager();
    EntityTransaction transaction = entityManager.getTransaction();
    try {
      transaction.begin();
      JPAUser user = entityManager.find(JPAUser.class, username);
      if (user == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      user.setPasswordHash(hash(newPassword));
      transaction.commit();
    } catch (RuntimeException e) {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      throw new UsersRepositoryException("Failed to update user " + username, e);
    } finally {
      EntityManagerUtils.safelyClose(entityManager);
    }
  }

  private static String hash(String password) {
    return Integer.toHexString(password.hashCode());
  }
}
