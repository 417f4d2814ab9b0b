package ofbutil;

import javax.transaction.TransactionManager;
import javax.transaction.UserTransaction;

public interface TransactionFactory {
  UserTransaction getUserTransaction();

  TransactionManager getTransactionManager();
}
