package io.trawl.activities.market;

import io.trawl.activities.market.store.MarketCallRepository;
import io.trawl.workflows.market.QuoteSource;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each breaker state change to {@code market_breaker_events}, so {@code market stats} and
 * {@code market breakers} show every worker's breakers. A database hiccup loses one row and is
 * logged; it never fails the quote whose call moved the breaker.
 */
public final class BreakerJournal implements SourceBreaker.TransitionListener {
  private static final Logger log = LoggerFactory.getLogger(BreakerJournal.class);

  private final MarketCallRepository calls;
  private final String worker;
  private final Clock clock;

  /**
   * @param worker names this worker process in the rows, e.g. {@code pid@host}
   */
  public BreakerJournal(MarketCallRepository calls, String worker, Clock clock) {
    this.calls = calls;
    this.worker = worker;
    this.clock = clock;
  }

  /**
   * Journals every transition of {@code breaker} from now on, and has it honour the reset requests
   * of {@code market breakers --reset}, whichever process wrote them.
   */
  public SourceBreaker watch(SourceBreaker breaker) {
    breaker.onTransition(this);
    breaker.readResetsFrom(this::latestReset);
    return breaker;
  }

  /** The newest reset request; a database hiccup skips the check for this call only. */
  private long latestReset(QuoteSource source) {
    try {
      return calls.latestReset(source.wireName());
    } catch (RuntimeException e) {
      log.warn(
          "market breaker reset requests not read source={} error={}",
          source.wireName(),
          e.toString());
      return -1;
    }
  }

  @Override
  public void changed(SourceBreaker breaker, String from, String to) {
    String source = breaker.source().wireName();
    if ("open".equals(to)) {
      log.warn(
          "market breaker opened source={} failures={} open_for={}",
          source,
          breaker.settings().failures(),
          breaker.settings().openFor());
    } else {
      log.info("market breaker source={} from={} to={}", source, from, to);
    }
    try {
      calls.recordTransition(
          source,
          from,
          to,
          "open".equals(to) ? breaker.settings().openFor().toMillis() : null,
          worker,
          clock.instant());
    } catch (RuntimeException e) {
      log.warn(
          "market breaker transition not recorded source={} to={} error={}",
          source,
          to,
          e.toString());
    }
  }
}
