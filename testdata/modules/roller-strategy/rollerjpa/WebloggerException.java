package rollerjpa;

/** The checked exception every Roller manager method declares. */
public class WebloggerException extends Exception {
  public WebloggerException(String message) {
    super(message);
  }

  public WebloggerException(Throwable cause) {
    super(cause);
  }
}
