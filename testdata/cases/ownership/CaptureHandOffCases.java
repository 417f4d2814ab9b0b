// Version 2 (semantics.md, settled details 9 and 10): capturing the object in a lambda, method reference or
// anonymous class hands it off only if that new object itself escapes: returned, stored in a field or collection,
// passed to an executor, a Thread, a CompletableFuture or any other method outside the module that is not known to
// run it before it returns, or to a module method that stores it. Passed to forEach (and the other iteration,
// Map, Optional and stream operations that run it at once) it hands nothing off. Rule 2 holds on each path: a path
// that exits before the hand-off with the transaction open is a leak when the method acquired the connection.
// Reading chosen: a lambda whose body itself commits, rolls back or closes the captured object takes it over, as
// before (a per-batch commit inside forEach).
package cases.ownership;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.sql.DataSource;

public class CaptureHandOffCases {
  interface ConnectionHolder {
    Connection getConnection();
  }

  private final DataSource ds;
  private final ConnectionHolder holder;
  private final Executor executor;
  private final List<Runnable> tasks = new ArrayList<>();
  private Runnable pendingTask;

  CaptureHandOffCases(DataSource ds, ConnectionHolder holder, Executor executor) {
    this.ds = ds;
    this.holder = holder;
    this.executor = executor;
  }

  static void insert(Connection c, String row) {}

  static void work(Connection c) {}

  /** Keeps the task: a module method that stores its argument. */
  void register(Runnable task) {
    tasks.add(task);
  }

  /** Runs the task at once and keeps nothing. */
  void runNow(Runnable task) {
    task.run();
  }

  void forEachThenNoCommitLeaks(List<String> rows) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    rows.forEach(r -> insert(c, r));
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void forEachThenEarlyReturnLeaks(List<String> rows, boolean dryRun) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    try {
      rows.forEach(r -> insert(c, r));
    } catch (RuntimeException e) {
      c.rollback();
      throw e;
    }
    if (dryRun) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    c.commit();
  }

  void forEachThenCommitIsClean(List<String> rows) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    try {
      rows.forEach(r -> insert(c, r));
      c.commit();
    } catch (RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  void streamAndOptionalLambdasLeak(List<String> rows, Optional<String> extra) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    rows.stream().filter(r -> !r.isEmpty()).forEach(r -> insert(c, r));
    extra.ifPresent(r -> insert(c, r));
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void anonymousConsumerInForEachLeaks(List<String> rows) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    rows.forEach(
        new Consumer<String>() {
          @Override
          public void accept(String r) {
            insert(c, r);
          }
        });
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void localLambdaRunByModuleMethodLeaks() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    Runnable task = () -> work(c);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    runNow(task);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void batchCommitInsideForEachIsSilent(List<String> batches) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    batches.forEach(
        b -> {
          insert(c, b);
          try {
            c.commit();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  void submittedLambdaIsSilent() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    executor.execute(() -> work(c));
  }

  void submittedLocalLambdaIsSilent() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    Runnable task = () -> work(c);
    executor.execute(task);
  }

  void threadLambdaIsSilent() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    new Thread(() -> work(c)).start();
  }

  CompletableFuture<Void> completableFutureLambdaIsSilent() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    return CompletableFuture.runAsync(() -> work(c), executor);
  }

  Runnable returnedLambdaIsSilent() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    return () -> work(c);
  }

  void lambdaStoredInFieldIsSilent() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    pendingTask = () -> work(c);
  }

  void lambdaAddedToListIsSilent() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    tasks.add(() -> work(c));
  }

  void lambdaPassedToStoringModuleMethodIsSilent() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    register(() -> work(c));
  }

  void submittedAnonymousIsSilent() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    executor.execute(
        new Runnable() {
          @Override
          public void run() {
            work(c);
          }
        });
  }

  void earlyReturnBeforeSubmitLeaks(boolean skip) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    executor.execute(() -> work(c));
  }

  Runnable earlyReturnBeforeReturnedLambdaLeaks(boolean skip) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return null;
    }
    return () -> work(c);
  }

  void borrowedEarlyReturnBeforeSubmitIsSilent(boolean skip) throws SQLException {
    Connection c = holder.getConnection();
    c.setAutoCommit(false);
    if (skip) {
      return;
    }
    executor.execute(() -> work(c));
  }
}
