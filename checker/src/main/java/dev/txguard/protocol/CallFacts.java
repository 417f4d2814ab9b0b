package dev.txguard.protocol;

/** What a front end knows about one method invocation. */
public interface CallFacts {
  /** What a front end knows about a boolean argument. */
  enum BooleanArg {
    NOT_BOOLEAN,
    TRUE,
    FALSE,
    NOT_CONSTANT
  }

  String methodName();

  int argumentCount();

  /** The receiver's static type, or for a static call the class that declares it; null when unknown. */
  TypeFacts receiverType();

  /** The type the call returns; null for void or unknown. */
  TypeFacts returnType();

  boolean isStatic();

  BooleanArg booleanArgument(int index);
}
