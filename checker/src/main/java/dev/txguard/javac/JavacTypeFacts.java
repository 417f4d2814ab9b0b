package dev.txguard.javac;

import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.txguard.graph.ThrownType;
import dev.txguard.protocol.TypeFacts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@link TypeFacts} from javac's types; one cache per compilation unit. */
final class JavacTypeFacts implements TypeFacts {
  /**
   * Caches the facts of each class symbol, and what each exception type is, for one compilation: symbols do not change
   * while the checks run, and one cache for every unit keeps javac's {@code Types.closure} off the hot path.
   */
  static final class Cache {
    private final Types types;
    private final Map<Symbol.TypeSymbol, JavacTypeFacts> facts = new HashMap<>();
    private final Map<Type, ThrownType> thrownTypes = new HashMap<>();

    Cache(Types types) {
      this.types = types;
    }

    Types types() {
      return types;
    }

    /** The facts of a type, or null for primitives, arrays, type variables without bound and errors. */
    JavacTypeFacts of(Type type) {
      if (type == null) {
        return null;
      }
      Type t = type;
      if (t.hasTag(com.sun.tools.javac.code.TypeTag.TYPEVAR)) {
        t = t.getUpperBound();
      }
      if (t == null || !t.hasTag(com.sun.tools.javac.code.TypeTag.CLASS)) {
        return null;
      }
      Symbol.TypeSymbol sym = t.tsym;
      return facts.computeIfAbsent(sym, s -> new JavacTypeFacts(types, types.erasure(s.type)));
    }

    /** An exception type as the analysis sees it (its name, supertypes, checked or not); null for no class type. */
    ThrownType thrownType(Type type) {
      if (type == null) {
        return null;
      }
      Type t = type.hasTag(com.sun.tools.javac.code.TypeTag.TYPEVAR) ? type.getUpperBound() : type;
      if (t == null || !t.hasTag(com.sun.tools.javac.code.TypeTag.CLASS)) {
        return null;
      }
      return thrownTypes.computeIfAbsent(types.erasure(t), et -> {
        Set<String> supers = new HashSet<>();
        for (Type s : types.closure(et)) {
          supers.add(s.tsym.getQualifiedName().toString());
        }
        boolean checked = !supers.contains(ThrownType.RUNTIME_EXCEPTION) && !supers.contains("java.lang.Error");
        return new ThrownType(et.tsym.getQualifiedName().toString(), supers, checked);
      });
    }
  }

  private final Types types;
  private final Type type;
  private Set<String> supertypes;
  private final Map<String, Boolean> noArgMethods = new HashMap<>();
  private final Map<String, Boolean> endMethods = new HashMap<>();

  private JavacTypeFacts(Types types, Type type) {
    this.types = types;
    this.type = type;
  }

  @Override
  public String qualifiedName() {
    return type.tsym.getQualifiedName().toString();
  }

  @Override
  public boolean isSubtypeOf(String qualifiedName) {
    if (supertypes == null) {
      Set<String> s = new HashSet<>();
      for (Type t : types.closure(type)) {
        s.add(t.tsym.getQualifiedName().toString());
      }
      supertypes = s;
    }
    return supertypes.contains(qualifiedName);
  }

  @Override
  public boolean hasNoArgMethod(String name) {
    return noArgMethods.computeIfAbsent(name, n -> findNoArgMethod(n, false));
  }

  @Override
  public boolean declaresEnd(String name) {
    return endMethods.computeIfAbsent(name, n -> findNoArgMethod(n, true));
  }

  /** Nothing, a primitive, a type variable, or this type or one of its supertypes (a fluent end). */
  private boolean endsRatherThanBuilds(Type result) {
    return result.isPrimitiveOrVoid()
        || result.hasTag(com.sun.tools.javac.code.TypeTag.TYPEVAR)
        || types.isSubtype(types.erasure(type), types.erasure(result));
  }

  /** A no-arg, non-static, non-private method {@code name()}; with {@code asEnd}, one whose result can end. */
  private boolean findNoArgMethod(String name, boolean asEnd) {
    return noArgInstanceMethods(types, type, name).anyMatch(m -> (m.flags() & Flags.PRIVATE) == 0
        && (!asEnd || endsRatherThanBuilds(m.getReturnType())));
  }

  /** The no-argument instance methods {@code name()} of {@code type} and its supertypes, the most specific first. */
  static java.util.stream.Stream<Symbol.MethodSymbol> noArgInstanceMethods(Types types, Type type, String name) {
    return types.closure(type).stream()
        .flatMap(t -> java.util.stream.StreamSupport.stream(
            t.tsym.members().getSymbolsByName(t.tsym.name.table.fromString(name)).spliterator(), false))
        .filter(member -> member instanceof Symbol.MethodSymbol m && m.getParameters().isEmpty()
            && (m.flags() & Flags.STATIC) == 0)
        .map(member -> (Symbol.MethodSymbol) member);
  }

  Type type() {
    return type;
  }
}
