// Settled detail 4 ("keeps"): a module method that begins a transaction on the object it returns counts, for its
// callers, as a begin that returns a fresh handle (rule 3: the caller is responsible), unless it keeps the object:
// reads it from, or stores it into, a field, a ThreadLocal or a collection, in its body or in the module accessors it
// got it from. Then, for its callers, it is a begin on a borrowed object and rule 1 alone decides: silent without an
// end, a leak on the paths that miss the end the caller wrote. A begin on a parameter that is returned falls on the
// caller's argument. The result of a call without a body (provider.getConnection()) is not kept.
package cases.ownership;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

public class KeptObjectCases {
  interface ConnectionProvider {
    Connection getConnection() throws SQLException;
  }

  private static final ThreadLocal<EntityManager> CURRENT_EM = new ThreadLocal<>();
  private static final ThreadLocal<Connection> CURRENT_CONNECTION = new ThreadLocal<>();

  private DataSource dataSource;
  private ConnectionProvider provider;
  private EntityManagerFactory emf;
  private Connection shared;
  private Map<String, Connection> byTenant;
  private Map<String, EntityManager> entityManagers;
  private SessionFactory sessionFactory;
  private Session currentSession;

  /** Fresh: acquired here, begun and returned, kept nowhere else. */
  Connection getTransactionConnection() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  /** Fresh: over a call without a body, which is not kept. */
  Connection providerTransactionConnection() throws SQLException {
    Connection c = provider.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  /** Keeps: the thread's EntityManager. */
  EntityManager beginOnThreadEntityManager() {
    EntityManager em = CURRENT_EM.get();
    em.getTransaction().begin();
    return em;
  }

  /** A module accessor over a ThreadLocal. */
  EntityManager currentEntityManager() {
    EntityManager em = CURRENT_EM.get();
    if (em == null) {
      em = emf.createEntityManager();
      CURRENT_EM.set(em);
    }
    return em;
  }

  /** Keeps: got it from a module accessor that keeps it. */
  EntityManager beginOnAccessor() {
    EntityManager em = currentEntityManager();
    em.getTransaction().begin();
    return em;
  }

  /** Keeps: acquired, but also stored into a ThreadLocal. */
  Connection beginAndRemember() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    CURRENT_CONNECTION.set(c);
    return c;
  }

  /** Keeps: a field. */
  Connection beginOnField() throws SQLException {
    shared.setAutoCommit(false);
    return shared;
  }

  /** Keeps: read from a map. */
  Connection beginForTenant(String tenant) throws SQLException {
    Connection c = byTenant.get(tenant);
    c.setAutoCommit(false);
    return c;
  }

  /** Begins on its parameter and returns it: the begin falls on the caller's argument. */
  static Connection begun(Connection c) throws SQLException {
    c.setAutoCommit(false);
    return c;
  }

  /** Keeps: returns the transaction of the session field; the object is the session (settled 4). */
  Transaction beginOnSessionField() {
    return currentSession.beginTransaction();
  }

  /** Returns the transaction of the session it is given: the begin falls on the caller's argument. */
  static Transaction beginOn(Session s) {
    return s.beginTransaction();
  }

  void sessionFieldTransactionNoEndIsSilent(boolean x) {
    Transaction tx = beginOnSessionField();
    if (x) {
      return;
    }
    tx.setTimeout(5);
  }

  void acquiredSessionArgumentLeaks(boolean x) {
    Session s = sessionFactory.openSession();
    Transaction tx = beginOn(s);
    if (x) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tx.commit();
    s.close();
  }

  void borrowedSessionArgumentNoEndIsSilent(Session s) {
    Transaction tx = beginOn(s);
    tx.setTimeout(5);
  }

  void freshConnectionEarlyReturnLeaks(boolean x) throws SQLException {
    Connection con = getTransactionConnection();
    if (x) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    con.commit();
  }

  void freshConnectionNeverEndedLeaks(boolean x) throws SQLException {
    Connection con = getTransactionConnection();
    if (x) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void providerConnectionNeverEndedLeaks(boolean x) throws SQLException {
    Connection con = providerTransactionConnection();
    if (x) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    con.commit();
  }

  void freshConnectionCommittedIsClean() throws SQLException {
    Connection con = getTransactionConnection();
    con.commit();
  }

  void threadEntityManagerNoEndIsSilent(boolean x, Object o) {
    EntityManager em = beginOnThreadEntityManager();
    if (x) {
      return;
    }
    em.persist(o);
  }

  void threadEntityManagerCommitOnlyWhenValidLeaks(boolean valid) {
    EntityManager em = beginOnThreadEntityManager();
    if (valid) {
      em.getTransaction().commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void accessorEntityManagerNoEndIsSilent(boolean x, Object o) {
    EntityManager em = beginOnAccessor();
    if (x) {
      return;
    }
    em.persist(o);
  }

  void rememberedConnectionNoEndIsSilent(boolean x) throws SQLException {
    Connection c = beginAndRemember();
    if (x) {
      return;
    }
    c.createStatement();
  }

  void fieldConnectionNoEndIsSilent(boolean x) throws SQLException {
    Connection c = beginOnField();
    if (x) {
      return;
    }
    c.createStatement();
  }

  void fieldConnectionEarlyReturnLeaks(boolean x) throws SQLException {
    Connection c = beginOnField();
    if (x) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    c.commit();
  }

  void tenantConnectionNoEndIsSilent(boolean x) throws SQLException {
    Connection c = beginForTenant("a");
    if (x) {
      return;
    }
    c.createStatement();
  }

  /** Each read of the map may be another entity manager: beginning in a loop is no "begun again while active". */
  void beginAllThenCommitAllIsSilent(List<String> tenants) {
    for (String t : tenants) {
      EntityManager em = entityManagers.get(t);
      em.getTransaction().begin();
    }
    for (String t : tenants) {
      EntityManager em = entityManagers.get(t);
      em.getTransaction().commit();
    }
  }

  void borrowedArgumentNoEndIsSilent(Connection c) throws SQLException {
    Connection same = begun(c);
    same.createStatement();
  }

  void acquiredArgumentEarlyReturnLeaks(boolean skip) throws SQLException {
    Connection c = dataSource.getConnection();
    Connection same = begun(c);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    same.commit();
    c.close();
  }
}
