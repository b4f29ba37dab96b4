package io.trawl.starter;

import io.trawl.worker.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
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
                + ex.getMessage()
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
    if (ex instanceof UsageException || ex instanceof ConfigException) {
      command.getErr().println("trawl: " + ex.getMessage());
      return ExitCodes.USAGE;
    }
    command.getErr().println("trawl: " + describe(ex));
    return ExitCodes.FAILED;
  }

  private static String describe(Throwable ex) {
    String message = ex.getMessage();
    Throwable cause = ex.getCause();
    while ((message == null || message.isBlank()) && cause != null) {
      message = cause.getMessage();
      cause = cause.getCause();
    }
    return message == null ? ex.getClass().getSimpleName() : message;
  }
}
