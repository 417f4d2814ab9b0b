package emhelper;

/** A web filter's two halves: one begins, the other ends by the request's outcome and closes. */
final class RequestCycle {
  private RequestCycle() {}

  static void onBegin() {
    EntityManagerHelper.beginTransaction();
  }

  static void onEnd(boolean failed) {
    try {
      if (failed) {
        EntityManagerHelper.rollback();
      } else {
        EntityManagerHelper.commit();
      }
    } finally {
      EntityManagerHelper.closeEntityManager();
    }
  }
}
