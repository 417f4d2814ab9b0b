package dev.txguard.maven;

import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The Java level a module's maven-compiler-plugin compiles at, as the plugin itself decides it: its {@code release}
 * (configuration, else the {@code maven.compiler.release} property) wins over its {@code source} (configuration, else
 * {@code maven.compiler.source}).
 *
 * @param name where the value came from, for messages
 * @param value the value as written
 */
record CompilerLevel(String name, String value) {
  private static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";

  /** The module's level, or null when it sets none. */
  static CompilerLevel of(MavenProject project) {
    Plugin plugin = project.getPlugin(COMPILER);
    Xpp3Dom config = plugin == null || !(plugin.getConfiguration() instanceof Xpp3Dom d) ? null : d;
    return of(config, project.getProperties());
  }

  static CompilerLevel of(Xpp3Dom compilerConfiguration, Properties properties) {
    for (String key : new String[] {"release", "source"}) {
      String configured = child(compilerConfiguration, key);
      if (configured != null) {
        return new CompilerLevel("the compiler's <" + key + ">", configured);
      }
      String property = properties.getProperty("maven.compiler." + key);
      if (property != null && !property.isBlank()) {
        return new CompilerLevel("maven.compiler." + key, property.strip());
      }
    }
    return null;
  }

  /** A child's text, unless empty or a property reference Maven left unresolved. */
  private static String child(Xpp3Dom config, String name) {
    Xpp3Dom c = config == null ? null : config.getChild(name);
    String v = c == null || c.getValue() == null ? null : c.getValue().strip();
    return v == null || v.isEmpty() || v.startsWith("${") ? null : v;
  }
}
