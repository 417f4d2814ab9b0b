// Realistic JTA payment service: jakarta UserTransaction (field), javax TransactionManager
// (field), javax UserTransaction looked up from JNDI (local). Leaks: catch whose STATUS_ACTIVE-only
// test misses a rollback-only transaction before rethrow, switch on an enum without default
// falling off the end, setTransactionTimeout() (not a protocol call) between begin and try,
// begun again while active on one branch, unprotected audit call after a loop with a failure flag.
// Clean: catch Exception with rollback, done flag + != STATUS_NO_TRANSACTION guard, MARKED_ROLLBACK
// branch on the normal path, retry loop with a full status guard.
package cases.realistic;

import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.List;
import javax.naming.InitialContext;
import javax.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class PaymentJtaService {

  private static final Logger log = LoggerFactory.getLogger(PaymentJtaService.class);
  private static final long LIMIT = 1_000_000L;

  enum PaymentType {
    CARD,
    WIRE
  }

  static class Payment {
    long id;
    String account;
    long cents;
    PaymentType type;
  }

  interface Gateway {
    void charge(Payment p);

    void refund(Payment p);

    void capture(Payment p);

    void reconcile(String account, long expected);
  }

  interface Ledger {
    void debit(String account, long cents);

    void credit(String account, long cents);

    long balance(String account);

    void audit(String message);
  }

  private final UserTransaction ut;
  private final TransactionManager tm;
  private final Gateway gateway;
  private final Ledger ledger;

  public PaymentJtaService(UserTransaction ut, TransactionManager tm, Gateway gateway, Ledger ledger) {
    this.ut = ut;
    this.tm = tm;
    this.gateway = gateway;
    this.ledger = ledger;
  }

  public void chargeIsClean(Payment p) throws Exception {
    ut.begin();
    try {
      ledger.debit(p.account, p.cents);
      gateway.charge(p);
      ut.commit();
    } catch (Exception e) {
      ut.rollback();
      throw e;
    }
  }

  public void refundLeaks(Payment p) throws Exception {
    ut.begin();
    try {
      ledger.credit(p.account, p.cents);
      gateway.refund(p);
      ut.commit();
    } catch (Exception e) {
      log.error("refund of payment {} failed", p.id, e);
      if (ut.getStatus() == Status.STATUS_ACTIVE) {
        ut.rollback();
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }

  public void captureIsClean(Payment p) throws Exception {
    boolean done = false;
    ut.begin();
    try {
      gateway.capture(p);
      ledger.debit(p.account, p.cents);
      ut.commit();
      done = true;
    } finally {
      if (!done && ut.getStatus() != Status.STATUS_NO_TRANSACTION) {
        ut.rollback();
      }
    }
  }

  public void settleBatchIsClean(List<Payment> batch) throws Exception {
    tm.setTransactionTimeout(120);
    tm.begin();
    try {
      for (Payment p : batch) {
        if (p.cents <= 0) {
          log.warn("invalid amount in payment {}, marking rollback-only", p.id);
          tm.setRollbackOnly();
          break;
        }
        ledger.debit(p.account, p.cents);
      }
      if (tm.getStatus() == javax.transaction.Status.STATUS_MARKED_ROLLBACK) {
        tm.rollback();
      } else {
        tm.commit();
      }
    } catch (Exception e) {
      if (tm.getStatus() != javax.transaction.Status.STATUS_NO_TRANSACTION) {
        tm.rollback();
      }
      throw e;
    }
  }

  public void routeLeaks(Payment p) throws Exception {
    tm.begin();
    try {
      switch (p.type) {
        case CARD:
          gateway.charge(p);
          tm.commit();
          return;
        case WIRE:
          ledger.debit(p.account, p.cents);
          tm.commit();
          return;
      }
    } catch (RuntimeException e) {
      tm.rollback();
      throw e;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void payoutLeaks(Payment p) throws Exception {
    ut.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    ut.setTransactionTimeout(30);
    try {
      ledger.debit(p.account, p.cents);
      gateway.charge(p);
      ut.commit();
    } catch (Exception e) {
      ut.rollback();
      throw e;
    }
  }

  public void reconcileWithRetryIsClean(String account) throws Exception {
    for (int attempt = 1; ; attempt++) {
      ut.begin();
      try {
        long expected = ledger.balance(account);
        gateway.reconcile(account, expected);
        ut.commit();
        return;
      } catch (RuntimeException e) {
        if (ut.getStatus() != Status.STATUS_NO_TRANSACTION) {
          ut.rollback();
        }
        if (attempt >= 3) {
          throw e;
        }
        log.warn("reconcile of {} failed, attempt {}", account, attempt);
      }
    }
  }

  public void splitSettlementLeaks(Payment p) throws Exception {
    ut.begin();
    try {
      ledger.debit(p.account, p.cents);
      if (p.cents > LIMIT) {
        ut.commit();
      }
      // BUG: Diagnostic contains: [UncommittedTransaction]
      ut.begin();
      ledger.credit(p.account, p.cents);
      ut.commit();
    } catch (Exception e) {
      if (ut.getStatus() != Status.STATUS_NO_TRANSACTION) {
        ut.rollback();
      }
      throw e;
    }
  }

  public void nightlyChargesLeaks(List<Payment> payments) throws Exception {
    javax.transaction.UserTransaction local =
        (javax.transaction.UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
    boolean failed = false;
    local.begin();
    for (Payment p : payments) {
      try {
        gateway.charge(p);
      } catch (RuntimeException e) {
        log.warn("charge {} failed", p.id, e);
        failed = true;
      }
    }
    if (failed) {
      local.rollback();
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    ledger.audit("nightly charges: " + payments.size());
    local.commit();
  }
}
