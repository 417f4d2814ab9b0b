// Adversarial: lambdas and anonymous classes that begin/end in their own bodies (nested two deep),
// local classes, method references capturing a handle or only its owner, handles stored into
// fields/arrays/collections/maps, handles passed to outside methods with and without an ending
// word in their names, hand-off on one path with an end on another.
package cases.adversarial;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

public class LambdaHandoffCases {

  static class Unit {
    void begin() {}

    void commit() {}

    void rollback() {}
  }

  static void log(Object o) {}

  private final List<Runnable> callbacks = new ArrayList<>();
  private final Map<String, Transaction> open = new HashMap<>();
  private EntityTransaction pending;

  public Runnable lambdaOwnTxIsClean(EntityManagerFactory emf) {
    return () -> {
      EntityManager em = emf.createEntityManager();
      EntityTransaction tx = em.getTransaction();
      tx.begin();
      try {
        em.persist("x");
        tx.commit();
      } finally {
        if (tx.isActive()) {
          tx.rollback();
        }
      }
    };
  }

  public Runnable lambdaFallsOffEndLeaks(boolean flag) {
    return () -> {
      Unit u = new Unit();
      u.begin();
      if (flag) {
        u.commit();
      }
      // BUG: Diagnostic contains: [UncommittedTransaction]
    };
  }

  public Supplier<Runnable> anonymousInsideLambdaLeaks(EntityManagerFactory emf, Object a) {
    return () ->
        new Runnable() {
          @Override
          public void run() {
            EntityManager em = emf.createEntityManager();
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            em.persist(a);
            tx.commit();
          }
        };
  }

  public Supplier<Runnable> anonymousInsideLambdaIsClean(EntityManagerFactory emf, Object a) {
    return () ->
        new Runnable() {
          @Override
          public void run() {
            EntityManager em = emf.createEntityManager();
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
              em.persist(a);
              tx.commit();
            } catch (RuntimeException e) {
              tx.rollback();
              throw e;
            }
          }
        };
  }

  public Function<Object, Runnable> lambdaInLambdaReturnLeaks(SessionFactory sf) {
    return entity ->
        () -> {
          Session s = sf.openSession();
          Transaction tx = s.beginTransaction();
          if (entity == null) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
          }
          try {
            s.persist(entity);
            tx.commit();
          } catch (RuntimeException e) {
            tx.rollback();
            throw e;
          }
        };
  }

  public Callable<Integer> lambdaInsideAnonymousLeaks(DataSource ds, String sql) {
    return new Callable<Integer>() {
      @Override
      public Integer call() {
        Function<Connection, Integer> f =
            c -> {
              try {
                c.setAutoCommit(false);
                // BUG: Diagnostic contains: [UncommittedTransactionOnException]
                int n = c.createStatement().executeUpdate(sql);
                c.commit();
                return n;
              } catch (SQLException e) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return -1;
              }
            };
        return 0;
      }
    };
  }

  public Runnable captureHandleInReturnedLambdaIsSilent(EntityManagerFactory emf, Object a) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    em.persist(a);
    return () -> tx.commit();
  }

  public Runnable handOffOnOnePathEndOnAnotherLeaks(EntityManagerFactory emf, int mode) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    if (mode == 0) {
      return () -> tx.commit();
    }
    if (mode == 1) {
      tx.commit();
      return null;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
    return null;
  }

  public void methodRefCapturesHandleIsSilent(EntityManagerFactory emf) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    callbacks.add(tx::commit);
  }

  public Runnable methodRefReturnedIsSilent(SessionFactory sf) {
    Session s = sf.openSession();
    Transaction tx = s.beginTransaction();
    return tx::rollback;
  }

  public void methodRefOnOwnerOnlyLeaks(EntityManagerFactory emf, List<Object> items) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    items.forEach(em::persist);
    tx.commit();
  }

  public Runnable anonymousCapturesHandleIsSilent(SessionFactory sf) {
    Session s = sf.openSession();
    Transaction tx = s.beginTransaction();
    return new Runnable() {
      @Override
      public void run() {
        tx.commit();
      }
    };
  }

  public void localClassMethodLeaks(DataSource ds, String sql) {
    class Job {
      void run() throws SQLException {
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        c.prepareStatement(sql).executeUpdate();
        c.commit();
      }
    }
    try {
      new Job().run();
    } catch (SQLException e) {
      log(e);
    }
  }

  public void localClassMethodIsClean(DataSource ds, String sql) throws SQLException {
    class Job {
      void run() throws SQLException {
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        try {
          c.prepareStatement(sql).executeUpdate();
          c.commit();
        } finally {
          if (!c.getAutoCommit()) {
            c.rollback();
          }
        }
      }
    }
    new Job().run();
  }

  public void storeHandleInFieldIsSilent(EntityManagerFactory emf, Object a) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    em.persist(a);
    pending = tx;
  }

  public void storeHandleInArrayParamIsSilent(SessionFactory sf, Transaction[] out) {
    Session s = sf.openSession();
    Transaction tx = s.beginTransaction();
    s.persist("x");
    out[0] = tx;
  }

  public void storeHandleInMapFieldIsSilent(SessionFactory sf, String key) {
    Session s = sf.openSession();
    Transaction tx = s.beginTransaction();
    open.put(key, tx);
  }

  public List<Transaction> storeHandleInLocalListIsSilent(SessionFactory sf) {
    List<Transaction> txs = new ArrayList<>();
    Session s = sf.openSession();
    Transaction tx = s.beginTransaction();
    txs.add(tx);
    return txs;
  }

  public void storeOnOnePathCommitOnOtherLeaks(EntityManagerFactory emf, boolean keep, boolean ok) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    if (keep) {
      pending = tx;
      return;
    }
    if (ok) {
      tx.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void passToCompleteIsSilent(
      EntityManagerFactory emf, CompletableFuture<EntityTransaction> future) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    future.complete(tx);
  }

  public void passToRequireNonNullLeaks(EntityManagerFactory emf) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Objects.requireNonNull(tx);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void passOwnerToCollectionIsNotHandOffLeaks(SessionFactory sf, List<Session> sessions) {
    Session s = sf.openSession();
    Transaction tx = s.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    if (sessions.isEmpty()) {
      tx.commit();
      return;
    }
    sessions.add(s);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
