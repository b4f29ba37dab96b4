package io.trawl.starter.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kill moments drawn from a seed over the uninterrupted run's progress timeline. */
class KillPlanTest {
  // One step every 100 ms for 10 s: progress p is reached at p * 100 ms.
  private static List<KillPlan.Sample> steadyRun() {
    List<KillPlan.Sample> timeline = new ArrayList<>();
    for (long millis = 0; millis <= 10_000; millis += 50) {
      timeline.add(new KillPlan.Sample(millis, millis / 100));
    }
    return timeline;
  }

  @Test
  void theSameSeedDrawsTheSameKills() {
    assertThat(KillPlan.draw(42, 20, steadyRun())).isEqualTo(KillPlan.draw(42, 20, steadyRun()));
    assertThat(KillPlan.draw(42, 20, steadyRun())).isNotEqualTo(KillPlan.draw(43, 20, steadyRun()));
  }

  @Test
  void killsLandWithinTheFirstShareOfTheRunAnchoredToTheProgressThen() {
    KillPlan plan = KillPlan.draw(7, 200, steadyRun());

    assertThat(plan.kills()).hasSize(200);
    for (KillPlan.Kill kill : plan.kills()) {
      long moment = kill.progress() * 100 + kill.pauseMillis();
      assertThat(moment).isBetween(0L, (long) (10_000 * KillPlan.SHARE));
      assertThat(kill.pauseMillis()).isBetween(0L, 99L);
    }
    assertThat(plan.kills().getLast().progress()).isGreaterThan(60);
  }
}
