package jfctx;

/** Configuration key names, as the forum's ConfigKeys holds them. */
public final class ConfigKeys {
  public static final String DATABASE_USE_TRANSACTIONS = "database.use.transactions";

  private ConfigKeys() {}
}
