package dev.txguard.source;

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
  final boolean byName;

  private SourceTypeFacts(String name, Set<String> supertypes, Predicate<String> noArgMethod, boolean byName) {
    this.name = name;
    this.supertypes = supertypes;
    this.noArgMethod = noArgMethod;
    this.byName = byName;
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
      try {
        ref.getTypeDeclaration().ifPresent(d -> collectNoArg(d, noArg));
        for (ResolvedReferenceType a : ref.getAllAncestors()) {
          a.getTypeDeclaration().ifPresent(d -> collectNoArg(d, noArg));
        }
      } catch (RuntimeException e) {
        // as above
      }
      return new SourceTypeFacts(ref.getQualifiedName(), supers, noArg::contains, false);
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  private static void collectNoArg(ResolvedReferenceTypeDeclaration d, Set<String> out) {
    try {
      d.getDeclaredMethods().forEach(m -> {
        if (m.getNumberOfParams() == 0 && !m.isStatic()) {
          out.add(m.getName());
        }
      });
    } catch (RuntimeException e) {
      // unresolvable members: skip them
    }
  }

  /** Facts from a (qualified, if imports told) name; {@code noArgMethods} from a declaration in the same file. */
  static SourceTypeFacts named(String qualifiedName, Predicate<String> noArgMethods) {
    Set<String> supers = new HashSet<>();
    supers.add(qualifiedName);
    return new SourceTypeFacts(qualifiedName, supers, noArgMethods, true);
  }

  /** A type known only as "the handle of this protocol" (the result of an accessor or a begin). */
  static SourceTypeFacts handleOf(Set<String> handleTypes, Predicate<String> noArgMethods) {
    String name = handleTypes.isEmpty() ? "?" : handleTypes.iterator().next();
    return new SourceTypeFacts(name, Set.copyOf(handleTypes), noArgMethods, true);
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
}
