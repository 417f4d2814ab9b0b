package nxstatus;

import javax.transaction.UserTransaction;

/** The container's transaction manager, as Nuxeo's NuxeoContainer hands it out (null when none is installed). */
public final class Container {
  private static UserTransaction userTransaction;

  private Container() {}

  public static void install(UserTransaction ut) {
    userTransaction = ut;
  }

  public static UserTransaction getUserTransaction() {
    return userTransaction;
  }
}
