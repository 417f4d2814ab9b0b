package dev.txguard.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file whole or not at all: into a new file beside it, then renamed over it. A build killed midway, a full
 * disk or a failed write leaves the old file (or none), never half a baseline that the next run would reject. A
 * symbolic link keeps pointing where it did; a device or a pipe is simply written to.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void writeString(Path file, String text) throws IOException {
    Path target = file.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      target = target.toRealPath(); // through a symbolic link: replace the file it names, not the link
      if (!Files.isRegularFile(target)) {
        // A device or a pipe (-o /dev/stdout): written to, never replaced.
        Files.writeString(target, text, StandardCharsets.UTF_8);
        return;
      }
    }
    Path dir = target.getParent();
    // Created like any new file (the umask decides its mode), not with createTempFile's owner-only mode.
    Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
        + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
