package com.acme.uow;

public class Db {
  public UnitOfWork openUnit() {
    return new UnitOfWork() {
      @Override
      public void finish() {}

      @Override
      public void abort() {}
    };
  }
}
