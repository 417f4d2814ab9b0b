package dev.txguard.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;

/**
 * A module's classpath for a goal run on its own ({@code mvn txguard:baseline}), when the modules it depends on in the
 * same build have not been built. Maven 3 resolves a sibling module's jar only once a lifecycle phase of this session
 * has compiled or packaged it, so a goal that asks Maven for its dependencies fails there ("Could not resolve
 * dependencies ... api:jar:1.0"). This resolves every other dependency as Maven would, and stands in for a sibling
 * with its classes, where it has been compiled, and its source roots, which the audit reads as sources: types from a
 * sibling resolve either way.
 */
final class UnbuiltReactorClasspath {
  private static final Set<String> COMPILE_SCOPES = Set.of("compile", "provided", "system");
  private static final Set<String> TEST_SCOPES = Set.of("compile", "provided", "system", "runtime", "test");

  private UnbuiltReactorClasspath() {}

  static List<String> elements(MavenProject project, MavenSession session, ProjectDependenciesResolver resolver,
      boolean includeTests) throws MojoExecutionException {
    Map<String, MavenProject> reactor = new HashMap<>();
    for (MavenProject p : session.getProjects()) {
      reactor.put(key(p.getGroupId(), p.getArtifactId(), p.getVersion()), p);
    }
    Set<String> scopes = includeTests ? TEST_SCOPES : COMPILE_SCOPES;
    DefaultDependencyResolutionRequest request =
        new DefaultDependencyResolutionRequest(project, session.getRepositorySession());
    // Resolve the files of everything in scope but the siblings, whose files may not exist yet.
    request.setResolutionFilter((node, parents) -> inScope(node, scopes) && sibling(node, reactor) == null);
    DependencyResolutionResult result;
    try {
      result = resolver.resolve(request);
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException("txguard: cannot resolve the dependencies of " + project.getArtifactId()
          + ": " + e.getMessage(), e);
    }

    Set<String> elements = new LinkedHashSet<>();
    if (includeTests) {
      elements.add(project.getBuild().getTestOutputDirectory());
    }
    elements.add(project.getBuild().getOutputDirectory());
    for (Dependency d : result.getDependencies()) {
      File file = d.getArtifact().getFile();
      if (file != null) {
        elements.add(file.getPath());
      }
    }
    List<DependencyNode> nodes = new ArrayList<>();
    collect(result.getDependencyGraph(), nodes);
    for (DependencyNode node : nodes) {
      MavenProject module = sibling(node, reactor);
      if (module != null && module != project && inScope(node, scopes)) {
        boolean testJar = "tests".equals(node.getArtifact().getClassifier());
        elements.add(testJar ? module.getBuild().getTestOutputDirectory() : module.getBuild().getOutputDirectory());
        elements.addAll(testJar ? module.getTestCompileSourceRoots() : module.getCompileSourceRoots());
      }
    }
    return List.copyOf(elements);
  }

  private static void collect(DependencyNode node, List<DependencyNode> out) {
    if (node == null) {
      return;
    }
    if (node.getDependency() != null) {
      out.add(node);
    }
    for (DependencyNode child : node.getChildren()) {
      collect(child, out);
    }
  }

  private static boolean inScope(DependencyNode node, Set<String> scopes) {
    Dependency d = node.getDependency();
    return d != null && scopes.contains(d.getScope());
  }

  private static MavenProject sibling(DependencyNode node, Map<String, MavenProject> reactor) {
    Artifact a = node.getArtifact();
    return a == null ? null : reactor.get(key(a.getGroupId(), a.getArtifactId(), a.getBaseVersion()));
  }

  private static String key(String groupId, String artifactId, String version) {
    return groupId + ":" + artifactId + ":" + version;
  }
}
