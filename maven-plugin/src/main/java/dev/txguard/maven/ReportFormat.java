package dev.txguard.maven;

import dev.txguard.report.AuditResult;
import dev.txguard.report.HtmlReport;
import dev.txguard.report.SarifReport;
import dev.txguard.report.TextReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The report files the {@code formats} parameter names, each written by the checker's own report class. */
enum ReportFormat {
  SARIF("txguard.sarif"),
  HTML("txguard.html"),
  TEXT("txguard.txt");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  String fileName() {
    return fileName;
  }

  /** Parses format names (case-insensitive), each once, in the order given. */
  static List<ReportFormat> parse(List<String> names) {
    Set<ReportFormat> formats = new LinkedHashSet<>();
    for (String name : names) {
      try {
        formats.add(valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown report format '" + name + "' in txguard's formats; the formats are "
            + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")),
            e);
      }
    }
    return List.copyOf(formats);
  }

  /** Writes {@code result} in each format into {@code directory}; returns the files written. */
  static List<Path> writeAll(List<ReportFormat> formats, AuditResult result, String subject, Path directory)
      throws IOException {
    List<Path> written = new ArrayList<>();
    if (formats.isEmpty()) {
      return written;
    }
    Files.createDirectories(directory);
    for (ReportFormat format : formats) {
      Path file = directory.resolve(format.fileName);
      switch (format) {
        case SARIF -> SarifReport.write(result, file);
        case HTML -> HtmlReport.write(result, subject, file);
        case TEXT -> TextReport.write(result, file);
      }
      written.add(file);
    }
    return written;
  }
}
