package nxhelper;

import jakarta.transaction.UserTransaction;

/** The container registry the helper reaches the thread's UserTransaction through. */
public final class TxContainer {
  private static volatile UserTransaction userTransaction;

  private TxContainer() {}

  public static void install(UserTransaction ut) {
    userTransaction = ut;
  }

  public static UserTransaction getUserTransaction() {
    return userTransaction;
  }
}
