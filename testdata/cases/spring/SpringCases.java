// Covers: Spring PlatformTransactionManager: getTransaction(def) begins, commit(status) and
// rollback(status) end, status.isCompleted() (true = ended) is the query. Leaks: early return,
// exception escaping, commit only on one branch, status never ended, nested statuses. Clean:
// catch-rollback-rethrow, finally with !isCompleted() guard, TransactionTemplate.execute /
// executeWithoutResult, @Transactional.
//
// Reading chosen: the handle is the returned TransactionStatus; a local status that never
// escapes makes the method responsible even though the manager is a field (the manager is the
// owner, not the handle).
package cases.spring;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

public class SpringCases {

  interface Repo {
    void save(Object o);
  }

  private final PlatformTransactionManager ptm;
  private final TransactionTemplate template;
  private final Repo repo;
  private final TransactionDefinition def = new DefaultTransactionDefinition();

  public SpringCases(PlatformTransactionManager ptm, TransactionTemplate template, Repo repo) {
    this.ptm = ptm;
    this.template = template;
    this.repo = repo;
  }

  public void earlyReturnLeaks(boolean skip) {
    TransactionStatus status = ptm.getTransaction(new DefaultTransactionDefinition());
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    ptm.commit(status);
  }

  public void exceptionEscapesLeaks(Object o) {
    TransactionStatus status = ptm.getTransaction(def);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    repo.save(o);
    ptm.commit(status);
  }

  public void statusNeverEndedLeaks(Object o) {
    TransactionStatus status = ptm.getTransaction(def);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    repo.save(o);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void commitOnlyWhenValidLeaks(boolean valid) {
    TransactionStatus status = ptm.getTransaction(def);
    if (valid) {
      ptm.commit(status);
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void catchRollbackRethrowIsClean(Object o) {
    TransactionStatus status = ptm.getTransaction(def);
    try {
      repo.save(o);
    } catch (RuntimeException e) {
      ptm.rollback(status);
      throw e;
    }
    ptm.commit(status);
  }

  public void finallyIsCompletedGuardIsClean(Object o) {
    TransactionStatus status = ptm.getTransaction(def);
    try {
      repo.save(o);
      ptm.commit(status);
    } finally {
      if (!status.isCompleted()) {
        ptm.rollback(status);
      }
    }
  }

  public void isCompletedReturnIsInfeasibleIsClean() {
    TransactionStatus status = ptm.getTransaction(def);
    if (status.isCompleted()) {
      return;
    }
    ptm.commit(status);
  }

  public void nestedStatusesOuterLeaks(boolean abort) {
    TransactionStatus outer = ptm.getTransaction(def);
    TransactionStatus inner = ptm.getTransaction(def);
    ptm.commit(inner);
    if (abort) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    ptm.commit(outer);
  }

  public TransactionStatus returningTheStatusIsClean() {
    TransactionStatus status = ptm.getTransaction(def);
    return status;
  }

  public Object templateExecuteIsClean(Object o) {
    return template.execute(status -> {
      repo.save(o);
      return o;
    });
  }

  public void templateExecuteWithoutResultIsClean(Object o) {
    template.executeWithoutResult(status -> repo.save(o));
  }

  @Transactional
  public void annotatedTransactionalIsClean(Object o) {
    repo.save(o);
  }

  public void catchRuntimeExceptionAndErrorIsClean(Object o) {
    TransactionStatus status = ptm.getTransaction(def);
    try {
      repo.save(o);
      status.setRollbackOnly();
    } catch (RuntimeException | Error e) {
      ptm.rollback(status);
      throw e;
    }
    ptm.commit(status);
  }

  public void rollbackOnEarlyReturnIsClean(boolean skip) {
    TransactionStatus status = ptm.getTransaction(def);
    if (skip) {
      ptm.rollback(status);
      return;
    }
    ptm.commit(status);
  }
}
