package dev.txguard.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Module import declarations (JEP 511, {@code import module java.sql;}) as the audit's name resolution sees them: each
 * becomes an on-demand import of every package the module exports to all, and of the packages of the modules it
 * requires transitively (java.sql brings java.logging, java.transaction.xa and java.xml). A compact source file (JEP
 * 512) imports module java.base implicitly. Modules are looked up among the JDK's own (the JDK txguard runs on), the
 * audit's classpath jars (their module-info or automatic module name), and a table of the Jakarta APIs txguard knows,
 * for an audit without a classpath. A module found nowhere imports nothing: its names stay unresolved, as any unknown
 * name does. Immutable and thread-safe after construction.
 */
public final class ModuleImports {
  /** The Jakarta APIs txguard's protocols use, for audits without their jars. */
  private static final Map<String, List<String>> KNOWN = Map.of(
      "jakarta.persistence", List.of("jakarta.persistence", "jakarta.persistence.criteria",
          "jakarta.persistence.metamodel", "jakarta.persistence.spi", "jakarta.persistence.sql"),
      "jakarta.transaction", List.of("jakarta.transaction"));

  private static final ModuleImports JDK_ONLY = new ModuleImports(List.of());

  private final Map<String, ModuleDescriptor> modules = new HashMap<>();

  private ModuleImports(List<Path> classpath) {
    for (ModuleReference r : ModuleFinder.ofSystem().findAll()) {
      modules.put(r.descriptor().name(), r.descriptor());
    }
    for (Path entry : classpath) {
      if (!Files.isRegularFile(entry)) {
        continue;
      }
      try {
        for (ModuleReference r : ModuleFinder.of(entry).findAll()) {
          modules.putIfAbsent(r.descriptor().name(), r.descriptor());
        }
      } catch (FindException | SecurityException e) {
        // A jar that is no valid module (a clash of names, a bad manifest) gives no module; its classes still resolve.
      }
    }
  }

  /** The JDK's modules and the known Jakarta APIs. */
  public static ModuleImports jdk() {
    return JDK_ONLY;
  }

  /** Also the modules of these classpath jars. */
  public static ModuleImports of(List<Path> classpath) {
    return classpath.isEmpty() ? JDK_ONLY : new ModuleImports(classpath);
  }

  /**
   * Replaces each {@code import module M;} of the file with on-demand imports of M's packages (after the file's own
   * imports, which shadow them), and gives a compact source file its implicit {@code import module java.base;}.
   */
  public void expand(CompilationUnit cu) {
    List<String> imported = new ArrayList<>();
    for (ImportDeclaration i : List.copyOf(cu.getImports())) {
      if (i.isModule()) {
        imported.add(i.getNameAsString());
        i.remove();
      }
    }
    boolean compact = cu.getTypes().stream()
        .anyMatch(t -> t instanceof ClassOrInterfaceDeclaration c && c.isCompact());
    if (compact) {
      imported.add("java.base");
    }
    if (imported.isEmpty()) {
      return;
    }
    Set<String> present = new HashSet<>();
    cu.getImports().stream().filter(i -> i.isAsterisk() && !i.isStatic()).forEach(i -> present.add(i.getNameAsString()));
    for (String pkg : packagesOf(imported)) {
      if (present.add(pkg)) {
        cu.addImport(new ImportDeclaration(pkg, false, true));
      }
    }
  }

  /** The packages the modules export to all, with those of the modules they require transitively; sorted. */
  Set<String> packagesOf(List<String> moduleNames) {
    Set<String> out = new TreeSet<>();
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> work = new ArrayDeque<>(moduleNames);
    while (!work.isEmpty()) {
      String name = work.pop();
      if (!seen.add(name)) {
        continue;
      }
      ModuleDescriptor d = modules.get(name);
      if (d == null) {
        out.addAll(KNOWN.getOrDefault(name, List.of()));
        continue;
      }
      if (d.isAutomatic()) {
        out.addAll(d.packages());
        continue;
      }
      d.exports().stream().filter(e -> !e.isQualified()).forEach(e -> out.add(e.source()));
      d.requires().stream().filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
          .forEach(r -> work.push(r.name()));
    }
    return out;
  }
}
