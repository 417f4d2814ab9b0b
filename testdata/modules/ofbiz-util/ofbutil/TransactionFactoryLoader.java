package ofbutil;

public final class TransactionFactoryLoader {
  private static volatile TransactionFactory instance;

  private TransactionFactoryLoader() {}

  static void setInstance(TransactionFactory factory) {
    instance = factory;
  }

  public static TransactionFactory getInstance() {
    return instance;
  }
}
