// Covers: lambdas held in fields are their own units even when no method of the file calls a begin (a file is
// skipped only when no name called anywhere in it, field initializers included, can begin).
package cases.lambdas;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;

public class FieldLambdaCases {
  private boolean skip;

  private final Consumer<EntityManager> fieldLambdaLeaks = em -> {
    em.getTransaction().begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    em.getTransaction().commit();
  };

  private final Consumer<EntityManager> fieldLambdaIsClean = em -> {
    em.getTransaction().begin();
    em.getTransaction().commit();
  };

  public String nothingBeginsInAnyMethodIsClean(String s) {
    return s.trim();
  }
}
