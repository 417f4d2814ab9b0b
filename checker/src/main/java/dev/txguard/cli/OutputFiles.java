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
    Path dir = absolute.getParent();
    String problem = null;
    if (dir == null || !Files.isDirectory(dir)) {
      problem = "the directory " + (dir == null ? "" : dir + " ") + "does not exist";
    } else if (Files.isDirectory(absolute)) {
      problem = "it is a directory";
    } else if (!Files.isWritable(dir)) {
      problem = "the directory " + dir + " is not writable";
    } else if (Files.exists(absolute) && !Files.isWritable(absolute)) {
      problem = "it is not writable";
    }
    if (problem != null) {
      throw new IOException("cannot write " + option + " " + file + ": " + problem);
    }
  }
}
