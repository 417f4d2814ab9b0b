package dev.txguard.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code catch} clause of the JDK's sources does with an unchecked exception of unknown type, as
 * semantics.md says: {@code RuntimeException}, {@code Exception} and {@code Throwable} always take it, a narrower
 * unchecked type may. Types are found by name (java.lang, imports, the file's package, nested types) and loaded
 * without initialisation; a type that does not load counts as taking nothing (fewer exits are then sure).
 */
final class ExceptionClasses {
  enum Catching { ALWAYS, SOMETIMES, NEVER }

  private static final Set<String> ALWAYS = Set.of("RuntimeException", "Exception", "Throwable",
      "java.lang.RuntimeException", "java.lang.Exception", "java.lang.Throwable");

  private final CompilationUnit cu;
  private final Map<String, Catching> cache = new HashMap<>();

  ExceptionClasses(CompilationUnit cu) {
    this.cu = cu;
  }

  Catching catchingUnknownUnchecked(String written, Node at) {
    if (ALWAYS.contains(written)) {
      return Catching.ALWAYS;
    }
    return cache.computeIfAbsent(written + "@" + enclosingTypes(at), k -> {
      for (String candidate : candidates(written, at)) {
        Class<?> c = load(candidate);
        if (c != null) {
          return RuntimeException.class.isAssignableFrom(c) ? Catching.SOMETIMES : Catching.NEVER;
        }
      }
      return Catching.NEVER;
    });
  }

  private List<String> candidates(String written, Node at) {
    List<String> out = new ArrayList<>();
    String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
    if (written.contains(".")) {
      out.add(written);
      out.add(pkg + written);
    } else {
      for (String outer : enclosingTypes(at)) {
        out.add(pkg + outer + "$" + written);
      }
      for (ImportDeclaration i : cu.getImports()) {
        if (!i.isStatic() && !i.isAsterisk() && i.getName().getIdentifier().equals(written)) {
          out.add(i.getNameAsString());
        }
      }
      out.add(pkg + written);
      out.add("java.lang." + written);
      for (ImportDeclaration i : cu.getImports()) {
        if (!i.isStatic() && i.isAsterisk()) {
          out.add(i.getNameAsString() + "." + written);
        }
      }
    }
    List<String> withNested = new ArrayList<>();
    for (String c : out) {
      withNested.add(c);
      int dot = c.lastIndexOf('.');
      if (dot > 0) {
        withNested.add(c.substring(0, dot) + "$" + c.substring(dot + 1)); // Outer.Inner written qualified
      }
    }
    return withNested;
  }

  /** Binary names of the types around {@code at}, innermost first, relative to the package ({@code A$B}). */
  private static List<String> enclosingTypes(Node at) {
    List<String> names = new ArrayList<>();
    for (Node p = at; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> t) {
        names.add(t.getNameAsString());
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      StringBuilder b = new StringBuilder();
      for (int j = names.size() - 1; j >= i; j--) {
        b.append(b.length() == 0 ? "" : "$").append(names.get(j));
      }
      out.add(b.toString());
    }
    return out;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
