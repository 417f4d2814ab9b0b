package dev.txguard.maven;

import dev.txguard.audit.AuditListener;
import dev.txguard.audit.AuditOptions;
import dev.txguard.audit.AuditRunner;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small module on disk with one leak of each rule, and the audit of it as the plugin runs it. */
final class Sources {
  static final String ORM = """
      package com.acme;

      public class Orm {
        public void begin() {}
        public void commit() {}
        public void rollback() {}
      }
      """;

  static final String SERVICE = """
      package com.acme;

      public class Service {
        boolean update(Orm orm, Runnable work, boolean skip) {
          orm.begin();
          work.run();
          if (skip) {
            return false;
          }
          orm.commit();
          return true;
        }
      }
      """;

  private Sources() {}

  /** Writes {@link #ORM} and {@link #SERVICE} under {@code basedir/src/main/java}; returns the two files. */
  static List<Path> module(Path basedir) throws IOException {
    Path pkg = Files.createDirectories(basedir.resolve("src/main/java/com/acme"));
    Path orm = Files.writeString(pkg.resolve("Orm.java"), ORM, StandardCharsets.UTF_8);
    Path service = Files.writeString(pkg.resolve("Service.java"), SERVICE, StandardCharsets.UTF_8);
    return List.of(orm, service);
  }

  /** The audit of {@code files}, its paths rebased onto {@code basedir}. */
  static AuditResult audit(List<Path> files, Path basedir) {
    AuditResult raw = new AuditRunner(new AuditOptions(files, List.of(), ProtocolRegistry.builtin(), 1, false),
        AuditListener.NONE).run();
    return ResultPaths.rebase(raw, ResultPaths.auditedRoot(files), basedir);
  }
}
