package io.trawl.worker.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the terminal to what a person must act on (see {@link TerminalLog}); the file appender has
 * no such filter and gets every line with its stack trace.
 *
 * <p>A one-shot command drops the warnings of pipeline steps (activities and workflows) and of the
 * Temporal SDK, whose failure reports repeat what the command's own summary says; an ERROR (such as
 * a paid trigger the run could not record) still shows. Everywhere, the SDK's report of a failure a
 * workflow handles and logs itself (a validation refusal, logged as a quarantine) is dropped, so
 * one outcome is one line.
 */
public final class TerminalFilter extends Filter<ILoggingEvent> {
  private static final String[] STEP_LOGGERS = {
    "io.temporal.", "io.trawl.activities.", "io.trawl.workflows."
  };

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (TerminalLog.verbose()) {
      return FilterReply.NEUTRAL;
    }
    String logger = event.getLoggerName();
    if (!TerminalLog.showsSteps()
        && isStepLogger(logger)
        && !event.getLevel().isGreaterOrEqual(Level.ERROR)) {
      return FilterReply.DENY;
    }
    Throwable failure = throwable(event);
    if (logger.startsWith("io.temporal.")
        && failure != null
        && HandledFailures.reportedByWorkflow(failure)) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean isStepLogger(String logger) {
    for (String prefix : STEP_LOGGERS) {
      if (logger.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  static Throwable throwable(ILoggingEvent event) {
    IThrowableProxy proxy = event.getThrowableProxy();
    return proxy instanceof ThrowableProxy real ? real.getThrowable() : null;
  }
}
