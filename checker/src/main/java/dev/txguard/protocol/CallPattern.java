package dev.txguard.protocol;

import dev.txguard.graph.StatusTest;
import java.util.List;

/**
 * One row of a protocol table: calls named {@code name} with {@code argCount} arguments (-1: any) on a receiver of one
 * of {@code types} (or a subtype) play {@code role}.
 */
record CallPattern(
    Protocol protocol,
    List<String> types,
    String name,
    int argCount,
    Role role,
    StatusTest test,
    boolean aliasesOwner,
    Arguments arguments) {
  /** How the arguments change the role. */
  enum Arguments {
    /** They do not. */
    IGNORED,
    /** JDBC {@code setAutoCommit(b)}: {@code false} begins; {@code true}, or a value not known, ends. */
    AUTO_COMMIT_FLAG,
    /** MyBatis {@code openSession(..)}: begins unless a boolean argument asks for auto-commit or is not constant. */
    UNLESS_AUTO_COMMIT
  }

  CallPattern {
    types = List.copyOf(types);
  }

  boolean matchesShape(CallFacts call) {
    return name.equals(call.methodName()) && (argCount < 0 || argCount == call.argumentCount());
  }

  /** Whether a call without arguments has this row's shape. */
  boolean matchesShape0() {
    return argCount <= 0;
  }

  boolean matchesType(TypeFacts receiver) {
    if (receiver == null) {
      return false;
    }
    for (String t : types) {
      if (receiver.isSubtypeOf(t)) {
        return true;
      }
    }
    return false;
  }

  /** The role of a matching call, or null when its arguments make it no transaction operation. */
  CallRole roleFor(CallFacts call) {
    switch (arguments) {
      case AUTO_COMMIT_FLAG -> {
        CallFacts.BooleanArg flag = call.booleanArgument(0);
        return flag == CallFacts.BooleanArg.FALSE
            ? new CallRole(Role.BEGIN_ON_RECEIVER, protocol, null, false)
            : new CallRole(Role.END_RECEIVER, protocol, null, false);
      }
      case UNLESS_AUTO_COMMIT -> {
        for (int i = 0; i < call.argumentCount(); i++) {
          CallFacts.BooleanArg a = call.booleanArgument(i);
          if (a == CallFacts.BooleanArg.TRUE || a == CallFacts.BooleanArg.NOT_CONSTANT) {
            return null;
          }
        }
        return new CallRole(role, protocol, test, aliasesOwner);
      }
      default -> {
        return new CallRole(role, protocol, test, aliasesOwner);
      }
    }
  }
}
