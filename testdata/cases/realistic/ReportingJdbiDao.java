// Realistic JDBI reporting DAO. Leaks: Handle in try-with-resources without rollback (close is
// not an end), begun again while active when only every 100th id commits, early return whose
// finally only closes the handle, JdbiException swallowed (falls off the end) while other
// unchecked exceptions escape.
// Clean: begin/commit with catch rollback inside try-with-resources, inTransaction and
// useTransaction lambdas, isInTransaction() guard in finally.
package cases.realistic;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class ReportingJdbiDao {

  private static final Logger log = LoggerFactory.getLogger(ReportingJdbiDao.class);

  private final Jdbi jdbi;

  public ReportingJdbiDao(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void refreshDailyIsClean(LocalDate day) {
    try (Handle h = jdbi.open()) {
      h.begin();
      try {
        h.execute("delete from daily_report where day = ?", day);
        h.execute("insert into daily_report select day, sum(amount) from sales where day = ? group by day", day);
        h.commit();
      } catch (RuntimeException e) {
        h.rollback();
        throw e;
      }
    }
  }

  public int rebuildIndexLeaks(String table) {
    try (Handle h = jdbi.open()) {
      h.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      int rows = h.execute("delete from search_index where source = ?", table);
      h.execute("insert into search_index select * from " + table);
      h.commit();
      return rows;
    }
  }

  public List<String> topCustomersIsClean(int limit) {
    return jdbi.inTransaction(
        h -> h.createQuery("select name from customer order by revenue desc limit :n").bind("n", limit).mapTo(String.class).list());
  }

  public void mergeSnapshotsIsClean(long from, long to) {
    Handle h = jdbi.open();
    try {
      h.begin();
      h.createUpdate("update snapshot set parent = :to where parent = :from").bind("to", to).bind("from", from).execute();
      h.commit();
    } finally {
      if (h.isInTransaction()) {
        h.rollback();
      }
      h.close();
    }
  }

  public void recomputeLeaks(List<Long> ids) {
    Handle h = jdbi.open();
    try {
      for (Long id : ids) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        h.begin();
        h.execute("update metric set value = compute(id) where id = ?", id);
        if (id % 100 == 0) {
          h.commit();
        }
      }
      h.commit();
    } catch (RuntimeException e) {
      h.rollback();
      throw e;
    } finally {
      h.close();
    }
  }

  public boolean publishReportLeaks(long reportId) {
    Handle h = jdbi.open();
    try {
      h.begin();
      Optional<String> state = h.createQuery("select state from report where id = :id").bind("id", reportId).mapTo(String.class).findOne();
      if (state.isEmpty() || !"DRAFT".equals(state.get())) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      h.execute("update report set state = 'PUBLISHED' where id = ?", reportId);
      h.commit();
      return true;
    } catch (RuntimeException e) {
      h.rollback();
      throw e;
    } finally {
      h.close();
    }
  }

  public void importCsvIsClean(List<String[]> rows) {
    jdbi.useTransaction(
        h -> {
          for (String[] row : rows) {
            h.execute("insert into staging(a, b) values (?, ?)", row[0], row[1]);
          }
        });
  }

  public void touchLastSeenLeaks(Handle h, long userId) {
    h.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      h.execute("update users set last_seen = now() where id = ?", userId);
      h.commit();
    } catch (JdbiException e) {
      log.warn("could not update last_seen for {}", userId, e);
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
