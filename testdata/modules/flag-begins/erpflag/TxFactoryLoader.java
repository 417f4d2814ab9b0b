package erpflag;

public final class TxFactoryLoader {
  private static TxFactory instance;

  private TxFactoryLoader() {}

  static void install(TxFactory f) {
    instance = f;
  }

  public static TxFactory getInstance() {
    return instance;
  }
}
