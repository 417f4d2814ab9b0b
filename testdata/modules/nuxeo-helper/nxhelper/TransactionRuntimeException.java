package nxhelper;

public class TransactionRuntimeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransactionRuntimeException(String message) {
    super(message);
  }

  public TransactionRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
