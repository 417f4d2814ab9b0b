package dev.txguard.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code txguard} command: only subcommands, of which {@code audit} is the one so far. */
@Command(name = "txguard", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Finds database transactions left open.",
    subcommands = {AuditCommand.class, CommandLine.HelpCommand.class},
    exitCodeOnInvalidInput = Main.EXIT_USAGE, exitCodeOnExecutionException = Main.EXIT_USAGE)
public final class Main implements Runnable {
  /** Usage errors and failures that are not about the audited code, so that 1 always means "findings". */
  static final int EXIT_USAGE = 2;
  /** Set in the environment to get an internal error's stack trace on stderr. */
  static final String STACK_TRACE_VARIABLE = "TXGUARD_STACKTRACE";

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'txguard audit PATH...'");
  }

  public static void main(String[] args) {
    // Reports are UTF-8 whatever the platform encoding (SARIF and HTML must be; text follows for consistency).
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(execute(out, err, args));
  }

  /** Runs a command line without exiting, for tests and embedding; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cmd = new CommandLine(new Main())
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(Main::usageError)
        .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
          // One line, never a stack trace, unless asked for: the audit turns every failure it foresees into a problem.
          commandLine.getErr().println("txguard: internal error: " + e + "; please report it to txguard"
              + (System.getenv(STACK_TRACE_VARIABLE) == null ? " (set " + STACK_TRACE_VARIABLE + "=1 for its stack trace)" : ""));
          if (System.getenv(STACK_TRACE_VARIABLE) != null) {
            e.printStackTrace(commandLine.getErr());
          }
          return EXIT_USAGE;
        });
    try {
      return cmd.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * A usage error in one line, with where to look, instead of picocli's message followed by the whole usage text (25
   * lines that push the message itself off a small terminal). The message names the bad value and, for an option with
   * fixed values such as {@code --format}, the values allowed.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("txguard: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName()
        + " --help')");
    return EXIT_USAGE;
  }

  /** The version the cli jar's manifest carries (Implementation-Version), or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"txguard " + (v == null ? "dev" : v)};
    }
  }
}
