package dev.txguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.report.AuditResult;
import dev.txguard.report.AuditedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.aether.DefaultSessionData;
import org.eclipse.aether.SessionData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorAggregateTest {
  @TempDir
  Path dir;

  @Test
  void oneAggregatePerExecutionOfTheSession() {
    SessionData data = new DefaultSessionData();
    ReactorAggregate a = ReactorAggregate.in(data, "default-cli", Set.of("p:a"));
    assertSame(a, ReactorAggregate.in(data, "default-cli", Set.of("ignored")));
    assertTrue(a != ReactorAggregate.in(data, "other", Set.of("p:a")));
  }

  @Test
  void theLastModuleGetsEveryResultOnce() throws Exception {
    Set<String> ids = Set.of("p:root", "p:a", "p:b", "p:c", "p:d", "p:e", "p:f", "p:g");
    SessionData data = new DefaultSessionData();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Optional<List<ModuleAudit>>>> adds = new ArrayList<>();
    for (String id : ids) {
      adds.add(pool.submit(() -> {
        start.await();
        return ReactorAggregate.in(data, "default-cli", ids).add(ModuleAudit.empty(id, dir));
      }));
    }
    start.countDown();
    List<List<ModuleAudit>> delivered = new ArrayList<>();
    for (Future<Optional<List<ModuleAudit>>> f : adds) {
      f.get().ifPresent(delivered::add);
    }
    pool.shutdown();
    assertEquals(1, delivered.size());
    assertEquals(ids, Set.copyOf(delivered.get(0).stream().map(ModuleAudit::projectId).toList()));
  }

  @Test
  void mergeRebasesEachModuleOntoTheRoot() throws IOException {
    Path a = dir.resolve("service");
    Path b = dir.resolve("billing");
    AuditResult ra = Sources.audit(Sources.module(a), a);
    AuditResult rb = Sources.audit(Sources.module(b), b);
    AuditResult merged = ReactorAggregate.merge(
        List.of(new ModuleAudit("p:service", a, ra), new ModuleAudit("p:billing", b, rb)), dir);
    assertEquals(List.of("billing/src/main/java/com/acme/Service.java", "service/src/main/java/com/acme/Service.java"),
        merged.files().stream().map(AuditedFile::path).toList());
    assertEquals(4, merged.findingCount());
    assertEquals(4, merged.filesAnalysed());
  }
}
