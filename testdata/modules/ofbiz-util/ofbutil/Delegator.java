package ofbutil;

import java.util.Map;

/** The entity engine (no body: an interface of the module). */
public interface Delegator {
  GenericValue findOne(String entityName, String id) throws GenericEntityException;

  GenericValue create(String entityName, Map<String, Object> fields) throws GenericEntityException;

  void store(GenericValue value) throws GenericEntityException;

  int removeByAnd(String entityName, Map<String, Object> fields) throws GenericEntityException;

  EntityListIterator find(String entityName) throws GenericEntityException;
}
