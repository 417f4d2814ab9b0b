package dev.txguard.audit;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.txguard.module.ModuleIndex;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.source.SourceModuleScan;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The audit's first pass: reads every file of the module once, parsed for its syntax only (no validation, comments or
 * tokens), and builds the {@link ModuleIndex} the analysis of each file needs: which names begin or matter through
 * methods of other files. A file that does not parse adds nothing here; the second pass reports it.
 */
final class ModuleIndexer {
  private ModuleIndexer() {}

  static ModuleIndex build(List<SourceFile> files, ProtocolRegistry registry, int threads) {
    List<ModuleIndex.Method> methods = Collections.synchronizedList(new ArrayList<>());
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
          JavaParser parser = new JavaParser(new ParserConfiguration()
              .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
              .setAttributeComments(false)
              .setStoreTokens(false));
          List<ModuleIndex.Method> mine = new ArrayList<>();
          for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            scan(parser, files.get(i), mine, registry);
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
    return ModuleIndex.build(methods, registry);
  }

  private static void scan(JavaParser parser, SourceFile file, List<ModuleIndex.Method> out, ProtocolRegistry registry) {
    try {
      ParseResult<CompilationUnit> r = parser.parse(SourceText.decode(Files.readAllBytes(file.file())).text());
      r.getResult().ifPresent(cu -> SourceModuleScan.scan(cu, out, registry));
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // the second pass reads and reports this file
    }
  }
}
