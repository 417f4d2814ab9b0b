// Covers: a lambda parameter whose type is inferred from the field or local the lambda initializes
// (Consumer<EntityManager> c = em -> ...) has that type in both front ends, with or without the API jars.
package cases.lambdas;

import jakarta.persistence.EntityManager;
import java.util.function.BiConsumer;
import java.util.function.Function;

public class TargetTypedLambdaCases {
  private boolean skip;

  public void localLambdaIsClean() {
    java.util.function.Consumer<EntityManager> save = em -> {
      em.getTransaction().begin();
      em.getTransaction().commit();
    };
    save.accept(null);
  }

  public void localLambdaLeaks() {
    java.util.function.Consumer<EntityManager> save = em -> {
      em.getTransaction().begin();
      if (skip) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      em.getTransaction().commit();
    };
    save.accept(null);
  }

  public Function<EntityManager, String> functionIsClean() {
    Function<EntityManager, String> load = em -> {
      em.getTransaction().begin();
      em.getTransaction().commit();
      return "done";
    };
    return load;
  }

  private final BiConsumer<String, EntityManager> secondParameterIsClean = (name, em) -> {
    em.getTransaction().begin();
    em.getTransaction().commit();
  };
}
