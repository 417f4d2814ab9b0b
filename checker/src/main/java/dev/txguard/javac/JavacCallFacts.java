package dev.txguard.javac;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import dev.txguard.protocol.CallFacts;
import dev.txguard.protocol.TypeFacts;
import java.util.List;

/** {@link CallFacts} of one method invocation, from javac's attributed tree. */
final class JavacCallFacts implements CallFacts {
  private final MethodInvocationTree call;
  private final Symbol.MethodSymbol symbol;
  private final JavacTypeFacts.Cache types;

  JavacCallFacts(MethodInvocationTree call, Symbol.MethodSymbol symbol, JavacTypeFacts.Cache types) {
    this.call = call;
    this.symbol = symbol;
    this.types = types;
  }

  /** The receiver expression, or null for an unqualified call. */
  static ExpressionTree receiver(MethodInvocationTree call) {
    return call.getMethodSelect() instanceof MemberSelectTree s ? s.getExpression() : null;
  }

  @Override
  public String methodName() {
    return symbol.getSimpleName().toString();
  }

  @Override
  public int argumentCount() {
    return call.getArguments().size();
  }

  @Override
  public TypeFacts receiverType() {
    ExpressionTree r = receiver(call);
    if (r == null || isStatic()) {
      return types.of(symbol.owner.type);
    }
    return types.of(ASTHelpers.getType(r));
  }

  @Override
  public TypeFacts returnType() {
    Type t = ASTHelpers.getType(call);
    return t == null || t.hasTag(TypeTag.VOID) ? null : types.of(t);
  }

  @Override
  public boolean isStatic() {
    return symbol.isStatic();
  }

  /** Whether a call's argument is the constant {@code false} (then {@code setAutoCommit} begins). */
  static boolean isConstantFalse(ExpressionTree arg) {
    return Boolean.FALSE.equals(constant(arg));
  }

  /** javac's constant value of a boolean argument, or {@code Boolean.TRUE}/{@code FALSE}; null when it is none. */
  private static Boolean constant(ExpressionTree arg) {
    if (ASTHelpers.constValue(arg) instanceof Boolean b) {
      return b;
    }
    if (arg instanceof MemberSelectTree s && s.getExpression().toString().endsWith("Boolean")
        && (s.getIdentifier().contentEquals("TRUE") || s.getIdentifier().contentEquals("FALSE"))) {
      return s.getIdentifier().contentEquals("TRUE");
    }
    return null;
  }

  @Override
  public BooleanArg booleanArgument(int index) {
    List<? extends ExpressionTree> args = call.getArguments();
    if (index >= args.size()) {
      return BooleanArg.NOT_BOOLEAN;
    }
    ExpressionTree arg = args.get(index);
    Type t = ASTHelpers.getType(arg);
    if (t == null) {
      return BooleanArg.NOT_BOOLEAN;
    }
    Type unboxed = types.types().unboxedTypeOrType(t);
    if (!unboxed.hasTag(TypeTag.BOOLEAN)) {
      return BooleanArg.NOT_BOOLEAN;
    }
    Boolean value = constant(arg);
    if (value != null) {
      return value ? BooleanArg.TRUE : BooleanArg.FALSE;
    }
    return BooleanArg.NOT_CONSTANT;
  }
}
