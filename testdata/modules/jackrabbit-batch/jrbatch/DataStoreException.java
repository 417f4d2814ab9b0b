package jrbatch;

public class DataStoreException extends Exception {
  public DataStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
