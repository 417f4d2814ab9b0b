package com.acme.orm;

/** A home-grown transaction API, used by the other modules. */
public class Orm {
  public void begin() {}

  public void commit() {}

  public void rollback() {}

  public boolean isActive() {
    return false;
  }
}
