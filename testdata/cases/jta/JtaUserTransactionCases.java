// Covers: JTA jakarta.transaction.UserTransaction. Leaks: early return, exception escaping, the
// rollback-only subtlety (getStatus() == STATUS_ACTIVE as the only guard in finally or catch),
// begin while active. Clean: catch-rollback-rethrow, begin inside try with a full status guard
// (!= STATUS_NO_TRANSACTION, ACTIVE || MARKED_ROLLBACK), committed flag, status on the normal
// path, a begin wrapper on the injected field.
//
// Notes: begin() declares NotSupportedException/SystemException and getStatus() declares
// SystemException; per the contract protocol calls are not throwing points and queries are
// assumed not to throw. In catchStatusActiveOnlyLeaksAtRethrow the exception that leaves the
// method is thrown by `throw e` in the catch, so the finding is at that throw statement.
package cases.jta;

import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

public class JtaUserTransactionCases {

  interface Service {
    void work();

    void log(String message);
  }

  private final UserTransaction utx;
  private final Service service;

  public JtaUserTransactionCases(UserTransaction utx, Service service) {
    this.utx = utx;
    this.service = service;
  }

  public void earlyReturnLeaks(boolean skip) throws Exception {
    utx.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    utx.commit();
  }

  public void exceptionEscapesLeaks() throws Exception {
    utx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    service.work();
    utx.commit();
  }

  public void catchRollbackRethrowIsClean() throws Exception {
    utx.begin();
    try {
      service.work();
      utx.commit();
    } catch (Exception e) {
      service.log("rolling back");
      utx.rollback();
      throw e;
    }
  }

  public void finallyStatusActiveOnlyLeaksOnException() throws Exception {
    utx.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      service.work();
      utx.commit();
    } finally {
      if (utx.getStatus() == Status.STATUS_ACTIVE) {
        utx.rollback();
      }
    }
  }

  public void finallyNotNoTransactionGuardIsClean() throws Exception {
    utx.begin();
    try {
      service.work();
      utx.commit();
    } finally {
      if (utx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        utx.rollback();
      }
    }
  }

  public void finallyActiveOrMarkedRollbackIsClean() throws Exception {
    utx.begin();
    try {
      service.work();
      utx.commit();
    } finally {
      if (utx.getStatus() == Status.STATUS_ACTIVE
          || utx.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
        utx.rollback();
      }
    }
  }

  public void catchStatusActiveOnlyLeaksAtRethrow() throws Exception {
    utx.begin();
    try {
      service.work();
      utx.commit();
    } catch (Exception e) {
      if (utx.getStatus() == Status.STATUS_ACTIVE) {
        utx.rollback();
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }

  public void beginInsideTryWithFullGuardIsClean() throws Exception {
    try {
      utx.begin();
      service.work();
      utx.commit();
    } catch (Exception e) {
      if (utx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        utx.rollback();
      }
      throw e;
    }
  }

  public void statusActiveOnTheNormalPathIsClean() throws Exception {
    utx.begin();
    if (utx.getStatus() == Status.STATUS_ACTIVE) {
      utx.commit();
    }
  }

  public void committedFlagIsClean() throws Exception {
    boolean committed = false;
    utx.begin();
    try {
      service.work();
      utx.commit();
      committed = true;
    } finally {
      if (!committed) {
        utx.rollback();
      }
    }
  }

  public void begunAgainWhileActive() throws Exception {
    utx.begin();
    // BUG: Diagnostic contains: [UncommittedTransaction]
    utx.begin();
    utx.commit();
  }

  /** Begin wrapper: begins on the injected field and never ends it; not a leak. */
  public void beginWrapperOnFieldIsClean() throws Exception {
    utx.begin();
  }

  public void callerOfBeginWrapperEarlyReturnLeaks(boolean skip) throws Exception {
    beginWrapperOnFieldIsClean();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    utx.commit();
  }

  public void configureBeforeBeginIsClean() throws Exception {
    utx.setTransactionTimeout(30);
    utx.begin();
    try {
      service.work();
      utx.commit();
    } catch (RuntimeException e) {
      utx.rollback();
      throw e;
    }
  }
}
