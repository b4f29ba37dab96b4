package io.trawl.activities.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.sandbox.brightdata.MutableClock;
import io.trawl.workflows.market.QuoteSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-source breaker's state machine, on a clock the test moves. */
class SourceBreakerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T15:00:00Z"));
  private final SourceBreaker breaker =
      new SourceBreaker(QuoteSource.YAHOO, SourceBreaker.Settings.YAHOO, clock);
  private final List<String> transitions = new ArrayList<>();

  SourceBreakerTest() {
    breaker.onTransition((b, from, to) -> transitions.add(from + "->" + to));
  }

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      assertThat(breaker.tryAcquire()).isTrue();
      breaker.failure(Duration.ofMillis(5), new IllegalStateException("down"));
    }
  }

  @Test
  void opensAfterFiveFailuresInARowHalfOpensAfterTheWaitAndClosesOnOneSuccess() {
    fail(4);
    assertThat(breaker.state()).isEqualTo("closed");
    fail(1);
    assertThat(breaker.state()).isEqualTo("open");
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.untilHalfOpen()).isEqualTo(Duration.ofSeconds(60));

    clock.advance(Duration.ofSeconds(59));
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.untilHalfOpen()).isEqualTo(Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(1));
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.state()).isEqualTo("half_open");
    assertThat(breaker.tryAcquire()).as("one trial at a time").isFalse();
    breaker.success(Duration.ofMillis(5));

    assertThat(breaker.state()).isEqualTo("closed");
    assertThat(transitions).containsExactly("closed->open", "open->half_open", "half_open->closed");
  }

  @Test
  void aFailedTrialOpensItAgainForAnotherFullWait() {
    fail(5);
    clock.advance(Duration.ofSeconds(60));
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.failure(Duration.ofMillis(5), new IllegalStateException("still down"));

    assertThat(breaker.state()).isEqualTo("open");
    assertThat(breaker.untilHalfOpen()).isEqualTo(Duration.ofSeconds(60));
    assertThat(transitions).containsExactly("closed->open", "open->half_open", "half_open->open");
  }

  @Test
  void aSuccessBetweenFailuresKeepsItClosed() {
    fail(4);
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.success(Duration.ofMillis(5));
    fail(4);

    assertThat(breaker.state()).isEqualTo("closed");
    fail(1);
    assertThat(breaker.state()).isEqualTo("open");
  }

  @Test
  void brightDataOpensAfterThreeAndWaitsTwoMinutes() {
    SourceBreaker brightData =
        new SourceBreaker(QuoteSource.BRIGHT_DATA, SourceBreaker.Settings.BRIGHT_DATA, clock);
    for (int i = 0; i < 3; i++) {
      assertThat(brightData.tryAcquire()).isTrue();
      brightData.failure(Duration.ZERO, new IllegalStateException("robot"));
    }

    assertThat(brightData.isOpen()).isTrue();
    assertThat(brightData.untilHalfOpen()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void aResetRequestNewerThanTheLastHonouredClosesAnOpenBreakerOnItsNextCallOnce() {
    AtomicLong latestReset = new AtomicLong(7);
    breaker.readResetsFrom(source -> latestReset.get());
    // The first call takes the baseline: a reset written before this worker started is old news.
    fail(5);
    assertThat(breaker.state()).isEqualTo("open");
    assertThat(breaker.tryAcquire()).isFalse();

    latestReset.set(8);
    assertThat(breaker.tryAcquire()).as("closed by the reset request").isTrue();
    assertThat(breaker.state()).isEqualTo("closed");
    assertThat(transitions).containsExactly("closed->open", "open->closed");
    breaker.success(Duration.ofMillis(5));

    // The same request is honoured once: failures after it open the breaker again.
    fail(5);
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.state()).isEqualTo("open");
  }
}
