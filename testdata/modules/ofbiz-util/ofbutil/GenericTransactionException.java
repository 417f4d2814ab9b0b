package ofbutil;

public class GenericTransactionException extends GenericEntityException {
  private static final long serialVersionUID = 1L;

  public GenericTransactionException(String message) {
    super(message);
  }

  public GenericTransactionException(String message, Throwable cause) {
    super(message, cause);
  }
}
