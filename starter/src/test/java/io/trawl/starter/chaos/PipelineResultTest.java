package io.trawl.starter.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.starter.chaos.Measure.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a crashed run's figures read against the uninterrupted run's. */
class PipelineResultTest {
  private static PipelineResult result(List<Measure> reference, List<Measure> crashed) {
    return new PipelineResult(
        "jobs", "completed", "completed", true, 2, Map.of("between steps", 2), reference, crashed);
  }

  @Test
  void missingRowsAreLostAndExtraRowsAreDuplicates() {
    PipelineResult fewer =
        result(
            List.of(Measure.same("rows jobs", Kind.ROWS, 10)),
            List.of(Measure.same("rows jobs", Kind.ROWS, 8)));
    PipelineResult more =
        result(
            List.of(Measure.same("rows jobs", Kind.ROWS, 10)),
            List.of(Measure.same("rows jobs", Kind.ROWS, 11)));

    assertThat(fewer.lost()).isEqualTo(2);
    assertThat(fewer.differences()).containsExactly("rows jobs is 8, the uninterrupted run has 10");
    assertThat(more.duplicates()).isEqualTo(1);
    assertThat(more.lost()).isZero();
  }

  @Test
  void paidCallsBeyondTheExpectedCountAreDoubleCharges() {
    PipelineResult twice =
        result(
            List.of(Measure.exactly("triggers", Kind.PAID, 1, 1)),
            List.of(Measure.exactly("triggers", Kind.PAID, 3, 1)));

    assertThat(twice.doubleCharges()).isEqualTo(2);
    assertThat(twice.differences()).containsExactly("triggers is 3, expected 1");
  }

  @Test
  void paidCallsRepeatedBecauseTheirRequestWasInFlightAtAKillAreNotDoubleCharges() {
    Measure inFlight =
        new Measure("ledger places calls in flight at a kill", Kind.IN_FLIGHT, 2, null, false);
    PipelineResult explained =
        result(
            List.of(
                Measure.same("Places requests billed", Kind.PAID, 24),
                new Measure(
                    "ledger places calls in flight at a kill", Kind.IN_FLIGHT, 0, null, false)),
            List.of(Measure.same("Places requests billed", Kind.PAID, 26), inFlight));
    PipelineResult oneMore =
        result(
            List.of(Measure.same("Places requests billed", Kind.PAID, 24)),
            List.of(Measure.same("Places requests billed", Kind.PAID, 27), inFlight));

    assertThat(explained.inFlight()).isEqualTo(2);
    assertThat(explained.doubleCharges()).isZero();
    assertThat(explained.differences())
        .as("still named: the crashed run paid more")
        .containsExactly("Places requests billed is 26, the uninterrupted run has 24");
    assertThat(oneMore.doubleCharges()).as("the repeat no kill explains").isEqualTo(1);
  }

  @Test
  void aLedgerThatFollowsTheBillPastTheReferenceIsNoSecondDoubleCharge() {
    PipelineResult result =
        result(
            List.of(
                Measure.same("Places requests billed", Kind.PAID, 24),
                new Measure("ledger places units", Kind.LEDGER, 24, 24L, true),
                Measure.same("ledger places micro-USD", Kind.LEDGER, 768000)),
            List.of(
                Measure.same("Places requests billed", Kind.PAID, 25),
                new Measure("ledger places units", Kind.LEDGER, 25, 25L, true),
                Measure.same("ledger places micro-USD", Kind.LEDGER, 800000)));

    assertThat(result.doubleCharges()).as("the one repeated lookup").isEqualTo(1);
  }

  @Test
  void aCallInFlightThatNeverReachedTheProviderIsBookedNotDoubleCharged() {
    Measure inFlight =
        new Measure(
            "ledger brightdata-unlocker calls in flight at a kill", Kind.IN_FLIGHT, 2, null, false);
    // Two requests in flight at kills: one reached Bright Data (billed 25 against 24), one never
    // left (the ledger books it: 26 against the bill of 25).
    PipelineResult result =
        result(
            List.of(
                Measure.same("Unlocker requests billed", Kind.PAID, 24),
                new Measure("ledger brightdata-unlocker units", Kind.LEDGER, 24, 24L, true)),
            List.of(
                Measure.same("Unlocker requests billed", Kind.PAID, 25),
                new Measure("ledger brightdata-unlocker units", Kind.LEDGER, 26, 25L, true),
                inFlight));
    PipelineResult under =
        result(
            List.of(new Measure("ledger places units", Kind.LEDGER, 24, 24L, true)),
            List.of(new Measure("ledger places units", Kind.LEDGER, 23, 24L, true), inFlight));

    assertThat(result.doubleCharges()).isZero();
    assertThat(under.doubleCharges()).as("a ledger below the bill is never explained").isEqualTo(1);
  }

  @Test
  void theVerdictNamesCallsInFlightAtAKillApartFromDoubleCharges() {
    PipelineResult result =
        result(
            List.of(Measure.same("Places requests billed", Kind.PAID, 24)),
            List.of(
                Measure.same("Places requests billed", Kind.PAID, 27),
                new Measure(
                    "ledger places calls in flight at a kill", Kind.IN_FLIGHT, 3, null, false)));

    assertThat(new CrashReport(List.of(result), 7).verdict())
        .isEqualTo(
            "2 kills survived, 0 lost, 0 duplicates, 0 double charges; 3 paid calls were in"
                + " flight at a kill and made again");
  }

  @Test
  void aLedgerThatDiffersFromTheBillIsOneDoubleChargePerFigure() {
    PipelineResult result =
        result(
            List.of(new Measure("ledger places units", Kind.LEDGER, 5, 5L, true)),
            List.of(new Measure("ledger places units", Kind.LEDGER, 5, 7L, true)));

    assertThat(result.doubleCharges()).isEqualTo(1);
    assertThat(result.differences()).containsExactly("ledger places units is 5, expected 7");
  }

  @Test
  void staleStagingLeftByBothRunsIsNoDifference() {
    PipelineResult result =
        result(
            List.of(Measure.same("rows job_staging", Kind.LEFTOVER, 147)),
            List.of(Measure.same("rows job_staging", Kind.LEFTOVER, 147)));

    assertThat(result.differences()).isEmpty();
    assertThat(result.killsSurvived()).isEqualTo(2);
  }

  @Test
  void aRunThatDidNotCompleteSurvivedNoKill() {
    PipelineResult failed =
        new PipelineResult(
            "etl",
            "completed",
            "the run failed: boom",
            false,
            3,
            Map.of("inside [X]", 3),
            List.of(),
            List.of());

    assertThat(failed.killsSurvived()).isZero();
    assertThat(failed.differences())
        .containsExactly("the crashed run did not complete: the run failed: boom");
  }
}
