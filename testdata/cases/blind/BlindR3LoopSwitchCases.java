package cases.blind;

import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.bson.Document;

/**
 * Loops and switches: begin inside loops with continue/break (plain and labeled), retry loops
 * that roll back (or not) before beginning again, MongoDB's transient-error retry loop, switch
 * statements with and without default, switch expressions with yield.
 *
 * Readings used: a break/yield that leaves the block containing the begin and after which the
 * method exits without an end is reported at that break/yield. Every begin here is followed on
 * some path by a commit, so the method is responsible even though the EntityManager is a field.
 */
public class BlindR3LoopSwitchCases {

  enum Op { INSERT, UPDATE, DELETE }

  enum Shape { SINGLE, PAIR }

  enum Purge { NOTHING, STALE }

  private EntityManager em;

  static void log(Throwable t) {
    System.err.println("attempt failed: " + t);
  }

  // ---------------------------------------------------------------- continue / break

  public int saveEachSkippingBadOnesIsClean(List<Object> items) {
    EntityTransaction tx = em.getTransaction();
    int saved = 0;
    for (Object item : items) {
      if (item == null) {
        continue;
      }
      tx.begin();
      try {
        em.persist(item);
        tx.commit();
      } catch (PersistenceException e) {
        tx.rollback();
        continue;
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
      saved++;
    }
    return saved;
  }

  public void saveUntilNullLeaks(List<Object> items) {
    EntityTransaction tx = em.getTransaction();
    for (Object item : items) {
      tx.begin();
      if (item == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        break;
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(item);
      tx.commit();
    }
  }

  public void saveUntilNullRollsBackIsClean(List<Object> items) {
    EntityTransaction tx = em.getTransaction();
    for (Object item : items) {
      tx.begin();
      try {
        if (item == null) {
          tx.rollback();
          break;
        }
        em.persist(item);
        tx.commit();
      } catch (RuntimeException e) {
        if (tx.isActive()) {
          tx.rollback();
        }
        throw e;
      }
    }
  }

  public void importBatchesLabeledBreakLeaks(List<List<Object>> batches) {
    EntityTransaction tx = em.getTransaction();
    batches:
    for (List<Object> batch : batches) {
      tx.begin();
      try {
        for (Object row : batch) {
          if (row == null) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            break batches;
          }
          em.persist(row);
        }
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
    }
  }

  public void importBatchesLabeledJumpsIsClean(List<List<Object>> batches) {
    EntityTransaction tx = em.getTransaction();
    batches:
    for (List<Object> batch : batches) {
      tx.begin();
      try {
        for (Object row : batch) {
          if (row == null) {
            tx.rollback();
            continue batches;
          }
          if (row instanceof String) {
            tx.rollback();
            break batches;
          }
          em.persist(row);
        }
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
    }
  }

  public void replayUntilDeleteLeaks(List<Op> ops, Object entity) {
    EntityTransaction tx = em.getTransaction();
    replay:
    for (Op op : ops) {
      tx.begin();
      try {
        switch (op) {
          case INSERT:
            em.persist(entity);
            break;
          case DELETE:
            // BUG: Diagnostic contains: [UncommittedTransaction]
            break replay;
          default:
            em.merge(entity);
            break;
        }
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
    }
  }

  public void replayWithSwitchBreaksIsClean(List<Op> ops, Object entity) {
    EntityTransaction tx = em.getTransaction();
    for (Op op : ops) {
      tx.begin();
      try {
        switch (op) {
          case INSERT:
            em.persist(entity);
            break;
          case UPDATE:
            em.merge(entity);
            break;
          default:
            em.remove(entity);
            break;
        }
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
    }
  }

  // ---------------------------------------------------------------- retry loops

  public void saveWithRetryIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    for (int attempt = 0; attempt < 3; attempt++) {
      tx.begin();
      try {
        em.merge(entity);
        tx.commit();
        return;
      } catch (OptimisticLockException e) {
        if (tx.isActive()) {
          tx.rollback();
        }
      } catch (RuntimeException e) {
        if (tx.isActive()) {
          tx.rollback();
        }
        throw e;
      }
    }
    throw new IllegalStateException("gave up after 3 attempts");
  }

  public void saveWithRetrySwallowsLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    for (int attempt = 0; attempt < 3; attempt++) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      tx.begin();
      try {
        em.merge(entity);
        tx.commit();
        return;
      } catch (RuntimeException e) {
        log(e);
      }
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    throw new IllegalStateException("gave up after 3 attempts");
  }

  public void mongoRetryAbortsIsClean(
      ClientSession session, MongoCollection<Document> coll, Document doc) {
    while (true) {
      session.startTransaction();
      try {
        coll.insertOne(session, doc);
        session.commitTransaction();
        return;
      } catch (MongoException e) {
        if (session.hasActiveTransaction()) {
          session.abortTransaction();
        }
        if (!e.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)) {
          throw e;
        }
      } catch (RuntimeException e) {
        if (session.hasActiveTransaction()) {
          session.abortTransaction();
        }
        throw e;
      }
    }
  }

  public void mongoRetryWithoutAbortLeaks(
      ClientSession session, MongoCollection<Document> coll, Document doc) {
    while (true) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      session.startTransaction();
      try {
        coll.insertOne(session, doc);
        session.commitTransaction();
        return;
      } catch (MongoException e) {
        if (!e.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)) {
          session.abortTransaction();
          throw e;
        }
      } catch (RuntimeException e) {
        session.abortTransaction();
        throw e;
      }
    }
  }

