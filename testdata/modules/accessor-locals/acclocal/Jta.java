package acclocal;

import jakarta.transaction.UserTransaction;

/** A registry reached through a static accessor chain, as application servers' transaction helpers are. */
final class Jta {
  interface Factory {
    UserTransaction getUserTransaction();
  }

  private static Factory factory;

  private Jta() {}

  static Factory getInstance() {
    return factory;
  }

  static void begin() throws Exception {
    UserTransaction ut = Jta.getInstance().getUserTransaction();
    ut.begin();
  }

  static void commit() throws Exception {
    UserTransaction ut = Jta.getInstance().getUserTransaction();
    ut.commit();
  }

  static void rollback() throws Exception {
    UserTransaction ut = Jta.getInstance().getUserTransaction();
    ut.rollback();
  }
}
