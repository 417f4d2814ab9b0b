package dev.txguard.source;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import dev.txguard.graph.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Makes {@link Site}s from JavaParser nodes: character offsets computed from line and column. */
final class SourceSites {
  private static final int MAX_TEXT = 80;

  private final String source;
  private final List<Integer> lineStarts = new ArrayList<>();
  private final Map<Integer, Node> registered = new HashMap<>();

  SourceSites(String source) {
    this.source = source;
    lineStarts.add(0);
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= source.length() || source.charAt(i + 1) != '\n'))) {
        lineStarts.add(i + 1);
      }
    }
  }

  private int offset(Position p) {
    int line = Math.max(1, Math.min(p.line, lineStarts.size()));
    return Math.min(source.length(), lineStarts.get(line - 1) + Math.max(0, p.column - 1));
  }

  int start(Node n) {
    return n.getRange().map(r -> offset(r.begin)).orElse(-1);
  }

  int end(Node n) {
    return n.getRange().map(r -> offset(r.end) + 1).orElse(-1);
  }

  Site of(Node n) {
    if (n == null || n.getRange().isEmpty()) {
      return Site.NONE;
    }
    var r = n.getRange().get();
    return new Site(start(n), end(n), r.begin.line, r.begin.column, text(n));
  }

  Site register(Node n) {
    Site s = of(n);
    registered.put(s.start(), n);
    return s;
  }

  /** The closing brace of a block. */
  Site closingBrace(Node block) {
    if (block.getRange().isEmpty()) {
      return Site.NONE;
    }
    var end = block.getRange().get().end;
    int e = end(block);
    return new Site(e - 1, e, end.line, end.column, "}");
  }

  Site endOf(Node n) {
    if (n.getRange().isEmpty()) {
      return Site.NONE;
    }
    var end = n.getRange().get().end;
    int e = end(n);
    return new Site(e - 1, e, end.line, end.column, text(n));
  }

  String text(Node n) {
    int s = start(n);
    int e = end(n);
    if (s < 0 || e > source.length() || s >= e) {
      return n.toString();
    }
    return Site.snippet(source, s, e, MAX_TEXT);
  }
}
