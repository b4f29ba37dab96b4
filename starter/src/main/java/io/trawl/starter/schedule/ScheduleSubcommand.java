package io.trawl.starter.schedule;

import io.trawl.starter.CliEnvironment;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.UsageException;
import io.trawl.worker.schedule.ScheduleProblem;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * What every {@code trawl schedule …} command shares: it checks its input, connects to a durable
 * Temporal server, and turns a {@link ScheduleProblem} into one line with exit code 2.
 */
abstract class ScheduleSubcommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Checks arguments before connecting, so a typo never waits for a server. */
  void validate() {}

  /** The command's work; returns the exit code. */
  abstract int run(ScheduleConnection connection, PrintWriter out);

  @Override
  public final Integer call() {
    validate();
    PrintWriter out = spec.commandLine().getOut();
    try (ScheduleConnection connection =
        ScheduleConnection.open(CliEnvironment.get(), spec.commandLine().getErr())) {
      int code = run(connection, out);
      out.flush();
      return code;
    } catch (ScheduleProblem e) {
      throw new UsageException(e.getMessage());
    }
  }
}
