package dev.txguard.audit;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.txguard.module.ModuleIndex;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.source.JavaRelease;
import dev.txguard.source.NestingDepth;
import dev.txguard.source.SourceModuleScan;
import dev.txguard.source.SourceParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The audit's first pass: reads every file of the module once, parsed as the second pass parses it (same release, no
 * symbols), and builds the {@link ModuleIndex} the analysis of each file needs: which names begin or matter through
 * methods of other files. A file that does not parse adds nothing here; the second pass reports it.
 *
 * <p>It also tells which files the second pass need not read again: a file that parsed here and calls no name that
 * may begin (directly or through a module method) has no unit the analysis would select, so its outcome is known
 * (no finding, no problem). Most files of a large module are such files; skipping their second parse is what keeps
 * the audit near the cost of parsing the module once (docs/performance.md, section 3).
 */
final class ModuleIndexer {
  private ModuleIndexer() {}

  /**
   * The index, and the files the second pass can skip: each parsed, is not nested beyond
   * {@link NestingDepth#LIMIT}, is valid UTF-8, and none of the names it calls may begin.
   */
  record Result(ModuleIndex index, Set<Path> quiet, Map<String, List<Path>> secondary) {}

  static Result build(List<SourceFile> files, ProtocolRegistry registry, int threads, JavaRelease release) {
    List<ModuleIndex.Method> methods = Collections.synchronizedList(new ArrayList<>());
    // Secondary top-level types (a package-private class in a file named for another): javac sees them, and the
    // source roots' solver, which looks a type up by its file name, would not.
    Map<String, List<Path>> secondary = new ConcurrentHashMap<>();
    @SuppressWarnings("unchecked") // each worker writes its own slots; Future.get() publishes them
    Set<String>[] called = new Set[files.size()]; // null: the second pass must read the file
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(null, r, "txguard-index", 64L << 20); // deep expressions need a large stack
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < Math.max(1, threads); t++) {
        workers.add(pool.submit(() -> {
          SourceParser parser = new SourceParser(release, null);
          List<ModuleIndex.Method> mine = new ArrayList<>();
          for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            called[i] = scan(parser, files.get(i), mine, registry, secondary);
          }
          methods.addAll(mine);
        }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("audit interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("indexing the module failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    ModuleIndex index = ModuleIndex.build(methods, registry);
    Set<Path> quiet = new HashSet<>();
    for (int i = 0; i < files.size(); i++) {
      Set<String> names = called[i];
      // The second pass's selection (SourceAnalyzer.select) over the file's units can select nothing: the names are a
      // superset of what its units call.
      if (names != null && names.stream().noneMatch(index::selects)) {
        quiet.add(files.get(i).file());
      }
    }
    Map<String, List<Path>> declared = new TreeMap<>();
    secondary.forEach((type, in) -> declared.put(type, in.stream().sorted().toList()));
    return new Result(index, Set.copyOf(quiet), Collections.unmodifiableMap(declared));
  }

  /** Indexes the file's methods; returns the names it calls, or null when the second pass must read it. */
  private static Set<String> scan(SourceParser parser, SourceFile file, List<ModuleIndex.Method> out,
      ProtocolRegistry registry, Map<String, List<Path>> secondary) {
    try {
      SourceText text = SourceText.decode(Files.readAllBytes(file.file()));
      if (NestingDepth.of(text.text()) > NestingDepth.LIMIT) {
        return null;
      }
      SourceParser.Parsed parsed = parser.parse(text.text());
      if (parsed.unit() == null) {
        return null;
      }
      CompilationUnit cu = parsed.unit();
      SourceModuleScan.scan(cu, out, registry);
      String stem = file.file().getFileName().toString().replaceFirst("\\.java$", "");
      String pkg = cu.getPackageDeclaration().map(d -> d.getNameAsString() + ".").orElse("");
      for (com.github.javaparser.ast.body.TypeDeclaration<?> t : cu.getTypes()) {
        if (!t.getNameAsString().equals(stem)) {
          secondary.computeIfAbsent(pkg + t.getNameAsString(), k -> Collections.synchronizedList(new ArrayList<>()))
              .add(file.file());
        }
      }
      Set<String> names = new HashSet<>();
      for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
        names.add(SourceModuleScan.selectionName(call, registry));
      }
      for (ObjectCreationExpr n : cu.findAll(ObjectCreationExpr.class)) {
        names.add("new " + n.getType().getNameAsString());
      }
      return text.latin1Fallback() ? null : names;
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return null; // the second pass reads and reports this file
    }
  }
}
