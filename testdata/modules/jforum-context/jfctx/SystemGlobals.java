package jfctx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Runtime configuration: values are read from a properties file at start-up. */
public final class SystemGlobals {
  private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

  private SystemGlobals() {}

  public static void setValue(String key, String value) {
    VALUES.put(key, value);
  }

  public static boolean getBoolValue(String key) {
    return "true".equals(VALUES.get(key));
  }
}
