package io.trawl.worker.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Locale;

/**
 * Lets an appender through only when {@code TRAWL_LOG_FORMAT} selects its format, so logback.xml
 * can hold a text and a JSON console appender and the environment picks one (without Janino).
 */
public final class LogFormatFilter extends Filter<ILoggingEvent> {
  public static final String FORMAT_ENV = "TRAWL_LOG_FORMAT";

  private String format = "text";
  private boolean selected;

  /** The format this appender writes: {@code text} (the default) or {@code json}. */
  public void setFormat(String format) {
    this.format = format.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public void start() {
    selected = format.equals(selectedFormat(System.getenv(FORMAT_ENV)));
    super.start();
  }

  static String selectedFormat(String configured) {
    return configured != null && configured.strip().equalsIgnoreCase("json") ? "json" : "text";
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    return selected ? FilterReply.NEUTRAL : FilterReply.DENY;
  }
}
