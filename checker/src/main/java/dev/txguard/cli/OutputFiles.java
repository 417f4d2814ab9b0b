package dev.txguard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before the analysis starts, that a file the command will write can be written. */
final class OutputFiles {
  private OutputFiles() {}

  /** Throws with a one-line reason naming the option and the file when {@code file} (if set) cannot be written. */
  static void checkWritable(String option, Path file) throws IOException {
    if (file == null) {
      return;
    }
    Path absolute = file.toAbsolutePath().normalize();
    String problem = null;
    if (Files.isDirectory(absolute)) {
      problem = "it is a directory";
    } else if (Files.exists(absolute)) {
      Path real = absolute.toRealPath();
      if (!Files.isWritable(real)) {
        problem = "it is not writable";
      } else if (Files.isRegularFile(real) && !Files.isWritable(real.getParent())) {
        problem = "the directory " + real.getParent() + " is not writable"; // the new file is renamed over it
      }
    } else {
      Path dir = absolute.getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        problem = "the directory " + (dir == null ? "" : dir + " ") + "does not exist";
      } else if (!Files.isWritable(dir)) {
        problem = "the directory " + dir + " is not writable";
      }
    }
    if (problem != null) {
      throw new IOException("cannot write " + option + " " + file + ": " + problem);
    }
  }
}
