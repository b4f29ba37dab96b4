package io.trawl.starter;

import io.trawl.starter.bench.BenchCommand;
import io.trawl.starter.cache.CacheCommand;
import io.trawl.starter.chaos.ChaosCommand;
import io.trawl.starter.etl.EtlCommand;
import io.trawl.starter.jobs.JobsCommand;
import io.trawl.starter.maintenance.MaintenanceCommand;
import io.trawl.starter.market.MarketCommand;
import io.trawl.starter.pharmacy.PharmacyCommand;
import io.trawl.starter.runs.RunsCommand;
import io.trawl.starter.schedule.ScheduleCommand;
import io.trawl.worker.logging.TerminalLog;
import io.trawl.worker.runtime.StartupPhases;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trawl} command: prints usage when run bare. */
@Command(
    name = "trawl",
    mixinStandardHelpOptions = true,
    versionProvider = TrawlVersion.class,
    header = "Durable data collection on Temporal: nothing lost, nothing paid twice.",
    description = {
      "Runs collection pipelines as Temporal workflows.",
      "Without TEMPORAL_ADDRESS and without a running `trawl dev`, each command starts an",
      "in-memory Temporal test server, an embedded PostgreSQL under TRAWL_HOME (default .trawl/)",
      "and local sandbox providers for its own lifetime."
    },
    subcommands = {
      JobsCommand.class,
      EtlCommand.class,
      PharmacyCommand.class,
      MarketCommand.class,
      CacheCommand.class,
      ScheduleCommand.class,
      StatusCommand.class,
      DevCommand.class,
      WorkerCommand.class,
      SetupCommand.class,
      RunsCommand.class,
      BudgetCommand.class,
      MaintenanceCommand.class,
      BenchCommand.class,
      ChaosCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TrawlCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    StartupPhases.markMain();
    if (Arrays.asList(args).contains("--verbose")) {
      // Read by logback.xml before the first logger exists: INFO lines reach the terminal too.
      System.setProperty("TRAWL_LOG_LEVEL", "INFO");
    }
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return newCommandLine().execute(args);
  }

  /** Columns of {@code --help} text: the descriptions' longest line plus picocli's indent. */
  static final int HELP_WIDTH = 100;

  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new TrawlCommand());
    commandLine.setParameterExceptionHandler(new OneLineErrors());
    commandLine.setExecutionExceptionHandler(new OneLineErrors());
    // Descriptions are written as lines of up to 95 characters; picocli's default 80 columns
    // would break each of them in two.
    commandLine.setUsageHelpWidth(HELP_WIDTH);
    commandLine.setExecutionStrategy(
        parsed -> {
          refuseNul(parsed);
          configureTerminalLog(parsed);
          return new CommandLine.RunLast().execute(parsed);
        });
    return commandLine;
  }

  /**
   * PostgreSQL text cannot hold NUL and no query, location, id or path has one: refused here, in
   * one line, rather than as a driver error halfway through a run. (A shell cannot pass NUL in an
   * argument; an embedding program or a test can.)
   */
  private static void refuseNul(CommandLine.ParseResult parsed) {
    List<String> args = parsed.originalArgs();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).indexOf('\0') >= 0) {
        CommandLine command = parsed.asCommandLineList().getLast();
        throw new CommandLine.ParameterException(
            command, "argument " + (i + 1) + " contains a NUL character, which no value may hold");
      }
    }
  }

  /**
   * A worker's console is its log; a command prints its own summary, so its steps' log lines stay
   * in the log file (see {@link TerminalLog}).
   */
  private static void configureTerminalLog(CommandLine.ParseResult parsed) {
    Object command = parsed.asCommandLineList().getLast().getCommand();
    boolean worker = command instanceof WorkerCommand || command instanceof DevCommand;
    TerminalLog.configure(
        worker ? TerminalLog.Mode.WORKER : TerminalLog.Mode.COMMAND,
        parsed.originalArgs().contains("--verbose"));
  }
}
