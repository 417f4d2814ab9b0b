package erpflag;

import javax.transaction.TransactionManager;
import javax.transaction.UserTransaction;

public interface TxFactory {
  UserTransaction getUserTransaction();

  TransactionManager getTransactionManager();
}
