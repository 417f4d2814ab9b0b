package ofbutil;

import java.util.logging.Logger;

/** The dispatcher's wrappers: the begin flag comes back to end(), which commits or rolls back by it. */
final class ServiceTx {
  private static final Logger LOG = Logger.getLogger(ServiceTx.class.getName());

  private ServiceTx() {}

  static boolean beginFor(String serviceName, int timeout) throws GenericTransactionException {
    LOG.fine("Beginning transaction for service " + serviceName);
    return TransactionUtil.begin(timeout);
  }

  static void end(boolean began, Throwable failure) throws GenericTransactionException {
    if (failure != null) {
      TransactionUtil.rollback(began, "Service failed", failure);
    } else {
      TransactionUtil.commit(began);
    }
  }
}
