package sakaisql;

/** Unchecked storage failure, as the storage classes wrap their SQLExceptions. */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
