package ofbutil;

import java.util.HashMap;
import java.util.Map;

public final class ServiceUtil {
  private ServiceUtil() {}

  public static Map<String, Object> returnSuccess() {
    Map<String, Object> result = new HashMap<>();
    result.put("responseMessage", "success");
    return result;
  }

  public static Map<String, Object> returnError(String message) {
    Map<String, Object> result = new HashMap<>();
    result.put("responseMessage", "error");
    result.put("errorMessage", message);
    return result;
  }
}
