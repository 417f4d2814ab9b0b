package dev.txguard.bench;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline of {@code checker/bench/audit-vs-parse.sh}: parses every Java file under a directory with JavaParser
 * alone (no symbol solver, no analysis) and discards each AST. It walks the tree as the audit's discovery does
 * (skipping {@code target}, {@code build}, {@code .git} and {@code test} directories, files in report-path order),
 * reads each file as UTF-8 and parses it with {@code new JavaParser(new ParserConfiguration().setLanguageLevel(JAVA_25))} (the audit's first parse),
 * one parser per worker of a fixed pool whose workers take files from a shared index, as the audit's workers do.
 *
 * <p>Usage: {@code ParseOnly <dir> [threads=2]}. Prints one line: files, parsed, not parsed, wall seconds (in-process,
 * walk included).
 */
public final class ParseOnly {
  private static final Set<String> SKIPPED_DIRS = Set.of("target", "build", ".git", "test");
  /** The audit's workers use a 16 MB stack for deeply nested code; the same here, so that both parse the same files. */
  private static final long WORKER_STACK = 16L << 20;

  private ParseOnly() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ParseOnly <dir> [threads=2]");
      System.exit(2);
    }
    long start = System.nanoTime();
    Path dir = Path.of(args[0]).toAbsolutePath().normalize();
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    List<Path> files = javaFiles(dir);
    int workers = Math.max(1, Math.min(threads, files.size()));

    AtomicInteger next = new AtomicInteger();
    AtomicInteger parsed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong chars = new AtomicLong();
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers,
        r -> {
          Thread t = new Thread(null, r, "parse-only-" + n.incrementAndGet(), WORKER_STACK);
          t.setDaemon(true);
          return t;
        });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        running.add(pool.submit(() -> {
          JavaParser parser = new JavaParser(
              new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25));
          for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            String text = new String(Files.readAllBytes(files.get(i)), StandardCharsets.UTF_8);
            chars.addAndGet(text.length());
            ParseResult<CompilationUnit> result = parser.parse(text);
            if (result.isSuccessful() && result.getResult().isPresent()) {
              parsed.incrementAndGet();
            } else {
              failed.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "parse-only: %d files, %d parsed, %d not parsed, %d chars, %d threads, %.2f s%n",
        files.size(), parsed.get(), failed.get(), chars.get(), workers, wall);
  }

  /** The {@code .java} files under {@code dir}, sorted by relative path (the audit's order). */
  private static List<Path> javaFiles(Path dir) throws IOException {
    TreeMap<String, Path> found = new TreeMap<>();
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        return !d.equals(dir) && SKIPPED_DIRS.contains(d.getFileName().toString())
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java")) {
          found.put(dir.relativize(file).toString().replace('\\', '/'), file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return List.copyOf(found.values());
  }
}
