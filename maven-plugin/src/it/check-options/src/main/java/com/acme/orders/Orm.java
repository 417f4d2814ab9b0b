package com.acme.orders;

/** A home-grown transaction API; txguard's zero-config rule knows begin/commit/rollback. */
public class Orm {
  public void begin() {}

  public void commit() {}

  public void rollback() {}

  public boolean isActive() {
    return false;
  }
}
