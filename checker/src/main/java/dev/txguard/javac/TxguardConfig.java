package dev.txguard.javac;

import com.google.errorprone.ErrorProneFlags;
import dev.txguard.analysis.AnalysisOptions;
import dev.txguard.graph.BuildOptions;
import dev.txguard.protocol.ProtocolFileException;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.protocol.UserProtocols;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code -XepOpt:Txguard:*} flags, read once per checker instance. Both checks read the same flags, so
 * {@code -XepOpt:Txguard:Protocols=...} configures both. A bad value does not throw: it becomes
 * {@link #problem()}, which the checks report once as a warning, and the defaults apply.
 */
final class TxguardConfig {
  static final String NAMESPACE = "Txguard:";
  /** A protocol file (see docs/configuration.md). */
  static final String FL_PROTOCOLS = NAMESPACE + "Protocols";
  /** Whether a call outside catch/finally may throw an unchecked exception (default true). */
  static final String FL_UNCHECKED = NAMESPACE + "UncheckedExceptions";
  /** Exception types (qualified names) never followed, with their subtypes. */
  static final String FL_IGNORED_EXCEPTIONS = NAMESPACE + "IgnoredExceptions";
  /** Extra method names that take a handle and end it. */
  static final String FL_HAND_OFF = NAMESPACE + "HandOffMethods";
  /** Whether the zero-config rule for home-grown begin/commit/rollback types is on (default true). */
  static final String FL_ZERO_CONFIG = NAMESPACE + "ZeroConfig";
  /** The analysis budget per unit, in (node, state) visits. */
  static final String FL_MAX_STEPS = NAMESPACE + "MaxSteps";
  /** Test-only: fail with an internal error when analysing a method of this name (proves crash isolation). */
  static final String FL_FAIL_ON = NAMESPACE + "FailOnMethodForTesting";

  static final TxguardConfig DEFAULT = new TxguardConfig(ErrorProneFlags.empty());

  final ProtocolRegistry registry;
  final BuildOptions buildOptions;
  final AnalysisOptions analysisOptions;
  final String failOnMethod;
  private final String problem;
  private final String identity;

  TxguardConfig(ErrorProneFlags flags) {
    String problem = null;
    UserProtocols user = UserProtocols.EMPTY;
    String protocols = flags.get(FL_PROTOCOLS).orElse("");
    if (!protocols.isEmpty()) {
      try {
        user = UserProtocols.load(Path.of(protocols));
      } catch (ProtocolFileException e) {
        problem = e.getMessage();
      } catch (RuntimeException e) {
        problem = "-XepOpt:" + FL_PROTOCOLS + "=" + protocols + ": " + e.getMessage();
      }
    }
    boolean zeroConfig = true;
    boolean unchecked = true;
    int maxSteps = AnalysisOptions.DEFAULT.maxSteps();
    try {
      zeroConfig = flags.getBoolean(FL_ZERO_CONFIG).orElse(true);
      unchecked = flags.getBoolean(FL_UNCHECKED).orElse(true);
      maxSteps = flags.getInteger(FL_MAX_STEPS).orElse(maxSteps);
    } catch (RuntimeException e) {
      problem = e.getMessage();
    }
    Set<String> handOff = new LinkedHashSet<>(flags.getListOrEmpty(FL_HAND_OFF));
    handOff.addAll(user.handOffMethods());
    this.registry = ProtocolRegistry.withUserProtocols(user, zeroConfig);
    this.buildOptions =
        new BuildOptions(unchecked, Set.copyOf(flags.getListOrEmpty(FL_IGNORED_EXCEPTIONS)), BuildOptions.DEFAULT.maxNodes());
    this.analysisOptions =
        new AnalysisOptions(handOff, maxSteps, AnalysisOptions.DEFAULT.maxStatesPerNode());
    this.failOnMethod = flags.get(FL_FAIL_ON).orElse(null);
    this.problem = problem;
    this.identity = flags.getFlagsMap().entrySet().stream()
        .filter(e -> e.getKey().startsWith(NAMESPACE)).sorted(java.util.Map.Entry.comparingByKey())
        .map(Object::toString).toList().toString();
  }

  /** A configuration problem to report, or null. */
  String problem() {
    return problem;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TxguardConfig c && c.identity.equals(identity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(identity);
  }
}
