package dev.txguard.source;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.txguard.protocol.TypeFacts;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/** {@link TypeFacts} from the symbol solver, or from a name alone when the type does not resolve. */
final class SourceTypeFacts implements TypeFacts {
  private final String name;
  private final Set<String> supertypes;
  private final Predicate<String> noArgMethod;
  private final Predicate<String> endMethod;
  final boolean byName;
  /** Known only by its name, with no declaration anywhere: what it declares is unknown (settled detail 3). */
  final boolean membersUnknown;

  private SourceTypeFacts(String name, Set<String> supertypes, Predicate<String> noArgMethod,
      Predicate<String> endMethod, boolean byName) {
    this(name, supertypes, noArgMethod, endMethod, byName, false);
  }

  private SourceTypeFacts(String name, Set<String> supertypes, Predicate<String> noArgMethod,
      Predicate<String> endMethod, boolean byName, boolean membersUnknown) {
    this.name = name;
    this.supertypes = supertypes;
    this.noArgMethod = noArgMethod;
    this.endMethod = endMethod;
    this.byName = byName;
    this.membersUnknown = membersUnknown;
  }

  /** Facts of a resolved type; null for primitives, arrays and types the solver cannot describe. */
  static SourceTypeFacts resolved(ResolvedType type) {
    try {
      if (type != null && type.isTypeVariable()) {
        var bounds = type.asTypeVariable().asTypeParameter().getBounds();
        return bounds.isEmpty() ? null : resolved(bounds.get(0).getType());
      }
      if (type == null || !type.isReferenceType()) {
        return null;
      }
      ResolvedReferenceType ref = type.asReferenceType();
      Set<String> supers = new HashSet<>();
      supers.add(ref.getQualifiedName());
      try {
        for (ResolvedReferenceType a : ref.getAllAncestors()) {
          supers.add(a.getQualifiedName());
        }
      } catch (RuntimeException e) {
        // an ancestor outside the source roots and class path: what resolved still counts
      }
      Set<String> noArg = new HashSet<>();
      Set<String> ends = new HashSet<>();
      try {
        ref.getTypeDeclaration().ifPresent(d -> collectNoArg(d, supers, noArg, ends));
        for (ResolvedReferenceType a : ref.getAllAncestors()) {
          a.getTypeDeclaration().ifPresent(d -> collectNoArg(d, supers, noArg, ends));
        }
      } catch (RuntimeException e) {
        // as above
      }
      return new SourceTypeFacts(ref.getQualifiedName(), supers, noArg::contains, ends::contains, false);
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  private static void collectNoArg(ResolvedReferenceTypeDeclaration d, Set<String> supers, Set<String> out,
      Set<String> ends) {
    try {
      d.getDeclaredMethods().forEach(m -> {
        if (m.getNumberOfParams() == 0 && !m.isStatic()) {
          out.add(m.getName());
          if (endsRatherThanBuilds(m, supers)) {
            ends.add(m.getName());
          }
        }
      });
    } catch (RuntimeException e) {
      // unresolvable members: skip them
    }
  }

  /**
   * As javac's {@code JavacTypeFacts}: a result of nothing, a primitive, a type variable, or the type or a supertype
   * (fluent). A result that does not resolve is taken as written, by its simple name.
   */
  private static boolean endsRatherThanBuilds(ResolvedMethodDeclaration m, Set<String> supers) {
    try {
      ResolvedType result = m.getReturnType();
      return result.isVoid() || result.isPrimitive() || result.isTypeVariable()
          || result.isReferenceType() && supers.contains(result.asReferenceType().getQualifiedName());
    } catch (RuntimeException e) {
      return m.toAst().map(n -> n instanceof MethodDeclaration md ? endsRatherThanBuilds(md, simpleNames(supers))
          : Boolean.TRUE).orElse(Boolean.TRUE);
    }
  }

  /** The same test on a declaration's written result type, against the simple names of the type and its supertypes. */
  static boolean endsRatherThanBuilds(MethodDeclaration m, Set<String> ownSimpleNames) {
    Type result = m.getType();
    if (result.isVoidType() || result.isPrimitiveType()) {
      return true;
    }
    if (!result.isClassOrInterfaceType()) {
      return false;
    }
    String simple = result.asClassOrInterfaceType().getNameAsString();
    return ownSimpleNames.contains(simple)
        || m.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(simple))
        || m.findAncestor(TypeDeclaration.class).map(t -> t instanceof NodeWithTypeParameters<?> g
            && g.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(simple))).orElse(false);
  }

  private static Set<String> simpleNames(Set<String> qualified) {
    Set<String> out = new HashSet<>();
    qualified.forEach(q -> out.add(q.substring(q.lastIndexOf('.') + 1)));
    return out;
  }

  /** Facts from a (qualified, if imports told) name; the predicates from a declaration in the same file. */
  static SourceTypeFacts named(String qualifiedName, Predicate<String> noArgMethods, Predicate<String> endMethods) {
    Set<String> supers = new HashSet<>();
    supers.add(qualifiedName);
    return new SourceTypeFacts(qualifiedName, supers, noArgMethods, endMethods, true);
  }

  /** A type known only by a (qualified, if imports told) name, declared nowhere txguard can see. */
  static SourceTypeFacts undeclared(String qualifiedName) {
    return new SourceTypeFacts(qualifiedName, Set.of(qualifiedName), m -> false, m -> false, true, true);
  }

  /** A type known only as "the handle of this protocol" (the result of an accessor or a begin). */
  static SourceTypeFacts handleOf(Set<String> handleTypes, Predicate<String> noArgMethods) {
    String name = handleTypes.isEmpty() ? "?" : handleTypes.iterator().next();
    return new SourceTypeFacts(name, Set.copyOf(handleTypes), noArgMethods, noArgMethods, true);
  }

  @Override
  public String qualifiedName() {
    return name;
  }

  @Override
  public boolean isSubtypeOf(String qualifiedName) {
    return supertypes.contains(qualifiedName);
  }

  @Override
  public boolean hasNoArgMethod(String method) {
    return noArgMethod.test(method);
  }

  @Override
  public boolean declaresEnd(String method) {
    return endMethod.test(method);
  }
}
