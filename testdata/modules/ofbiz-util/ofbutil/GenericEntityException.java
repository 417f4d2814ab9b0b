package ofbutil;

public class GenericEntityException extends Exception {
  private static final long serialVersionUID = 1L;

  public GenericEntityException(String message) {
    super(message);
  }

  public GenericEntityException(String message, Throwable cause) {
    super(message, cause);
  }
}
