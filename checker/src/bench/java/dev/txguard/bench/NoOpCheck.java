package dev.txguard.bench;

import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;

/**
 * An Error Prone check that matches what txguard's checks match (every method and class) and does nothing: the floor
 * of running any such check, which {@code compile-overhead.sh} measures with {@code FLOOR=1} so that Error Prone's
 * own cost of scanning for one check is told apart from txguard's analysis. Compiled by the script against Error
 * Prone's jars, never part of the checker.
 */
@BugPattern(summary = "does nothing (benchmark floor)", severity = BugPattern.SeverityLevel.WARNING)
public final class NoOpCheck extends BugChecker implements BugChecker.MethodTreeMatcher, BugChecker.ClassTreeMatcher {
  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return Description.NO_MATCH;
  }

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return Description.NO_MATCH;
  }
}
