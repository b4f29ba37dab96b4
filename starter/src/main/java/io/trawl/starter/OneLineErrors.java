package io.trawl.starter;

import io.trawl.worker.config.ConfigException;
import io.trawl.worker.runtime.TemporalConnection;
import io.trawl.worker.runtime.TemporalRefusals;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failure as one line naming the problem; the stack trace only with --verbose. Usage and
 * configuration problems exit 2, failures of the work itself exit 1.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    command
        .getErr()
        .println(
            "trawl: "
                + describe(ex)
                + " (see '"
                + command.getCommandSpec().qualifiedName()
                + " --help')");
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
    boolean verbose = parsed.originalArgs().contains("--verbose");
    if (verbose) {
      ex.printStackTrace(command.getErr());
    }
    Map<String, String> env = CliEnvironment.get();
    if (ex instanceof UsageException || ex instanceof ConfigException) {
      command.getErr().println("trawl: " + redacted(ex.getMessage(), env));
      return ExitCodes.USAGE;
    }
    // Wrong or missing credentials are configuration: one line naming the variable, exit 2.
    Optional<String> refused = TemporalRefusals.describe(ex, env);
    if (refused.isPresent()) {
      command.getErr().println("trawl: " + redacted(refused.get(), env));
      return ExitCodes.USAGE;
    }
    command.getErr().println("trawl: " + redacted(describe(ex), env));
    return ExitCodes.FAILED;
  }

  /** "--limit must be 1 or more, got -1" for a number out of its range, else picocli's text. */
  private static String describe(ParameterException ex) {
    ArgSpec arg = ex.getArgSpec();
    if (arg != null
        && ex.getCause() instanceof CommandLine.TypeConversionException range
        && NumberRanges.of(arg).isPresent()) {
      String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
      return name + " " + range.getMessage();
    }
    return ex.getMessage();
  }

  /** A server may echo what it was sent; the API key never reaches the terminal. */
  private static String redacted(String message, Map<String, String> env) {
    String key = env.get(TemporalConnection.API_KEY_ENV);
    if (message == null || key == null || key.isBlank()) {
      return message;
    }
    return message.replace(key.trim(), "[TEMPORAL_API_KEY]");
  }

  private static String describe(Throwable ex) {
    String message = ex.getMessage();
    Throwable cause = ex.getCause();
    while ((message == null || message.isBlank()) && cause != null) {
      message = cause.getMessage();
      cause = cause.getCause();
    }
    if (message == null) {
      return ex.getClass().getSimpleName();
    }
    // gRPC puts a proxy's whole answer (headers, an HTML page) after the first line.
    return message.lines().findFirst().orElse(message);
  }
}
