package dev.txguard.javac;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree;
import dev.txguard.graph.Site;
import java.util.HashMap;
import java.util.Map;

/** Makes {@link Site}s from javac trees and remembers the trees behind reported sites (for positions and fixes). */
final class SiteFactory {
  private static final int MAX_TEXT = 80;

  private final VisitorState state;
  private final CompilationUnitTree cu;
  private final LineMap lines;
  private final Map<Integer, Tree> registered = new HashMap<>();
  /** Read on first use: most files have no transaction and never need their text. */
  private CharSequence source;

  SiteFactory(VisitorState state, CompilationUnitTree cu) {
    this.state = state;
    this.cu = cu;
    this.lines = cu.getLineMap();
  }

  private CharSequence source() {
    if (source == null) {
      source = sourceOf(state, cu);
    }
    return source;
  }

  private static CharSequence sourceOf(VisitorState state, CompilationUnitTree cu) {
    try {
      CharSequence s = state.getSourceCode();
      if (s != null) {
        return s;
      }
      return cu.getSourceFile().getCharContent(true);
    } catch (java.io.IOException | RuntimeException e) {
      return "";
    }
  }

  int start(Tree t) {
    return ((JCTree) t).getStartPosition();
  }

  int end(Tree t) {
    int e = state.getEndPosition(t);
    return e < 0 ? start(t) + 1 : e;
  }

  Site of(Tree t) {
    if (t == null) {
      return Site.NONE;
    }
    int s = start(t);
    return make(s, end(t), text(t));
  }

  /** A site whose tree the checker may need again (a reported exit or call). */
  Site register(Tree t) {
    Site site = of(t);
    registered.put(site.start(), t);
    return site;
  }

  Tree treeAt(int start) {
    return registered.get(start);
  }

  /** The closing brace of a block. */
  Site closingBrace(Tree block) {
    int e = end(block);
    return make(e - 1, e, "}");
  }

  /** The end of an expression (an expression lambda falling off). */
  Site endOf(Tree t) {
    int e = end(t);
    return make(Math.max(e - 1, 0), e, text(t));
  }

  String text(Tree t) {
    int s = start(t);
    int e = end(t);
    CharSequence src = source();
    if (s < 0 || e > src.length() || s >= e) {
      return t.toString();
    }
    return Site.snippet(src, s, e, MAX_TEXT);
  }

  private Site make(int start, int end, String text) {
    if (start < 0) {
      return new Site(start, end, 0, 0, text);
    }
    return new Site(start, end, (int) lines.getLineNumber(start), (int) lines.getColumnNumber(start), text);
  }
}
