package app;

/** Wrappers of the Jpa wrappers (second level). */
final class Work {
  private Work() {}

  static void start() {
    Jpa.beginTransaction();
  }

  static void finish() {
    Jpa.commitTransaction();
  }

  static void abort() {
    Jpa.rollbackTransaction();
  }
}
