package dev.txguard.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small source trees for audit and CLI tests. */
public final class TestProjects {
  private TestProjects() {}

  /** JDBC with an early return that leaves the transaction open: one finding, at line 8 (the return). */
  public static final String LEAKY = """
      package app;

      import java.sql.Connection;
      import java.sql.SQLException;

      public class Leaky {
        public void save(Connection conn, boolean skip) throws SQLException {
          conn.setAutoCommit(false);
          if (skip) {
            return;
          }
          conn.commit();
        }
      }
      """;

  /** The same transaction, ended on every path. */
  public static final String CLEAN = """
      package app;

      import java.sql.Connection;
      import java.sql.SQLException;

      public class Clean {
        public void save(Connection conn) throws SQLException {
          conn.setAutoCommit(false);
          try {
            conn.createStatement().executeUpdate("update t set x = 1");
            conn.commit();
          } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
          }
        }
      }
      """;

  /** A second leak, for "a new finding beyond the baseline". */
  public static final String ANOTHER_LEAK = """
      package app;

      import java.sql.Connection;
      import java.sql.SQLException;

      public class AnotherLeak {
        public void update(Connection conn, int n) throws SQLException {
          conn.setAutoCommit(false);
          if (n > 3) {
            return;
          }
          conn.rollback();
        }
      }
      """;

  public static final String BROKEN = """
      package app;

      public class Broken {
        void f( {
      }
      """;

  /** Writes {@code text} to {@code root/relative}, creating directories. */
  public static Path write(Path root, String relative, String text) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
