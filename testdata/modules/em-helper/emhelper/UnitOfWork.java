package emhelper;

import java.util.logging.Level;

/** Second-level wrappers over the helper, in their own file. */
final class UnitOfWork {
  private UnitOfWork() {}

  static void start(String name) {
    EntityManagerHelper.log("starting " + name, Level.FINE, null);
    EntityManagerHelper.beginTransaction();
  }

  static void finish() {
    EntityManagerHelper.commit();
    EntityManagerHelper.log("committed", Level.FINE, null);
  }

  static void abort() {
    if (EntityManagerHelper.isTransactionActive()) {
      EntityManagerHelper.rollback();
    }
  }
}
