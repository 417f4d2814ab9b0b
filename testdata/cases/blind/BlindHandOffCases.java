package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hand-off of acquired objects: return, field, array, collection, a module constructor whose new
 * object escapes, a lambda that escapes; and what is not a hand-off: forEach, a module object that
 * does not escape, library methods whose names do not say end/close (settled detail 7 for those
 * that do).
 */
public class BlindHandOffCases {
  private static final Logger LOG = LoggerFactory.getLogger(BlindHandOffCases.class);

  /** Methods without a body: judged by the camel-case words of their names (settled detail 7). */
  interface ConnectionPool {
    void releaseConnection(Connection c);
  }

  interface TxSupport {
    void rollbackQuietly(Connection c);
  }

  interface Jobs {
    void suspendWork(Connection c);
  }

  interface Closer {
    void closeQuietly(EntityManager em);
  }

  /** Module class whose constructor stores the connection. */
  static final class UnitOfWork {
    private final Connection conn;

    UnitOfWork(Connection conn) {
      this.conn = conn;
    }

    void insert(String value) throws SQLException {
      try (PreparedStatement ps = conn.prepareStatement("insert into item(name) values (?)")) {
        ps.setString(1, value);
        ps.executeUpdate();
      }
    }
  }

  private final DataSource dataSource;
  private final EntityManagerFactory emf;
  private final SessionFactory sessionFactory;
  private final ExecutorService executor;
  private final ConnectionPool pool;
  private final TxSupport support;
  private final Jobs jobs;
  private final Closer closer;
  private final List<Connection> enlisted = new ArrayList<>();
  private Connection current;

  BlindHandOffCases(
      DataSource dataSource,
      EntityManagerFactory emf,
      SessionFactory sessionFactory,
      ExecutorService executor,
      ConnectionPool pool,
      TxSupport support,
      Jobs jobs,
      Closer closer) {
    this.dataSource = dataSource;
    this.emf = emf;
    this.sessionFactory = sessionFactory;
    this.executor = executor;
    this.pool = pool;
    this.support = support;
    this.jobs = jobs;
    this.closer = closer;
  }

  private static void insert(Connection c, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into item(name) values (?)")) {
      ps.setString(1, value);
      ps.executeUpdate();
    }
  }

  private static void insertUnchecked(Connection c, String value) {
    try {
      insert(c, value);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- hand-offs ----

  Connection openTransactionIsClean() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  void beginAndKeepInFieldIsClean() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    this.current = c;
  }

  void enlistThenBeginIsClean() throws SQLException {
    Connection c = dataSource.getConnection();
    enlisted.add(c);
    c.setAutoCommit(false);
  }

  UnitOfWork unitThatEscapesIsClean() throws SQLException {
    Connection c = dataSource.getConnection();
    UnitOfWork unit = new UnitOfWork(c);
    c.setAutoCommit(false);
    return unit;
  }

  Session openTransactionalSessionIsClean() {
    Session s = sessionFactory.openSession();
    s.beginTransaction();
    return s;
  }

  Future<Void> commitLaterOnExecutorIsClean() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    // Settled detail 9: the lambda is passed to an executor, so the capture hands off.
    return executor.submit(
        () -> {
          insert(c, "async");
          c.commit();
          return null;
        });
  }

  CompletableFuture<Void> commitLaterAsyncIsClean() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    return CompletableFuture.runAsync(() -> insertUnchecked(c, "async"), executor);
  }

  // ---- not hand-offs ----

  void unitThatDoesNotEscapeLeaks() throws SQLException {
    Connection c = dataSource.getConnection();
    UnitOfWork unit = new UnitOfWork(c);
    c.setAutoCommit(false);
    // Settled detail 9: the new object does not escape, so the constructor does not hand off.
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    unit.insert("x");
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void forEachDoesNotHandOffLeaks(List<String> rows) throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    // Settled detail 9: rows.forEach(r -> insert(c, r)) does not hand off.
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    rows.forEach(r -> insertUnchecked(c, r));
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void forEachWithCommitIsClean(List<String> rows) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        rows.forEach(r -> insertUnchecked(c, r));
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  void loggingTheConnectionLeaks() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    LOG.debug("transaction started on {}", c);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void suspendIsNotAnEndWordLeaks() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    // "suspendWork": the camel-case words are suspend and work; neither says end.
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    jobs.suspendWork(c);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  Connection returnBeforeHandOffLeaks(boolean enabled) throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    if (!enabled) {
      // Settled detail 10: rule 2 holds on each path on which the acquired object has not escaped.
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return null;
    }
    return c;
  }

  // ---- library methods named end / close (settled detail 7: an end or a close, not a hand-off) ----

  void releaseWithoutCommitEndedByClose() throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(false);
      insert(c, "a");
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      pool.releaseConnection(c);
    }
  }

  void rollbackQuietlyNamedMethodIsClean() throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(false);
      insert(c, "a");
      c.commit();
    } catch (SQLException | RuntimeException e) {
      support.rollbackQuietly(c);
      throw e;
    } finally {
      pool.releaseConnection(c);
    }
  }

  void closeQuietlyEntityManagerLeaks(Object entity) {
    EntityManager em = emf.createEntityManager();
    em.getTransaction().begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(entity);
    } finally {
      // Settled detail 7: a close-named method has the effect of close(), nothing for JPA.
      closer.closeQuietly(em);
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
