package com.acme.orders;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

public class OrderService {
  private final Orm orm = new Orm();

  public boolean update(Map<Integer, Integer> changes) {
    orm.begin();
    try {
      if (changes.isEmpty()) {
        return false;
      }
      orm.commit();
      return true;
    } finally {
      if (orm.isActive()) {
        orm.rollback();
      }
    }
  }

  public void post(Connection conn, String sql) throws SQLException {
    conn.setAutoCommit(false);
    try {
      conn.createStatement().executeUpdate(sql);
      conn.commit();
    } finally {
      conn.setAutoCommit(true);
    }
  }
}
