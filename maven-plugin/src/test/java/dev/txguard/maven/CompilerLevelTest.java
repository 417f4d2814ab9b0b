package dev.txguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Properties;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** The compiler's level as maven-compiler-plugin decides it: release before source, configuration before property. */
class CompilerLevelTest {
  private static Xpp3Dom config(String... nameValue) {
    Xpp3Dom d = new Xpp3Dom("configuration");
    for (int i = 0; i < nameValue.length; i += 2) {
      Xpp3Dom c = new Xpp3Dom(nameValue[i]);
      c.setValue(nameValue[i + 1]);
      d.addChild(c);
    }
    return d;
  }

  private static Properties props(String... nameValue) {
    Properties p = new Properties();
    for (int i = 0; i < nameValue.length; i += 2) {
      p.setProperty(nameValue[i], nameValue[i + 1]);
    }
    return p;
  }

  @Test
  void releaseWinsOverSourceAndConfigurationOverProperty() {
    assertEquals(new CompilerLevel("maven.compiler.release", "17"),
        CompilerLevel.of(null, props("maven.compiler.release", "17", "maven.compiler.source", "1.8")));
    assertEquals(new CompilerLevel("maven.compiler.source", "1.8"),
        CompilerLevel.of(null, props("maven.compiler.source", "1.8", "maven.compiler.target", "1.8")));
    assertEquals(new CompilerLevel("the compiler's <release>", "21"),
        CompilerLevel.of(config("release", "21"), props("maven.compiler.release", "17")));
    assertEquals(new CompilerLevel("maven.compiler.release", "17"),
        CompilerLevel.of(config("source", "11"), props("maven.compiler.release", "17")), "release before source");
    assertEquals(new CompilerLevel("the compiler's <source>", "11"),
        CompilerLevel.of(config("source", "11"), props("maven.compiler.source", "8")));
  }

  @Test
  void nothingSetOrUnresolvedIsNoLevel() {
    assertNull(CompilerLevel.of(null, props()));
    assertNull(CompilerLevel.of(config("release", "${java.level}"), props("maven.compiler.release", " ")));
  }
}
