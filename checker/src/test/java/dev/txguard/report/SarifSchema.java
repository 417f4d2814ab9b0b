package dev.txguard.report;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OASIS SARIF 2.1.0 JSON schema, vendored in src/test/resources/sarif/ (origin and licence: NOTICE.md there) and read
 * from the test classpath, so that it also comes with the test-jar that checker/ep-latest-tests runs. A missing schema
 * fails the test that asks for it: a report test must never pass by not validating.
 */
public final class SarifSchema {
  /** The resource, also read by the Maven plugin's tests (its pom adds the same directory to its test resources). */
  public static final String RESOURCE = "/sarif/sarif-schema-2.1.0.json";

  private static Schema schema;

  private SarifSchema() {}

  public static synchronized Schema get() {
    if (schema == null) {
      try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new AssertionError("the SARIF schema " + RESOURCE + " is not on the test classpath (it is vendored in"
              + " checker/src/test/resources/sarif/)");
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }
}
