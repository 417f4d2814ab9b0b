package rollerreal;

public class AppException extends Exception {
  public AppException(Throwable cause) {
    super(cause);
  }

  public AppException(String message) {
    super(message);
  }
}
