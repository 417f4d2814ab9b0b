package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * Borrowed objects (contract v2, "Ownership, responsibility and hand-off"): a getter's result, a
 * field, a ThreadLocal, a parameter, a static accessor, also when copied into a local. A begin on a
 * borrowed object that the method never ends is a begin wrapper (silent); one that the method ends
 * on some path (rule 1) makes it responsible for every other path.
 */
public class BlindBorrowedObjectCases {

  /** No body: its result is "the result of any other call", hence borrowed. */
  interface ConnectionHolder {
    Connection getConnection();
  }

  interface EntityManagerProvider {
    EntityManager get();
  }

  private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();
  private static SessionFactory sessionFactory;

  private final ConnectionHolder holder;
  private final EntityManagerProvider emProvider;
  private final EntityManager em;
  private final Connection connection;

  BlindBorrowedObjectCases(
      ConnectionHolder holder, EntityManagerProvider emProvider, EntityManager em, Connection connection) {
    this.holder = holder;
    this.emProvider = emProvider;
    this.em = em;
    this.connection = connection;
  }

  static SessionFactory getSessionFactory() {
    return sessionFactory;
  }

  EntityManager getEntityManager() {
    return em;
  }

  private static void insert(Connection c, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into item(name) values (?)")) {
      ps.setString(1, value);
      ps.executeUpdate();
    }
  }

  // ---- JDBC through a holder: local copy and inline spelling get the same verdict ----

  void holderLocalBeginOnlyIsClean() throws SQLException {
    // "A borrowed object stays borrowed when copied into a local": a begin wrapper.
    Connection c = holder.getConnection();
    c.setAutoCommit(false);
    insert(c, "a");
  }

  void holderInlineBeginOnlyIsClean() throws SQLException {
    holder.getConnection().setAutoCommit(false);
    insert(holder.getConnection(), "a");
  }

  void holderLocalCommitOnlyLeaks() throws SQLException {
    Connection c = holder.getConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    insert(c, "a");
    c.commit();
  }

  void holderInlineCommitOnlyLeaks() throws SQLException {
    // Same-spelling rule: repeated no-arg getter on the same receiver is one object.
    holder.getConnection().setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    insert(holder.getConnection(), "a");
    holder.getConnection().commit();
  }

  void holderRestoresAutoCommitIsClean() throws SQLException {
    Connection c = holder.getConnection();
    boolean original = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      insert(c, "a");
      insert(c, "b");
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(original);
    }
  }

  // ---- ThreadLocal ----

  void threadLocalCommitOnlyLeaks() throws SQLException {
    Connection c = CURRENT.get();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    insert(c, "t");
    c.commit();
  }

  // ---- parameter and field ----

  void parameterBeginOnlyIsClean(Connection c) throws SQLException {
    c.setAutoCommit(false);
    insert(c, "p");
  }

  void parameterDryRunLeaks(Connection c, boolean dryRun) throws SQLException {
    c.setAutoCommit(false);
    if (dryRun) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    insert(c, "p");
    c.commit();
  }

  void fieldEntityManagerFlushAndRestartIsClean() {
    // Rule 1: "an end of an earlier transaction before the begin does not count:
    // commit(); begin(); is a begin wrapper".
    EntityTransaction tx = em.getTransaction();
    em.flush();
    tx.commit();
    em.clear();
    tx.begin();
  }

  void fieldEntityManagerCommitOnlyLeaks(Object entity) {
    em.getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    em.persist(entity);
    em.getTransaction().commit();
  }

  void getterSpellingsPairIsClean(Object entity) {
    getEntityManager().getTransaction().begin();
    try {
      getEntityManager().persist(entity);
      getEntityManager().getTransaction().commit();
    } catch (RuntimeException e) {
      getEntityManager().getTransaction().rollback();
      throw e;
    }
  }

  void getterSpellingsCommitOnlyLeaks(Object entity) {
    getEntityManager().getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    getEntityManager().persist(entity);
    getEntityManager().getTransaction().commit();
  }

  // ---- Hibernate through a static accessor and getCurrentSession() ----

  void currentSessionBeginOnlyIsClean(Object entity) {
    Session s = getSessionFactory().getCurrentSession();
    s.beginTransaction();
    s.persist(entity);
  }

  void currentSessionReturnedTransactionUnusedIsClean() {
    // Rule 3: "Hibernate's transaction is reachable through session.getTransaction(): there rule 2
    // decides, on the session" -- the session is borrowed.
    Transaction tx = getSessionFactory().getCurrentSession().beginTransaction();
    tx.setTimeout(30);
  }

  void currentSessionCommitOnlyLeaks(Object entity) {
    Session s = getSessionFactory().getCurrentSession();
    Transaction tx = s.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    s.persist(entity);
    tx.commit();
  }
}
