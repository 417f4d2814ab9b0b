package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * State machines: a switch over an enum with a begin in one case. A switch statement without
 * default has a no-match path; a begin whose only end is in another case (no path from the begin
 * reaches it) on a borrowed session is a begin wrapper.
 */
public class BlindR2StateMachineCases {

  enum Op { INSERT, UPDATE, DELETE }

  enum Phase { OPEN, FLUSH, CLOSE }

  enum Command { SAVE, DELETE, PING }

  enum Step { BEGIN, WRITE, COMMIT }

  void applyWithoutDefaultLeaks(EntityManager em, Op op, Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    switch (op) {
      case INSERT:
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
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
  // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void applyWithDefaultIsClean(EntityManager em, Op op, Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      switch (op) {
        case INSERT:
          em.persist(entity);
          break;
        case UPDATE:
          em.merge(entity);
          break;
        case DELETE:
          em.remove(entity);
          break;
        default:
          throw new IllegalArgumentException("unknown op " + op);
      }
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  void stepBorrowedSessionIsClean(Session session, Phase phase) {
    switch (phase) {
      case OPEN:
        session.beginTransaction();
        break;
      case FLUSH:
        session.flush();
        break;
      case CLOSE:
        session.getTransaction().commit();
        break;
      default:
        break;
    }
  }

  String handleCommandLeaks(Session session, Command command, Object entity, boolean validateOnly) {
    switch (command) {
      case SAVE: {
        Transaction tx = session.beginTransaction();
        if (validateOnly) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          return "validated";
        }
        try {
          session.persist(entity);
          tx.commit();
        } catch (RuntimeException e) {
          tx.rollback();
          throw e;
        }
        return "saved";
      }
      case DELETE:
        session.remove(entity);
        return "deleted";
      default:
        return "pong";
    }
  }

  void replayStepsLeaks(EntityManager em, List<Step> steps, Object entity) {
    for (Step step : steps) {
      switch (step) {
        case BEGIN -> {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          em.getTransaction().begin();
        }
        case WRITE -> {
          // BUG: Diagnostic contains: [UncommittedTransactionOnException]
          em.persist(entity);
        }
        case COMMIT -> em.getTransaction().commit();
      }
    }
  // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
