package io.trawl.activities.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.temporal.failure.ApplicationFailure;
import io.trawl.workflows.common.Failures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the breaker opens, what it says, what it ignores, and how it closes again. */
class ProviderBreakerTest {
  private static final ProviderBreaker.Settings QUICK =
      new ProviderBreaker.Settings(50, 4, 4, Duration.ofMillis(300));

  private final ProviderBreaker breaker = new ProviderBreaker("brightdata", "Bright Data", QUICK);
  private final AtomicInteger calls = new AtomicInteger();

  private String failWith(ApplicationFailure failure) {
    calls.incrementAndGet();
    throw failure;
  }

  private String ok() {
    calls.incrementAndGet();
    return "ok";
  }

  @Test
  void opensAfterRepeatedProviderTroubleAndRefusesWithoutCallingWithARetryDelay() {
    List<String> transitions = new CopyOnWriteArrayList<>();
    breaker.onTransition(transitions::add);
    for (int i = 0; i < 4; i++) {
      ApplicationFailure unavailable = Failures.unavailable("HTTP 503 from Bright Data", null);
      assertThatThrownBy(() -> breaker.call(() -> failWith(unavailable)))
          .isInstanceOf(ApplicationFailure.class);
    }

    assertThat(breaker.isOpen()).isTrue();
    assertThat(transitions).containsExactly("open");
    assertThatThrownBy(() -> breaker.call(this::ok))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            refused -> {
              assertThat(refused.getType()).isEqualTo(Failures.BREAKER_OPEN);
              assertThat(refused.isNonRetryable()).isFalse();
              assertThat(refused.getNextRetryDelay()).isEqualTo(Duration.ofMillis(300));
              assertThat(refused.getOriginalMessage())
                  .startsWith("Bright Data circuit breaker is open after 4 failed of the last 4");
            });
    assertThat(calls).hasValue(4);
  }

  @Test
  void rateLimitsCountAsTroubleButRejectionsMeanTheProviderWorks() {
    for (int i = 0; i < 8; i++) {
      assertThatThrownBy(
              () -> breaker.call(() -> failWith(Failures.rejected("401 Invalid credentials"))))
          .isInstanceOf(ApplicationFailure.class);
    }
    assertThat(breaker.isOpen()).isFalse();

    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(
              () -> breaker.call(() -> failWith(Failures.rateLimited("429 too many jobs", null))))
          .isInstanceOf(ApplicationFailure.class);
    }
    assertThat(breaker.isOpen()).isTrue();
  }

  @Test
  void aSuccessfulTrialAfterTheWaitClosesTheBreaker() {
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(
              () -> breaker.call(() -> failWith(Failures.unavailable("HTTP 502", null))))
          .isInstanceOf(ApplicationFailure.class);
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> breaker.state().equals("half_open"));
    assertThat(breaker.isOpen()).isFalse();
    assertThat(breaker.call(this::ok)).isEqualTo("ok");

    assertThat(breaker.state()).isEqualTo("closed");
  }
}
