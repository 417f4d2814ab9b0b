package dev.txguard.audit;

import java.nio.file.Path;

/** A Java file to audit: where it is, and the path reports show (relative to the audited root, forward slashes). */
record SourceFile(Path file, String path) {}
