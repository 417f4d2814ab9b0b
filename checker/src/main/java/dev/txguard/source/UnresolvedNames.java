package dev.txguard.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.txguard.graph.StatusTest;
import dev.txguard.protocol.CallFacts;
import dev.txguard.protocol.CallRole;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.protocol.Role;
import dev.txguard.protocol.TypeFacts;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The zero-config rule for a receiver whose type does not resolve (the audit without a classpath; semantics,
 * "Transactions and handles"): a no-arg {@code begin()}, {@code beginTransaction()} or {@code startTransaction()} begins
 * on its result when the unit calls {@code commit()}/{@code rollback()} on the variable it is assigned to, else on its
 * receiver when the unit calls them on the same spelling of it (settled detail 3), else it is no begin; those
 * {@code commit()}/{@code rollback()} calls end it and the home-grown queries ask it. Only where the protocol table and
 * the declared-type rule found nothing, and never on a type whose declaration the audit has (a same-file or resolved
 * type that declares no ending {@code commit()} is no transaction: a SQL builder's {@code Query commit()}).
 */
final class UnresolvedNames {
  private static final Set<String> BEGINS = Set.of("begin", "beginTransaction", "startTransaction");
  private static final Set<String> ENDS = Set.of("commit", "rollback");
  private static final Set<String> QUERIES =
      Set.of("isActive", "isTransactionActive", "inTransaction", "isInTransaction", "hasActiveTransaction");

  private final ProtocolRegistry registry;
  private final Function<Expression, String> spelling;
  private Node unit;
  /** Per unit: spellings that no-arg begins are called on, variables their results go to, spellings ended. */
  private final Set<String> begunOn = new HashSet<>();
  private final Set<String> beginResults = new HashSet<>();
  private final Set<String> endedOn = new HashSet<>();

  UnresolvedNames(ProtocolRegistry registry, Function<Expression, String> spelling) {
    this.registry = registry;
    this.spelling = spelling;
  }

  /** The role of a call the table and the declared-type rule left unclassified, in {@code unit}; or null. */
  CallRole classify(MethodCallExpr m, CallFacts facts, Node unit) {
    String name = m.getNameAsString();
    if (!registry.zeroConfig() || !m.getArguments().isEmpty() || m.getScope().isEmpty()
        || !(BEGINS.contains(name) || ENDS.contains(name) || QUERIES.contains(name))) {
      return null;
    }
    Expression scope = SourceLowering.strip(m.getScope().get());
    if (scope instanceof ThisExpr || scope instanceof SuperExpr || !unresolved(facts.receiverType())) {
      return null;
    }
    scan(unit);
    String receiver = spelling.apply(scope);
    TypeFacts type = facts.receiverType();
    String typeName = type == null ? "?" : type.qualifiedName();
    if (BEGINS.contains(name)) {
      String result = resultVariable(m);
      if (result != null && endedOn.contains(result)) {
        return CallRole.of(Role.BEGIN_RETURNING, ProtocolRegistry.homeGrown(typeName));
      }
      return endedOn.contains(receiver) ? CallRole.of(Role.BEGIN_ON_RECEIVER, ProtocolRegistry.homeGrown(typeName))
          : null;
    }
    if (!begunOn.contains(receiver) && !beginResults.contains(receiver)) {
      return null;
    }
    return ENDS.contains(name) ? CallRole.of(Role.END_RECEIVER, ProtocolRegistry.homeGrown(typeName))
        : new CallRole(Role.QUERY, ProtocolRegistry.homeGrown(typeName), StatusTest.ACTIVE, false);
  }

  /**
   * A receiver the audit knows nothing about: no type at all, or a type known by name only whose declaration it does
   * not have (no no-arg commit or rollback seen) and that is not one of the protocol table's types.
   */
  private boolean unresolved(TypeFacts t) {
    if (t == null) {
      return true;
    }
    return t instanceof SourceTypeFacts s && s.byName && !s.hasNoArgMethod("commit") && !s.hasNoArgMethod("rollback")
        && !registry.isKnownTypeName(s.qualifiedName());
  }

  private void scan(Node u) {
    if (u == unit) {
      return;
    }
    unit = u;
    begunOn.clear();
    beginResults.clear();
    endedOn.clear();
    for (MethodCallExpr c : u.findAll(MethodCallExpr.class)) {
      boolean begin = BEGINS.contains(c.getNameAsString());
      if (!c.getArguments().isEmpty() || c.getScope().isEmpty() || !begin && !ENDS.contains(c.getNameAsString())) {
        continue;
      }
      String s = spelling.apply(SourceLowering.strip(c.getScope().get()));
      if (begin) {
        begunOn.add(s);
        String result = resultVariable(c);
        if (result != null) {
          beginResults.add(result);
        }
      } else {
        endedOn.add(s);
      }
    }
  }

  /** The variable a call's result is assigned to ({@code Tx tx = db.begin()}, {@code tx = db.begin()}), or null. */
  private String resultVariable(MethodCallExpr m) {
    Node child = m;
    Node parent = m.getParentNode().orElse(null);
    while (parent instanceof Expression e && (e.isEnclosedExpr() || e.isCastExpr())) {
      child = parent;
      parent = parent.getParentNode().orElse(null);
    }
    Node value = child;
    if (parent instanceof VariableDeclarator v && v.getInitializer().map(i -> i == value).orElse(false)) {
      return v.getNameAsString();
    }
    if (parent instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN && a.getValue() == value) {
      return spelling.apply(SourceLowering.strip(a.getTarget()));
    }
    return null;
  }
}
