package ofbutil;

import java.util.HashMap;
import java.util.Map;

public class GenericValue {
  private final String entityName;
  private final Map<String, Object> fields = new HashMap<>();

  public GenericValue(String entityName) {
    this.entityName = entityName;
  }

  public String getEntityName() {
    return entityName;
  }

  public Object get(String name) {
    return fields.get(name);
  }

  public void set(String name, Object value) {
    fields.put(name, value);
  }
}
