package jrbatch;

public class ItemStateException extends Exception {
  public ItemStateException(String message) {
    super(message);
  }

  public ItemStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
