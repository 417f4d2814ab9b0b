package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * Begins on call chains and repeated getters (same object, version 2), a fluent home-grown
 * Db, a handle kept in a field that the method itself ends, and home-grown query names.
 * Readings: the nested accessors return fields, so every object here is borrowed and rule 1
 * decides.
 */
public class BlindR2ChainAndHomeGrownCases {

  static final class Conn {
    private static final Conn INSTANCE = new Conn();
    private Session session;

    static Conn instance() {
      return INSTANCE;
    }

    Session getSession() {
      return session;
    }
  }

  enum TxHolder {
    INSTANCE;

    private TransactionManager tm;

    TransactionManager getTransactionManager() {
      return tm;
    }
  }

  interface Ledger {
    void post(Object entry);
  }

  interface Db<T> {
    Db<T> begin();

    Db<T> commit();

    Db<T> rollback();

    Db<T> insert(T row);

    boolean inTransaction();
  }

  interface UnitOfWork {
    void begin();

    void commit();

    void rollback();

    boolean isTransactionActive();

    void register(Object entity);
  }

  interface TxScope {
    void beginTransaction();

    void commit();

    void rollback();

    boolean hasActiveTransaction();

    void write(String data);
  }

  private EntityManager entityManager;
  private Session session;
  private Transaction transaction;

  EntityManager getEntityManager() {
    return entityManager;
  }

  void chainedSessionIsClean(Object entity) {
    Transaction tx = Conn.instance().getSession().beginTransaction();
    try {
      Conn.instance().getSession().persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  void chainedSessionDryRunLeaks(Object entity, boolean dryRun) {
    Transaction tx = Conn.instance().getSession().beginTransaction();
    if (dryRun) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    try {
      Conn.instance().getSession().persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  void entityManagerGetterTwiceIsClean(Object entity) {
    getEntityManager().getTransaction().begin();
    try {
      getEntityManager().persist(entity);
      getEntityManager().getTransaction().commit();
    } finally {
      if (getEntityManager().getTransaction().isActive()) {
        getEntityManager().getTransaction().rollback();
      }
    }
  }

  void entityManagerGetterTwiceLeaks(Object entity) {
    getEntityManager().getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    getEntityManager().merge(entity);
    getEntityManager().getTransaction().commit();
  }

  void transactionManagerInstanceIsClean(Ledger ledger, Object entry) throws Exception {
    TxHolder.INSTANCE.getTransactionManager().begin();
    try {
      ledger.post(entry);
      TxHolder.INSTANCE.getTransactionManager().commit();
    } catch (Exception e) {
      TxHolder.INSTANCE.getTransactionManager().rollback();
      throw e;
    }
  }

  void transactionManagerInstanceLeaks(Ledger ledger, Object entry) throws Exception {
    TxHolder.INSTANCE.getTransactionManager().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    ledger.post(entry);
    TxHolder.INSTANCE.getTransactionManager().commit();
  }

  void fluentDbIsClean(Db<String> db, List<String> rows) {
    db.begin();
    try {
      for (String row : rows) {
        db.insert(row);
      }
      db.commit();
    } finally {
      if (db.inTransaction()) {
        db.rollback();
      }
    }
  }

  void fluentDbLeaks(Db<String> db, List<String> rows) {
    db.begin();
    for (String row : rows) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      db.insert(row);
    }
    db.commit();
  }

  void fieldHandleIsClean(Object entity) {
    this.transaction = session.beginTransaction();
    try {
      session.persist(entity);
      this.transaction.commit();
    } catch (RuntimeException e) {
      this.transaction.rollback();
      throw e;
    }
  }

  void fieldHandleLeaks(Object entity) {
    this.transaction = session.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    session.merge(entity);
    this.transaction.commit();
  }

  void fieldHandleBeginOnlyIsClean() {
    this.transaction = session.beginTransaction();
  }

  void unitOfWorkIsClean(UnitOfWork uow, Object entity) {
    uow.begin();
    try {
      uow.register(entity);
      uow.commit();
    } finally {
      if (uow.isTransactionActive()) {
        uow.rollback();
      }
    }
  }

  void scopeSwallowedFailureLeaks(TxScope scope, String data, boolean publish) {
    scope.beginTransaction();
    try {
      scope.write(data);
    } catch (RuntimeException e) {
      scope.rollback();
    }
    if (scope.hasActiveTransaction() && publish) {
      scope.commit();
    }
  // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
