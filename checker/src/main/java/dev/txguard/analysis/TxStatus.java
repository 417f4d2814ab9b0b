package dev.txguard.analysis;

/** The status of a transaction on one path. */
enum TxStatus {
  /** Open, with the active status. */
  ACTIVE,
  /** Open after an exception was thrown: its status may be active or marked rollback-only. */
  AFTER_FAILURE,
  /** Open and marked rollback-only. */
  MARKED,
  /** Committed or rolled back. */
  ENDED,
  /** Handed off: another unit is responsible for it now. */
  ESCAPED;

  boolean isOpen() {
    return this == ACTIVE || this == AFTER_FAILURE || this == MARKED;
  }
}
