package io.trawl.worker.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/**
 * {@code %failure} in a console pattern: a failure trawl threw on purpose (see {@link
 * HandledFailures}) or a routine server reply ({@link RoutineServerReplies}) as {@code failure=Type
 * reason="…"} on the same line; any other exception as its stack trace on the lines below, as
 * logback prints it. With {@code --verbose} every exception gets its stack trace.
 */
public final class FailureConverter extends ThrowableProxyConverter {
  @Override
  public String convert(ILoggingEvent event) {
    if (event.getThrowableProxy() == null) {
      return "";
    }
    Throwable failure = TerminalFilter.throwable(event);
    Optional<ApplicationFailure> handled =
        failure == null || TerminalLog.verbose() ? Optional.empty() : HandledFailures.find(failure);
    if (handled.isPresent()) {
      return " failure="
          + handled.get().getType()
          + " reason=\""
          + oneLine(handled.get().getOriginalMessage())
          + "\"";
    }
    Optional<String> routine =
        failure == null || TerminalLog.verbose()
            ? Optional.empty()
            : RoutineServerReplies.describe(failure);
    if (routine.isPresent()) {
      return routine.get();
    }
    String trace = super.convert(event);
    if (trace.endsWith(CoreConstants.LINE_SEPARATOR)) {
      trace = trace.substring(0, trace.length() - CoreConstants.LINE_SEPARATOR.length());
    }
    return CoreConstants.LINE_SEPARATOR + trace;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
  }
}
