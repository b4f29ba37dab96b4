package io.trawl.workflows.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalGuardTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void aSearchWithoutACompletedRunIsDue() {
    IntervalCheck check = IntervalGuard.check(null, NOW, 6);

    assertThat(check.due()).isTrue();
    assertThat(check.reason()).isEqualTo("no completed run of this search yet");
  }

  @Test
  void aRunYoungerThanTheIntervalIsNotDue() {
    IntervalCheck check = IntervalGuard.check(NOW.minus(Duration.ofMinutes(123)), NOW, 6);

    assertThat(check.due()).isFalse();
    assertThat(check.reason())
        .isEqualTo("last completed run 2h 3m ago is younger than the 6 h minimum interval");
  }

  @Test
  void aRunOlderThanTheIntervalIsDue() {
    assertThat(IntervalGuard.check(NOW.minus(Duration.ofHours(7)), NOW, 6).due()).isTrue();
  }

  @Test
  void aScheduleWithJitterIsNotSkippedForArrivingMinutesEarly() {
    Instant previous = NOW.minus(Duration.ofHours(6)).plus(Duration.ofMinutes(5));

    assertThat(IntervalGuard.check(previous, NOW, 6).due()).isTrue();
    assertThat(IntervalGuard.check(NOW.minus(Duration.ofHours(5)), NOW, 6).due()).isFalse();
  }

  @Test
  void zeroHoursTurnsTheGuardOff() {
    assertThat(IntervalGuard.check(NOW.minusSeconds(1), NOW, 0).due()).isTrue();
  }

  @Test
  void refusesANegativeInterval() {
    assertThatThrownBy(() -> IntervalGuard.check(null, NOW, -1))
        .hasMessage("min interval hours must be 0 or more, got -1");
  }
}
