package io.trawl.activities.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How an activity attempt is numbered when it is one round of a call its workflow shares. */
class PaidCallAttemptTest {
  private final PaidCallAttempt third = new PaidCallAttempt("wf/activity-4", 3, true);

  @Test
  void anAttemptOfALaterRoundTakesTheCallsIdAndANumberAboveEveryEarlierRound() {
    PaidCallAttempt round1 = third.inCall("wf/quote/AAPL:US", 1);
    PaidCallAttempt round3 = third.inCall("wf/quote/AAPL:US", 3);

    assertThat(round1.callId()).isEqualTo("wf/quote/AAPL:US");
    assertThat(round1.attempt()).isEqualTo(3);
    assertThat(round3.attempt()).isEqualTo(2 * PaidCallAttempt.ROUND_SPAN + 3);
    assertThat(new PaidCallAttempt("wf/a", 1, true).inCall("wf/c", 2).isRetry()).isTrue();
    assertThat(new PaidCallAttempt("wf/a", 1, true).inCall("wf/c", 1).isRetry()).isFalse();
  }

  @Test
  void withoutASharedCallOrOutsideAnActivityTheAttemptIsUnchanged() {
    PaidCallAttempt outside = new PaidCallAttempt("one-off", 1, false);

    assertThat(third.inCall(null, 2)).isEqualTo(third);
    assertThat(outside.inCall("wf/quote/AAPL:US", 2)).isEqualTo(outside);
  }

  @Test
  void anAttemptNumberThatWouldRunIntoTheNextRoundIsRefused() {
    PaidCallAttempt tooMany = new PaidCallAttempt("wf/a", PaidCallAttempt.ROUND_SPAN, true);

    assertThatThrownBy(() -> tooMany.inCall("wf/c", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attempt 100");
  }
}
