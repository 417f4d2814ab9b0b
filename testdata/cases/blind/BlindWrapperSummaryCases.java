package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * Begin/end wrappers with boolean and enum parameters (constant and correlated arguments), wrapper
 * slots (parameter, this-field, static field, no-argument static accessor), wrappers of wrappers
 * three levels deep, and begin wrappers that keep the object (ThreadLocal) against fresh ones.
 */
public class BlindWrapperSummaryCases {

  enum Propagation {
    REQUIRED,
    SUPPORTS,
    NEVER
  }

  /** HibernateUtil-style helper: slot is the no-argument static accessor currentSession(). */
  static final class HibernateUtil {
    private static final ThreadLocal<Session> SESSION = new ThreadLocal<>();
    private static SessionFactory factory;

    static Session currentSession() {
      Session s = SESSION.get();
      if (s == null) {
        s = factory.openSession();
        SESSION.set(s);
      }
      return s;
    }

    static void beginTransaction() {
      currentSession().beginTransaction();
    }

    static void commitTransaction() {
      currentSession().getTransaction().commit();
    }

    static void rollbackTransaction() {
      Transaction tx = currentSession().getTransaction();
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }

  private static final ThreadLocal<Session> KEPT = new ThreadLocal<>();
  private static SessionFactory sessionFactory;
  private static Session sharedSession;

  private final DataSource dataSource;
  private final EntityManagerFactory emf;
  private Connection conn;

  BlindWrapperSummaryCases(DataSource dataSource, EntityManagerFactory emf, Connection conn) {
    this.dataSource = dataSource;
    this.emf = emf;
    this.conn = conn;
  }

  private static void insert(Connection c, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into item(name) values (?)")) {
      ps.setString(1, value);
      ps.executeUpdate();
    }
  }

  // ---- parameter-slot wrappers with a boolean parameter ----

  static void begin(Connection c, boolean transactional) throws SQLException {
    if (transactional) {
      c.setAutoCommit(false);
    }
  }

  static void finish(Connection c, boolean transactional) throws SQLException {
    if (transactional) {
      c.commit();
    }
  }

