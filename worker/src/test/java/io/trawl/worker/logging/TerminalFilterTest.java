package io.trawl.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import io.trawl.workflows.common.Failures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches the terminal of a command and of a worker, and how a failure trawl threw on purpose
 * is written there: one line, no stack trace.
 */
class TerminalFilterTest {
  private static final String SDK = "io.temporal.internal.activity.ActivityTaskExecutors$Executor";

  private final LoggerContext context = new LoggerContext();
  private final TerminalFilter filter = new TerminalFilter();
  private final FailureConverter converter = new FailureConverter();

  @BeforeEach
  void start() {
    TerminalLog.levelChosen(false);
    converter.setContext(context);
    converter.start();
  }

  @AfterEach
  void reset() {
    TerminalLog.configure(TerminalLog.Mode.COMMAND, false);
    TerminalLog.levelChosen(System.getenv(TerminalLog.LEVEL_ENV) != null);
  }

  private LoggingEvent event(String logger, Level level, Throwable failure) {
    return new LoggingEvent(
        getClass().getName(), context.getLogger(logger), level, "Activity failure.", failure, null);
  }

  private static Throwable notReady() {
    return Failures.snapshotNotReady(
        "snapshot s_1 of run 1 is not ready: Snapshot is building, try again in 30s",
        Duration.ofSeconds(30));
  }

  @Test
  void aCommandKeepsStepWarningsAndSdkFailureReportsOffTheTerminal() {
    TerminalLog.configure(TerminalLog.Mode.COMMAND, false);

    assertThat(filter.decide(event(SDK, Level.WARN, notReady()))).isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(event("io.trawl.activities.etl.X", Level.WARN, null)))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(event("io.trawl.workflows.etl.X", Level.WARN, null)))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(event("io.trawl.activities.jobs.X", Level.ERROR, null)))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("io.trawl.worker.runtime.DevLock", Level.WARN, null)))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void aChosenLogLevelOrVerboseBringsThemBack() {
    TerminalLog.configure(TerminalLog.Mode.COMMAND, true);
    assertThat(filter.decide(event(SDK, Level.WARN, notReady()))).isEqualTo(FilterReply.NEUTRAL);

    TerminalLog.configure(TerminalLog.Mode.COMMAND, false);
    TerminalLog.levelChosen(true);
    assertThat(filter.decide(event(SDK, Level.WARN, notReady()))).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void aWorkerKeepsSdkFailureReportsButNotThoseItsWorkflowLogsAsAQuarantine() {
    TerminalLog.configure(TerminalLog.Mode.WORKER, false);

    assertThat(filter.decide(event(SDK, Level.WARN, notReady()))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(
            filter.decide(
                event(SDK, Level.WARN, Failures.validationFailed("not gzip", "gzip-stream"))))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void writesAFailureThrownOnPurposeOnOneLine() {
    TerminalLog.configure(TerminalLog.Mode.WORKER, false);

    assertThat(converter.convert(event(SDK, Level.WARN, notReady())))
        .isEqualTo(
            " failure=SnapshotNotReady reason=\"snapshot s_1 of run 1 is not ready: Snapshot is"
                + " building, try again in 30s\"");
  }

  @Test
  void writesAnUnexpectedExceptionWithItsStackTrace() {
    TerminalLog.configure(TerminalLog.Mode.WORKER, false);
    Throwable bug = new UncheckedIOException("disk gone", new IOException("EIO"));

    String written = converter.convert(event(SDK, Level.WARN, bug));

    assertThat(written).startsWith(System.lineSeparator() + "java.io.UncheckedIOException");
    assertThat(written.lines()).anyMatch(line -> line.startsWith("\tat "));
  }

  @Test
  void writesTheServersRoutineUnhandledCommandReplyOnOneLine() {
    TerminalLog.configure(TerminalLog.Mode.WORKER, false);
    Throwable reply =
        new io.grpc.StatusRuntimeException(
            io.grpc.Status.INVALID_ARGUMENT.withDescription("UnhandledCommand"));

    String written =
        converter.convert(event("io.temporal.internal.worker.WorkflowWorker", Level.WARN, reply));

    assertThat(written).startsWith(" failure=UnhandledCommand reason=").doesNotContain("\n");
    assertThat(
            converter.convert(
                event(
                    SDK,
                    Level.WARN,
                    new io.grpc.StatusRuntimeException(
                        io.grpc.Status.INVALID_ARGUMENT.withDescription("bad request")))))
        .as("any other INVALID_ARGUMENT keeps its stack trace")
        .contains("\tat ");
  }

  @Test
  void verboseWritesEveryStackTrace() {
    TerminalLog.configure(TerminalLog.Mode.WORKER, true);

    assertThat(converter.convert(event(SDK, Level.WARN, notReady())).lines())
        .anyMatch(line -> line.startsWith("\tat "));
  }
}
