package io.trawl.sandbox.apify;

import io.trawl.sandbox.CommonFaults;
import java.util.Set;

/**
 * How {@link FakeApify}'s runs behave and which faults it injects (PROVIDERS.md §8, Apify).
 *
 * @param common latency, 5xx, HTML, truncated and reset bodies; its {@code endpoint} is one of
 *     {@link FakeApify#ENDPOINTS}
 * @param runSeconds how long a run takes, in simulated seconds (default 10)
 * @param millisPerSecond real milliseconds per simulated second (default 1000); a test shrinks it
 *     to 5 so a run finishes in 50 ms and a 60 s long-poll takes 300 ms
 * @param outcome how a run ends: SUCCEEDED, FAILED or TIMED-OUT
 * @param partialShare the share of its places a FAILED run keeps in its dataset (default 0.5)
 * @param emptyDataset runs find nothing: SUCCEEDED with 0 items
 * @param rateLimited requests answered 429 {@code rate-limit-exceeded}, without Retry-After
 * @param preliminaryReads run reads after the finish that still show the preliminary (lower) usage,
 *     before the settled cost (default 1)
 * @param hiddenItemEvery after every N places the dataset holds an empty item, which {@code
 *     clean=true} skips, so pages come back short; 0 = none
 */
public record ApifyFaults(
    CommonFaults common,
    int runSeconds,
    long millisPerSecond,
    String outcome,
    double partialShare,
    boolean emptyDataset,
    int rateLimited,
    int preliminaryReads,
    int hiddenItemEvery) {

  static final Set<String> OUTCOMES = Set.of("SUCCEEDED", "FAILED", "TIMED-OUT");

  public ApifyFaults {
    if (common == null) {
      throw new IllegalArgumentException("common faults are required (CommonFaults.none())");
    }
    if (runSeconds < 0 || millisPerSecond < 1) {
      throw new IllegalArgumentException(
          "runSeconds must be 0 or more and millisPerSecond 1 or more, got "
              + runSeconds
              + " and "
              + millisPerSecond);
    }
    if (!OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException("outcome must be one of " + OUTCOMES + ", got " + outcome);
    }
    if (partialShare < 0 || partialShare > 1) {
      throw new IllegalArgumentException("partialShare must be within 0..1, got " + partialShare);
    }
    if (rateLimited < 0 || preliminaryReads < 0 || hiddenItemEvery < 0) {
      throw new IllegalArgumentException(
          "rateLimited, preliminaryReads and hiddenItemEvery must be 0 or more");
    }
  }

  public static ApifyFaults none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent builder; each setter names the component it sets. */
  public static final class Builder {
    private CommonFaults common = CommonFaults.none();
    private int runSeconds = 10;
    private long millisPerSecond = 1000;
    private String outcome = "SUCCEEDED";
    private double partialShare = 0.5;
    private boolean emptyDataset;
    private int rateLimited;
    private int preliminaryReads = 1;
    private int hiddenItemEvery;

    private Builder() {}

    public Builder common(CommonFaults faults) {
      this.common = faults;
      return this;
    }

    public Builder runSeconds(int seconds) {
      this.runSeconds = seconds;
      return this;
    }

    public Builder millisPerSecond(long millis) {
      this.millisPerSecond = millis;
      return this;
    }

    public Builder outcome(String status) {
      this.outcome = status;
      return this;
    }

    public Builder partialShare(double share) {
      this.partialShare = share;
      return this;
    }

    public Builder emptyDataset(boolean on) {
      this.emptyDataset = on;
      return this;
    }

    public Builder rateLimited(int times) {
      this.rateLimited = times;
      return this;
    }

    public Builder preliminaryReads(int reads) {
      this.preliminaryReads = reads;
      return this;
    }

    public Builder hiddenItemEvery(int places) {
      this.hiddenItemEvery = places;
      return this;
    }

    public ApifyFaults build() {
      return new ApifyFaults(
          common,
          runSeconds,
          millisPerSecond,
          outcome,
          partialShare,
          emptyDataset,
          rateLimited,
          preliminaryReads,
          hiddenItemEvery);
    }
  }
}
