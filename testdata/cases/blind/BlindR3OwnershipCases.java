package cases.blind;

import io.ebean.Database;
import io.ebean.Transaction;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;

/**
 * Ownership (contract version 2): borrowed connections copied into locals or re-fetched through
 * the same getter, acquired ones (DataSource, a same-file factory wrapper, Jdbi.open(),
 * try-with-resources), fresh handles (Neo4j, Ebean), hand-off through a returned object built by
 * a module constructor, a returned lambda and an executor, against a constructor whose object
 * does not escape and a lambda run locally by forEach.
 *
 * Readings used: a same-file helper that only uses the connection it is given (insertRow) is not
 * a hand-off; calls to the borrowed holder's getter are accessors (same object each time).
 */
public class BlindR3OwnershipCases {

  private static final String INSERT_LOG = "insert into log(msg) values (?)";
  private static final String MOVE = "update item set folder = ? where id = ?";
  private static final String ARCHIVE = "update item set archived = true where id = ?";
  private static final String TOUCH = "update item set touched = now() where id = ?";
  private static final String INSERT_ROW = "insert into row_data(v) values (?)";

  private DataSource ds;
  private ConnectionHolder holder;
  private EntityManager entityManager;
  private Jdbi jdbi;
  private Driver driver;
  private Database database;
  private Executor executor;

  /** Keeps the connection of the current unit of work (a borrowed object for its users). */
  static final class ConnectionHolder {
    private final Connection connection;

    ConnectionHolder(Connection connection) {
      this.connection = connection;
    }

    Connection getConnection() {
      return connection;
    }
  }

  /** Stores the connection it is given; its owner decides when to end the work. */
  static final class UnitOfWork {
    private final Connection connection;

    UnitOfWork(Connection connection) {
      this.connection = connection;
    }

    Connection connection() {
      return connection;
    }
  }

  /** Stores the connection it is given and writes lines through it. */
  static final class LineWriter {
    private final Connection connection;

    LineWriter(Connection connection) {
      this.connection = connection;
    }

    void write(String line) {
      try (PreparedStatement ps = connection.prepareStatement(INSERT_LOG)) {
        ps.setString(1, line);
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static void insertRow(Connection c, String value) {
    try (PreparedStatement ps = c.prepareStatement(INSERT_ROW)) {
      ps.setString(1, value);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Factory wrapper: every call returns a new connection from the pool. */
  private Connection openConnection() throws SQLException {
    return ds.getConnection();
  }

  /** Accessor: returns the holder's connection. */
  private Connection currentConnection() {
    return holder.getConnection();
  }

  EntityManager getEntityManager() {
    return entityManager;
  }

  // ---------------------------------------------------------------- borrowed

  public void joinUnitOfWorkIsClean(String msg) throws SQLException {
    Connection c = holder.getConnection();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(INSERT_LOG)) {
      ps.setString(1, msg);
      ps.executeUpdate();
    }
  }

  public boolean moveBorrowedCopyLeaks(long id, long folder) throws SQLException {
    Connection c = holder.getConnection();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(MOVE)) {
      ps.setLong(1, folder);
      ps.setLong(2, id);
      if (ps.executeUpdate() == 0) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      c.commit();
      return true;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  public void archiveThroughRepeatedGetterIsClean(long id) throws SQLException {
    holder.getConnection().setAutoCommit(false);
    try (PreparedStatement ps = holder.getConnection().prepareStatement(ARCHIVE)) {
      ps.setLong(1, id);
      ps.executeUpdate();
      holder.getConnection().commit();
    } catch (SQLException | RuntimeException e) {
      holder.getConnection().rollback();
      throw e;
    }
  }

  public void jpaRepeatedGetterIsClean(Object entity) {
    getEntityManager().getTransaction().begin();
    try {
      getEntityManager().persist(entity);
      getEntityManager().getTransaction().commit();
    } catch (RuntimeException e) {
      getEntityManager().getTransaction().rollback();
      throw e;
    }
  }

  public boolean jpaRepeatedGetterEarlyReturnLeaks(long id, String name) {
    getEntityManager().getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Object item = getEntityManager().find(Object.class, id);
    if (item == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    getEntityManager().merge(item);
    getEntityManager().getTransaction().commit();
    return true;
  }

  public void touchThroughAccessorIsClean(long id) throws SQLException {
    Connection c = currentConnection();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(TOUCH)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  // ---------------------------------------------------------------- acquired

  public void auditOwnConnectionLeaks(String msg) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    try (PreparedStatement ps = c.prepareStatement(INSERT_LOG)) {
      ps.setString(1, msg);
      ps.executeUpdate();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void touchThroughFactoryWrapperLeaks(long id) throws SQLException {
    Connection c = openConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    try (PreparedStatement ps = c.prepareStatement(TOUCH)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void jdbiCloseIsNoEndLeaks(long id, String name) {
    try (Handle h = jdbi.open()) {
      h.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      h.execute("update account set name = ? where id = ?", name, id);
      h.commit();
    }
  }

  public void jdbiRollbackBeforeCloseIsClean(long id, String name) {
    try (Handle h = jdbi.open()) {
      h.begin();
      try {
        h.execute("update account set name = ? where id = ?", name, id);
        h.commit();
      } catch (RuntimeException e) {
        h.rollback();
        throw e;
      }
    }
  }

  // ---------------------------------------------------------------- hand-off

  public UnitOfWork beginUnitHandedToReturnedObjectIsClean() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    return new UnitOfWork(c);
  }

  public void writerDoesNotEscapeLeaks(List<String> lines) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    LineWriter writer = new LineWriter(c);
    for (String line : lines) {
      writer.write(line);
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void forEachLambdaRunsLocallyLeaks(List<String> rows) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    try {
      rows.forEach(r -> insertRow(c, r));
      c.commit();
    } catch (RuntimeException e) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw new IllegalStateException("import failed", e);
    }
  }

  public Callable<Void> deferredCommitLambdaReturnedIsClean(String row) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    insertRow(c, row);
    return () -> {
      c.commit();
      return null;
    };
  }

  public void commitOnExecutorIsClean(String row) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    insertRow(c, row);
    executor.execute(() -> {
      try {
        c.commit();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  // ---------------------------------------------------------------- fresh handles

  public void neo4jUnmanagedTransactionLeaks(org.neo4j.driver.Session session, String name) {
    org.neo4j.driver.Transaction tx = session.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    tx.run("CREATE (p:Person {name: $name})", Values.parameters("name", name));
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void neo4jTryWithResourcesIsClean(String name) {
    try (org.neo4j.driver.Session session = driver.session();
        org.neo4j.driver.Transaction tx = session.beginTransaction()) {
      tx.run("CREATE (p:Person {name: $name})", Values.parameters("name", name));
      tx.commit();
    }
  }

  public void ebeanExplicitTransactionLeaks(Object a, Object b) {
    Transaction txn = database.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    database.save(a, txn);
    if (b == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    database.save(b, txn);
    txn.commit();
  }

  public void ebeanTryWithResourcesIsClean(Object a, Object b) {
    try (Transaction txn = database.beginTransaction()) {
      database.save(a, txn);
      if (b == null) {
        return;
      }
      database.save(b, txn);
      txn.commit();
    }
  }
}