  // ---------------------------------------------------------------- switch statements

  public void applyWithoutDefaultLeaks(Op op, Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      switch (op) {
        case INSERT:
          em.persist(entity);
          tx.commit();
          break;
        case UPDATE:
          em.merge(entity);
          tx.commit();
          break;
        case DELETE:
          em.remove(entity);
          tx.commit();
          break;
      }
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public boolean applyWithDefaultIsClean(Op op, Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      switch (op) {
        case INSERT -> em.persist(entity);
        case UPDATE -> em.merge(entity);
        case DELETE -> em.remove(entity);
        default -> {
          tx.rollback();
          return false;
        }
      }
      tx.commit();
      return true;
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    }
  }

  public void caseReturnsEarlyLeaks(Op op, Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      switch (op) {
        case INSERT:
          em.persist(entity);
          break;
        case DELETE:
          if (!em.contains(entity)) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
          }
          em.remove(entity);
          break;
        default:
          em.merge(entity);
          break;
      }
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  // ---------------------------------------------------------------- switch expressions

  public int commitInEveryArmIsClean(Shape shape, Object a, Object b) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      int written = switch (shape) {
        case SINGLE -> {
          em.persist(a);
          tx.commit();
          yield 1;
        }
        case PAIR -> {
          em.persist(a);
          em.persist(b);
          tx.commit();
          yield 2;
        }
      };
      return written;
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    }
  }

  public int purgeDryRunYieldLeaks(Purge what, boolean dryRun) {
    EntityTransaction tx = em.getTransaction();
    int removed = switch (what) {
      case NOTHING -> 0;
      case STALE -> {
        tx.begin();
        try {
          int n = em.createQuery("delete from AuditEntry a where a.stale = true").executeUpdate();
          if (dryRun) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            yield n;
          }
          tx.commit();
          yield n;
        } catch (RuntimeException e) {
          tx.rollback();
          throw e;
        }
      }
    };
    return removed;
  }

  public void batchCommitEveryFiftyIsClean(List<Object> rows) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      int n = 0;
      for (Object row : rows) {
        em.persist(row);
        if (++n % 50 == 0) {
          tx.commit();
          em.clear();
          tx.begin();
        }
      }
      tx.commit();
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    }
  }
}
