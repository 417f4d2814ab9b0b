package dev.txguard.graph;

/**
 * A storage location that can refer to a transaction handle or its owner: a local variable, a parameter, a field, a
 * variable captured from an enclosing scope, or a side-effect-free expression identified by its text.
 *
 * @param id unique within a unit (front ends include a declaration position for locals)
 * @param kind where the location lives; decides whether a transaction begun on it is the unit's own
 * @param paramIndex the parameter position for {@link Kind#PARAM}, else -1 (used to map wrapper summaries)
 */
public record Key(String id, Kind kind, int paramIndex) {
  /** Where a location lives. */
  public enum Kind {
    /** A local variable declared in the unit. */
    LOCAL,
    /** A parameter of the unit. */
    PARAM,
    /** A field ({@code this.f}, {@code f}, {@code Type.f}). */
    FIELD,
    /** A local of an enclosing unit, seen from a lambda or local/anonymous class. */
    CAPTURED,
    /** Any other expression, keyed by its text ({@code factory.getCurrentSession()}). */
    EXPR
  }

  /**
   * The value a boolean method returns, where a {@code return} of a condition assigns it: what a query wrapper's
   * summary reads (its value decides nothing in the method itself).
   */
  public static final Key RESULT = new Key("result:", Kind.LOCAL, -1);

  public static Key local(String id) {
    return new Key(id, Kind.LOCAL, -1);
  }

  public static Key param(String id, int index) {
    return new Key(id, Kind.PARAM, index);
  }

  public static Key field(String id) {
    return new Key(id, Kind.FIELD, -1);
  }

  /** For a variable's key ({@code v:name@position}, as the front ends write it), the variable's name. */
  public String variableName() {
    String s = id.startsWith("v:") ? id.substring(2) : id;
    int at = s.indexOf('@');
    return at < 0 ? s : s.substring(0, at);
  }

  /** For a variable's key ({@code v:name@position}), the position of its declaration. */
  public int declaredAt() {
    return Integer.parseInt(id.substring(id.lastIndexOf('@') + 1));
  }

  /** A boolean literal passed as an argument: a wrapper's summary may depend on it (semantics, settled detail 17). */
  public static Key constant(boolean value) {
    return expr(Boolean.toString(value));
  }

  /** For a {@link #constant(boolean)} key, its value; else null. */
  public Boolean constantValue() {
    return id.equals("expr:true") ? Boolean.TRUE : id.equals("expr:false") ? Boolean.FALSE : null;
  }

  /** An enum constant passed as an argument, by its simple name: a wrapper's summary may depend on it (settled 17). */
  public static Key enumConstant(String simpleName) {
    return expr("enum-constant:" + simpleName);
  }

  /** For an {@link #enumConstant(String)} key, the constant's simple name; else null. */
  public String enumConstantName() {
    return id.startsWith("expr:enum-constant:") ? id.substring("expr:enum-constant:".length()) : null;
  }

  /**
   * The boolean fact "enum parameter {@code param} is the constant {@code simpleName}" (a parameter the method never
   * assigns): a branch on it is followed like one on a boolean parameter, and a summary may depend on it.
   */
  public static Key enumTest(Key param, String simpleName) {
    return new Key(param.id() + "==" + simpleName, Kind.PARAM, param.paramIndex());
  }

  /** For an {@link #enumTest(Key, String)} key, the constant's simple name; else null. */
  public String enumTestConstant() {
    int at = id.indexOf("==");
    return kind == Kind.PARAM && at >= 0 ? id.substring(at + 2) : null;
  }

  public static Key captured(String id) {
    return new Key(id, Kind.CAPTURED, -1);
  }

  /**
   * An expression keyed by its text; {@code this.} in front is dropped, so that {@code this.getSession()} and
   * {@code getSession()} are one spelling (semantics: "Same object, different spellings").
   */
  public static Key expr(String text) {
    String t = text;
    while (t != null && t.startsWith("this.")) {
      t = t.substring(5);
    }
    return new Key("expr:" + t, Kind.EXPR, -1);
  }

  /**
   * The location that a callee's field or {@code this} accessor {@code slotId} names when the callee is called on
   * {@code receiver} ({@code db.beginWork()} begins on {@code db}'s connection field): one location per receiver and
   * slot, so that the begin and end wrappers called on the same receiver pair.
   */
  public static Key onReceiver(Key receiver, String slotId) {
    return new Key(receiver.receiverPrefix() + slotId, Kind.EXPR, -1);
  }

  /** The start of the id of every location {@link #onReceiver} makes on this receiver. */
  public String receiverPrefix() {
    return "expr:" + id + "->";
  }

  /**
   * For a location {@link #onReceiver} made, whether the receiver it starts from is a local, a parameter or a captured
   * local of the unit: a caller has no name for it.
   */
  public boolean onLocalReceiver() {
    if (kind != Kind.EXPR || !id.contains("->")) {
      return false;
    }
    String base = id;
    while (base.startsWith("expr:")) {
      base = base.substring(5);
    }
    return base.startsWith("v:");
  }

  /** A variable: a local, a parameter, a field or a captured local (not an expression's text). */
  public boolean isVariable() {
    return kind != Kind.EXPR;
  }

  /** A location whose object another unit may also see: a transaction begun on it need not be ended here. */
  public boolean isShared() {
    return kind != Kind.LOCAL;
  }

  @Override
  public String toString() {
    return id;
  }
}
