package ofbutil;

public interface EntityListIterator extends AutoCloseable {
  GenericValue next() throws GenericEntityException;

  @Override
  void close() throws GenericEntityException;
}
