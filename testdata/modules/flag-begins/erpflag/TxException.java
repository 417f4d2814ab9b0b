package erpflag;

public class TxException extends Exception {
  public TxException(String message, Throwable cause) {
    super(message, cause);
  }
}
