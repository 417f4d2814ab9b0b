package dev.txguard.audit;

import dev.txguard.report.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The audited code's classpath, checked once before the workers start (a bad entry is one problem, not one per
 * thread): jars, directories of class files, and directories of sources.
 */
final class Classpath implements AutoCloseable {
  private final List<Path> jars = new ArrayList<>();
  private final List<Path> classDirs = new ArrayList<>();
  private final List<Path> sourceDirs = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private URLClassLoader loader;

  static Classpath check(List<Path> entries) {
    Classpath cp = new Classpath();
    entries.forEach(cp::add);
    return cp;
  }

  private void add(Path entry) {
    if (!Files.exists(entry)) {
      problems.add(Problem.ofArgument(entry.toString(), "classpath entry does not exist"));
    } else if (Files.isDirectory(entry)) {
      (containsClassFiles(entry) ? classDirs : sourceDirs).add(entry);
    } else {
      try (JarFile ignored = new JarFile(entry.toFile())) {
        jars.add(entry);
      } catch (IOException e) {
        problems.add(Problem.ofArgument(entry.toString(),
            "classpath entry is not a readable jar: " + FileReading.reason(e)));
      }
    }
  }

  private static boolean containsClassFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().endsWith(".class"));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  List<Path> jars() {
    return jars;
  }

  List<Path> sourceDirs() {
    return sourceDirs;
  }

  List<Problem> problems() {
    return problems;
  }

  /**
   * One loader for the class directories, shared by the workers (class loaders are thread-safe), or null if there are
   * none. It sees the jars too, so that supertypes from them load; its parent is the platform loader, so the audited
   * code's classes never mix with txguard's own libraries.
   */
  synchronized ClassLoader classDirLoader() {
    if (classDirs.isEmpty()) {
      return null;
    }
    if (loader == null) {
      List<URL> urls = new ArrayList<>();
      try {
        for (Path p : classDirs) {
          urls.add(p.toUri().toURL());
        }
        for (Path p : jars) {
          urls.add(p.toUri().toURL());
        }
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
      loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
    return loader;
  }

  @Override
  public synchronized void close() throws IOException {
    if (loader != null) {
      loader.close();
    }
  }
}
