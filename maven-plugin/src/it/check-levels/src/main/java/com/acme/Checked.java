package com.acme;

public class Checked extends Object {
  private final int limit;

  public Checked(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("negative limit");
    }
    super();
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }
}
