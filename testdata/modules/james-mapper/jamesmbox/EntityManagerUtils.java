package jamesmbox;

import jakarta.persistence.EntityManager;

/** Closes quietly; closing an EntityManager does not end its transaction. */
public final class EntityManagerUtils {
  private EntityManagerUtils() {}

  public static void safelyClose(EntityManager entityManager) {
    if (entityManager != null) {
      try {
        entityManager.close();
      } catch (Exception e) {
        System.err.println("failed to close EntityManager: " + e);
      }
    }
  }
}
