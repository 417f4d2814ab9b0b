package com.acme.uow;

public interface UnitOfWork {
  void finish();

  void abort();
}
