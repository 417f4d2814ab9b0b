package erpflag;

/** A wrapper of TxUtil.begin() that returns its flag. */
final class Batch {
  private Batch() {}

  static boolean open() throws TxException {
    return TxUtil.begin(30);
  }
}
