// Covers: switch with the home-grown receiver type Orm: old form with fall-through, old form
// without default (the no-match path leaks), arrow form on an enum without default (an enum may
// gain constants, so the no-match path exists), switch expression (exhaustive, no no-match path),
// yield leaving the case block that began, switch on a String (not a throwing point), return
// inside a case.
//
// Reading chosen: a `yield` that leaves the case block containing the begin with the transaction
// active is reported at the yield (not again at the later `return r`).
package cases.controlflow;

public class SwitchCases {

  static class Orm {
    void begin() {}

    void commit() {}

    void rollback() {}

    boolean isActive() {
      return false;
    }
  }

  enum Mode {
    FAST,
    SAFE,
    DRY
  }

  private final Orm orm = new Orm();

  public int fallThroughIntoReturnLeaks(int k) {
    orm.begin();
    switch (k) {
      case 1:
        orm.commit();
        // fall through
      case 2:
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return 2;
      default:
        orm.rollback();
        return 0;
    }
  }

  public int fallThroughIntoCommitIsClean(int k) {
    orm.begin();
    int r = 0;
    switch (k) {
      case 1:
        r = 1;
        // fall through
      case 2:
        orm.commit();
        break;
      case 3:
        r = 3;
        // fall through
      default:
        orm.rollback();
    }
    return r;
  }

  public void oldFormWithoutDefaultLeaks(int k) {
    orm.begin();
    switch (k) {
      case 1:
        orm.commit();
        break;
      case 2:
        orm.rollback();
        break;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void oldFormWithDefaultIsClean(int k) {
    orm.begin();
    switch (k) {
      case 1:
        orm.commit();
        break;
      default:
        orm.rollback();
        break;
    }
  }

  public void arrowFormOnEnumWithoutDefaultLeaks(Mode m) {
    orm.begin();
    switch (m) {
      case FAST -> orm.commit();
      case SAFE -> orm.rollback();
      case DRY -> orm.rollback();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void arrowFormOnEnumWithDefaultIsClean(Mode m) {
    orm.begin();
    switch (m) {
      case FAST -> orm.commit();
      case SAFE -> orm.rollback();
      default -> orm.rollback();
    }
  }

  public void arrowFormMissingEndInOneCaseLeaks(Mode m) {
    orm.begin();
    switch (m) {
      case FAST -> orm.commit();
      case SAFE -> {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      default -> orm.rollback();
    }
  }

  public int switchExpressionIsExhaustiveIsClean(Mode m) {
    orm.begin();
    int r =
        switch (m) {
          case FAST -> {
            orm.commit();
            yield 1;
          }
          case SAFE, DRY -> {
            orm.rollback();
            yield 2;
          }
        };
    return r;
  }

  public int yieldLeavesTheCaseWithTheTransactionActiveLeaks(Mode m, boolean skip) {
    int r =
        switch (m) {
          case FAST -> {
            orm.begin();
            if (skip) {
              // BUG: Diagnostic contains: [UncommittedTransaction]
              yield 0;
            }
            orm.commit();
            yield 1;
          }
          case SAFE, DRY -> 2;
        };
    return r;
  }

  public int yieldAfterRollbackIsClean(Mode m, boolean skip) {
    int r =
        switch (m) {
          case FAST -> {
            orm.begin();
            if (skip) {
              orm.rollback();
              yield 0;
            }
            orm.commit();
            yield 1;
          }
          case SAFE, DRY -> 2;
        };
    return r;
  }

  public void switchOnStringIsNotAThrowingPointIsClean(String command) {
    orm.begin();
    switch (command) {
      case "commit":
        orm.commit();
        break;
      default:
        orm.rollback();
    }
  }

  public void switchOnEnumOldFormAllEndsWithDefaultIsClean(Mode m) {
    orm.begin();
    switch (m) {
      case FAST:
        orm.commit();
        return;
      case SAFE:
      case DRY:
      default:
        orm.rollback();
    }
  }
}
