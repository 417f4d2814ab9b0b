package dbutilx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Runs statements on a connection the caller passes in; it neither keeps nor closes the connection. */
public class QueryRunner {
  public int update(Connection conn, String sql, Object... params) throws SQLException {
    try (PreparedStatement stmt = conn.prepareStatement(sql)) {
      fillStatement(stmt, params);
      return stmt.executeUpdate();
    }
  }

  public <T> T query(Connection conn, String sql, ResultSetHandler<T> rsh, Object... params) throws SQLException {
    try (PreparedStatement stmt = conn.prepareStatement(sql)) {
      fillStatement(stmt, params);
      try (ResultSet rs = stmt.executeQuery()) {
        return rsh.handle(rs);
      }
    }
  }

  private void fillStatement(PreparedStatement stmt, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      stmt.setObject(i + 1, params[i]);
    }
  }
}
