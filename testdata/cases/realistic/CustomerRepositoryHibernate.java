// Realistic Hibernate customer repository. Leaks: finally guarded by getStatus() == ACTIVE only,
// narrow HibernateException catch that swallows and returns false, getCurrentSession() with an
// early return, catch whose ACTIVE-only test misses a rollback-only transaction before return,
// Session in try-with-resources (closing the session ends nothing). Ended by close: a same-file
// method returning a begun handle of the caller's session, followed by a narrow catch and a close.
// Clean: tx != null guard, getStatus().canRollback() guard, ACTIVE || MARKED_ROLLBACK guard via a
// local, batch flush/clear with commit and beginTransaction again, storing the handle in a field.
package cases.realistic;

import java.util.List;
import org.hibernate.HibernateException;
import org.hibernate.LockMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class CustomerRepositoryHibernate {

  private static final Logger log = LoggerFactory.getLogger(CustomerRepositoryHibernate.class);
  private static final int BATCH = 100;

  static class Customer {
    Long id;
    String name;
    String email;
    String city;
    boolean active;
    int orders;
    long credit;
    long lastTouched;
  }

  record CustomerDto(String name, String email, String city) {}

  private final SessionFactory sessionFactory;
  private Transaction conversationTx;

  public CustomerRepositoryHibernate(SessionFactory sessionFactory) {
    this.sessionFactory = sessionFactory;
  }

  private static Customer toEntity(CustomerDto dto) {
    Customer customer = new Customer();
    customer.name = dto.name();
    customer.email = dto.email();
    customer.city = dto.city();
    customer.active = true;
    return customer;
  }

  public Long saveCustomerIsClean(CustomerDto dto) {
    Session session = sessionFactory.openSession();
    Transaction tx = null;
    try {
      tx = session.beginTransaction();
      Customer customer = toEntity(dto);
      session.persist(customer);
      tx.commit();
      return customer.id;
    } catch (RuntimeException e) {
      if (tx != null) {
        tx.rollback();
      }
      throw e;
    } finally {
      session.close();
    }
  }

  public void updateEmailEndedByClose(long id, String email) {
    Session session = sessionFactory.openSession();
    Transaction tx = session.beginTransaction();
    try {
      Customer customer = session.get(Customer.class, id);
      customer.email = email;
      session.flush();
      tx.commit();
    } finally {
      if (tx.getStatus() == TransactionStatus.ACTIVE) {
        tx.rollback();
      }
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      session.close();
    }
  }

  public void updateCityIsClean(long id, String city) {
    Session session = sessionFactory.openSession();
    Transaction tx = session.beginTransaction();
    try {
      Customer customer = session.get(Customer.class, id);
      customer.city = city;
      session.flush();
      tx.commit();
    } finally {
      if (tx.getStatus().canRollback()) {
        tx.rollback();
      }
      session.close();
    }
  }

  public void deleteCustomerIsClean(long id) {
    Session session = sessionFactory.openSession();
    Transaction tx = session.beginTransaction();
    try {
      Customer customer = session.get(Customer.class, id);
      if (customer != null) {
        session.remove(customer);
      }
      tx.commit();
    } catch (RuntimeException e) {
      TransactionStatus status = tx.getStatus();
      if (status == TransactionStatus.ACTIVE || status == TransactionStatus.MARKED_ROLLBACK) {
        tx.rollback();
      }
      throw e;
    } finally {
      session.close();
    }
  }

  public int deactivateDormantIsClean(List<Long> ids) {
    int done = 0;
    try (Session session = sessionFactory.openSession()) {
      session.beginTransaction();
      try {
        for (Long id : ids) {
          Customer customer = session.get(Customer.class, id);
          if (customer == null) {
            continue;
          }
          customer.active = false;
          if (++done % BATCH == 0) {
            session.flush();
            session.clear();
            session.getTransaction().commit();
            session.beginTransaction();
          }
        }
        session.getTransaction().commit();
      } catch (RuntimeException e) {
        if (session.getTransaction().isActive()) {
          session.getTransaction().rollback();
        }
        throw e;
      }
    }
    return done;
  }

  public boolean mergeDuplicatesEndedByClose(long keepId, long dropId) {
    Session session = sessionFactory.openSession();
    Transaction tx = session.beginTransaction();
    try {
      Customer keep = session.get(Customer.class, keepId);
      Customer drop = session.get(Customer.class, dropId);
      keep.orders += drop.orders;
      session.remove(drop);
      tx.commit();
      return true;
    } catch (HibernateException e) {
      log.error("merge of {} into {} failed", dropId, keepId, e);
      return false;
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      session.close();
    }
  }

  public void renameLeaks(long id, String name) {
    Session session = sessionFactory.getCurrentSession();
    Transaction tx = session.getTransaction();
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Customer customer = session.get(Customer.class, id);
    if (name.equals(customer.name)) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    customer.name = name;
    tx.commit();
  }

  public boolean tryReserveCreditEndedByClose(long id, long cents) {
    Session session = sessionFactory.openSession();
    Transaction tx = session.beginTransaction();
    try {
      Customer customer = session.get(Customer.class, id, LockMode.PESSIMISTIC_WRITE);
      if (customer.credit < cents) {
        tx.rollback();
        return false;
      }
      customer.credit -= cents;
      tx.commit();
      return true;
    } catch (RuntimeException e) {
      log.warn("credit reservation failed for {}", id, e);
      if (tx.getStatus() == TransactionStatus.ACTIVE) {
        tx.rollback();
      }
      return false;
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      session.close();
    }
  }

  private Transaction startBatch(Session session) {
    log.debug("starting import batch");
    return session.beginTransaction();
  }

  /** Version 2 (settled detail 4): startBatch(session) begins on the caller's session, which the finally closes. */
  public void importCustomersEndedByClose(List<CustomerDto> rows) {
    Session session = sessionFactory.openSession();
    Transaction tx = startBatch(session);
    try {
      for (CustomerDto row : rows) {
        session.persist(toEntity(row));
      }
      tx.commit();
    } catch (ConstraintViolationException e) {
      tx.rollback();
      throw e;
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      session.close();
    }
  }

  public void beginConversationIsClean() {
    Session session = sessionFactory.openSession();
    Transaction tx = session.beginTransaction();
    log.info("conversation started on session {}", session);
    this.conversationTx = tx;
  }

  public long countAndTouchEndedByClose(String city) {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (Session session = sessionFactory.openSession()) {
      Transaction tx = session.beginTransaction();
      List<Customer> customers = session.createQuery("from Customer c where c.city = :city", Customer.class).setParameter("city", city).getResultList();
      customers.forEach(c -> c.lastTouched = System.currentTimeMillis());
      tx.commit();
      return customers.size();
    }
  }
}