  static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // nothing to do
    }
  }

  void constantFalseArgumentIsClean() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      begin(c, false);
      insert(c, "x");
    }
  }

  void constantTrueArgumentLeaks() throws SQLException {
    Connection c = dataSource.getConnection();
    begin(c, true);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    insert(c, "x");
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void correlatedArgumentIsClean(boolean transactional) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      begin(c, transactional);
      try {
        insert(c, "x");
        finish(c, transactional);
      } catch (SQLException | RuntimeException e) {
        if (transactional) {
          rollbackQuietly(c);
        }
        throw e;
      }
    }
  }

  void correlatedArgumentLeaks(boolean transactional) throws SQLException {
    Connection c = dataSource.getConnection();
    begin(c, transactional);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    insert(c, "x");
    finish(c, transactional);
    c.close();
  }

  // ---- enum parameter (constant arguments) ----

  static void join(EntityManager em, Propagation propagation) {
    if (propagation == Propagation.REQUIRED) {
      em.getTransaction().begin();
    }
  }

  void enumSupportsIsClean(Object entity) {
    EntityManager em = emf.createEntityManager();
    try {
      join(em, Propagation.SUPPORTS);
      em.persist(entity);
    } finally {
      em.close();
    }
  }

  void enumRequiredLeaks(Object entity) {
    EntityManager em = emf.createEntityManager();
    try {
      join(em, Propagation.REQUIRED);
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(entity);
    } finally {
      em.close();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  // ---- this-field slot ----

  void beginTx() throws SQLException {
    conn.setAutoCommit(false);
  }

  void commitTx() throws SQLException {
    conn.commit();
  }

  void rollbackTx() {
    try {
      conn.rollback();
    } catch (SQLException ignored) {
      // nothing to do
    }
  }

  void fieldSlotIsClean() throws SQLException {
    beginTx();
    try {
      insert(conn, "x");
      commitTx();
    } catch (SQLException | RuntimeException e) {
      rollbackTx();
      throw e;
    }
  }

  void fieldSlotCommitOnlyLeaks() throws SQLException {
    beginTx();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    insert(conn, "x");
    commitTx();
  }

  void fieldSlotBeginOnlyIsClean() throws SQLException {
    beginTx();
    insert(conn, "x");
  }

  // ---- static-field slot ----

  static void beginShared() {
    sharedSession.beginTransaction();
  }

  static void commitShared() {
    sharedSession.getTransaction().commit();
  }

  static void rollbackShared() {
    if (sharedSession.getTransaction().isActive()) {
      sharedSession.getTransaction().rollback();
    }
  }

  void staticFieldSlotIsClean(Object entity) {
    beginShared();
    try {
      sharedSession.persist(entity);
      commitShared();
    } catch (RuntimeException e) {
      rollbackShared();
      throw e;
    }
  }

  void staticFieldSlotSkipLeaks(Object entity, boolean skip) {
    beginShared();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    sharedSession.persist(entity);
    commitShared();
  }

  // ---- no-argument static accessor slot (settled detail 5) ----

  void accessorSlotIsClean(Object entity) {
    HibernateUtil.beginTransaction();
    try {
      HibernateUtil.currentSession().persist(entity);
      HibernateUtil.commitTransaction();
    } catch (RuntimeException e) {
      HibernateUtil.rollbackTransaction();
      throw e;
    }
  }

  void accessorSlotCommitOnlyLeaks(Object entity) {
    HibernateUtil.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    HibernateUtil.currentSession().persist(entity);
    HibernateUtil.commitTransaction();
  }

  void accessorSlotBeginOnlyIsClean(Object entity) {
    HibernateUtil.beginTransaction();
    HibernateUtil.currentSession().persist(entity);
  }

  // ---- wrappers of wrappers, three levels ----

  static void doBegin(Connection c) throws SQLException {
    c.setAutoCommit(false);
  }

  static void beginUnit(Connection c) throws SQLException {
    doBegin(c);
  }

  static void beginRequest(Connection c) throws SQLException {
    beginUnit(c);
  }

  static void doCommit(Connection c) throws SQLException {
    c.commit();
  }

  static void commitUnit(Connection c) throws SQLException {
    doCommit(c);
  }

  static void commitRequest(Connection c) throws SQLException {
    commitUnit(c);
  }

  static void rollbackUnit(Connection c) {
    rollbackQuietly(c);
  }

  static void rollbackRequest(Connection c) {
    rollbackUnit(c);
  }

  void threeLevelWrappersIsClean() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      beginRequest(c);
      try {
        insert(c, "x");
        commitRequest(c);
      } catch (SQLException | RuntimeException e) {
        rollbackRequest(c);
        throw e;
      }
    }
  }

  void threeLevelBeginNeverEndedLeaks() throws SQLException {
    Connection c = dataSource.getConnection();
    beginRequest(c);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    insert(c, "x");
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void twoLevelWithoutRollbackEndedByClose() throws SQLException {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (Connection c = dataSource.getConnection()) {
      beginUnit(c);
      insert(c, "x");
      commitUnit(c);
    }
  }

  // ---- begin wrappers that keep the object against fresh ones (settled detail 4) ----

  static Session beginKept() {
    Session s = sessionFactory.openSession();
    KEPT.set(s);
    s.beginTransaction();
    return s;
  }

  static Session beginFresh() {
    Session s = sessionFactory.openSession();
    s.beginTransaction();
    return s;
  }

  void keptBeginNeverEndedIsClean(Object entity) {
    Session s = beginKept();
    s.persist(entity);
  }

  void keptBeginCommitOnlyLeaks(Object entity) {
    Session s = beginKept();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    s.persist(entity);
    s.getTransaction().commit();
  }

  void freshBeginNeverEndedLeaks(Object entity) {
    Session s = beginFresh();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    s.persist(entity);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void freshBeginCloseOnExceptionEndedByClose(Object entity) {
    Session s = beginFresh();
    try {
      s.persist(entity);
      s.getTransaction().commit();
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      s.close();
    }
  }
}
