package io.trawl.sandbox.yahoo;

/**
 * What {@link FakeYahoo} does wrong, and how often. Count fields (N × …) are consumed one per
 * request; the rest stay on until replaced.
 *
 * @param faultRate share of requests (0..1) that fail at random, half with 429 and half with the
 *     HTML outage page; {@link #defaults()} sets 10 %
 * @param seed seeds the random faults, so a sequential run fails the same requests every time
 * @param rateLimited requests answered 429 {@code Too Many Requests}
 * @param outagePages requests answered with the "Will be right back" HTML page
 * @param outageStatus the status of that page (503 by default; 200 happens too)
 * @param notFoundAs200 unknown symbols answer 200 with the Not Found error body instead of 404
 * @param metaOnly results carry {@code meta} only, without {@code timestamp} or {@code indicators}
 * @param nullBars about one intraday bar in 15 is all nulls, as Yahoo's often are
 * @param burstLimit more than this many requests inside {@code burstWindowMillis} answer 429; 0
 *     turns the check off
 * @param burstWindowMillis the sliding window of the burst check, in wall-clock milliseconds
 * @param refuseLibraryAgents a missing User-Agent or a library's default one (OkHttp, Java,
 *     python-requests, curl…) answers 429, as Yahoo's bot defences do
 * @param latencyMillis pause before answering
 * @param slowBodyMillis pause in the middle of a 200 body
 */
public record YahooFaults(
    double faultRate,
    long seed,
    int rateLimited,
    int outagePages,
    int outageStatus,
    boolean notFoundAs200,
    boolean metaOnly,
    boolean nullBars,
    int burstLimit,
    long burstWindowMillis,
    boolean refuseLibraryAgents,
    long latencyMillis,
    long slowBodyMillis) {

  public YahooFaults {
    if (faultRate < 0 || faultRate > 1) {
      throw new IllegalArgumentException("faultRate must be 0..1, got " + faultRate);
    }
    if (rateLimited < 0 || outagePages < 0 || burstLimit < 0) {
      throw new IllegalArgumentException("counts must be 0 or more");
    }
    if (burstWindowMillis <= 0 || latencyMillis < 0 || slowBodyMillis < 0) {
      throw new IllegalArgumentException("burstWindowMillis must be > 0 and pauses 0 or more");
    }
    if (outageStatus != 200 && (outageStatus < 500 || outageStatus > 599)) {
      throw new IllegalArgumentException("outageStatus must be 200 or 5xx, got " + outageStatus);
    }
  }

  /** The sandbox's everyday behaviour: 10 % random failures, null bars, bot defences on. */
  public static YahooFaults defaults() {
    return new YahooFaults(0.10, 42, 0, 0, 503, false, false, true, 100, 10_000, true, 0, 0);
  }

  /** A well-behaved Yahoo: no random failures, no burst limit; null bars and bot defences stay. */
  public static YahooFaults none() {
    return defaults().withFaultRate(0).withBurstLimit(0);
  }

  public YahooFaults withFaultRate(double rate) {
    return new YahooFaults(
        rate,
        seed,
        rateLimited,
        outagePages,
        outageStatus,
        notFoundAs200,
        metaOnly,
        nullBars,
        burstLimit,
        burstWindowMillis,
        refuseLibraryAgents,
        latencyMillis,
        slowBodyMillis);
  }

  public YahooFaults withSeed(long newSeed) {
    return new YahooFaults(
        faultRate,
        newSeed,
        rateLimited,
        outagePages,
        outageStatus,
        notFoundAs200,
        metaOnly,
        nullBars,
        burstLimit,
        burstWindowMillis,
        refuseLibraryAgents,
        latencyMillis,
        slowBodyMillis);
  }

  public YahooFaults withRateLimited(int times) {
    return new YahooFaults(
        faultRate,
        seed,
        times,
        outagePages,
        outageStatus,
        notFoundAs200,
        metaOnly,
        nullBars,
        burstLimit,
        burstWindowMillis,
        refuseLibraryAgents,
        latencyMillis,
        slowBodyMillis);
  }

  public YahooFaults withOutagePages(int times, int status) {
    return new YahooFaults(
        faultRate,
        seed,
        rateLimited,
        times,
        status,
        notFoundAs200,
        metaOnly,
        nullBars,
        burstLimit,
        burstWindowMillis,
        refuseLibraryAgents,
        latencyMillis,
        slowBodyMillis);
  }

  public YahooFaults withNotFoundAs200(boolean on) {
    return new YahooFaults(
        faultRate,
        seed,
        rateLimited,
        outagePages,
        outageStatus,
        on,
        metaOnly,
        nullBars,
        burstLimit,
        burstWindowMillis,
        refuseLibraryAgents,
        latencyMillis,
        slowBodyMillis);
  }

  public YahooFaults withMetaOnly(boolean on) {
    return new YahooFaults(
        faultRate,
        seed,
        rateLimited,
        outagePages,
        outageStatus,
        notFoundAs200,
        on,
        nullBars,
        burstLimit,
        burstWindowMillis,
        refuseLibraryAgents,
        latencyMillis,
        slowBodyMillis);
  }

  public YahooFaults withNullBars(boolean on) {
    return new YahooFaults(
        faultRate,
        seed,
        rateLimited,
        outagePages,
        outageStatus,
        notFoundAs200,
        metaOnly,
        on,
        burstLimit,
        burstWindowMillis,
        refuseLibraryAgents,
        latencyMillis,
        slowBodyMillis);
  }

  public YahooFaults withBurstLimit(int requests) {
    return new YahooFaults(
        faultRate,
        seed,
        rateLimited,
        outagePages,
        outageStatus,
        notFoundAs200,
        metaOnly,
        nullBars,
        requests,
        burstWindowMillis,
        refuseLibraryAgents,
        latencyMillis,
        slowBodyMillis);
  }

  public YahooFaults withBurst(int requests, long windowMillis) {
    return new YahooFaults(
        faultRate,
        seed,
        rateLimited,
        outagePages,
        outageStatus,
        notFoundAs200,
        metaOnly,
        nullBars,
        requests,
        windowMillis,
        refuseLibraryAgents,
        latencyMillis,
        slowBodyMillis);
  }

  public YahooFaults withRefuseLibraryAgents(boolean on) {
    return new YahooFaults(
        faultRate,
        seed,
        rateLimited,
        outagePages,
        outageStatus,
        notFoundAs200,
        metaOnly,
        nullBars,
        burstLimit,
        burstWindowMillis,
        on,
        latencyMillis,
        slowBodyMillis);
  }

  public YahooFaults withLatencyMillis(long millis) {
    return new YahooFaults(
        faultRate,
        seed,
        rateLimited,
        outagePages,
        outageStatus,
        notFoundAs200,
        metaOnly,
        nullBars,
        burstLimit,
        burstWindowMillis,
        refuseLibraryAgents,
        millis,
        slowBodyMillis);
  }

  public YahooFaults withSlowBodyMillis(long millis) {
    return new YahooFaults(
        faultRate,
        seed,
        rateLimited,
        outagePages,
        outageStatus,
        notFoundAs200,
        metaOnly,
        nullBars,
        burstLimit,
        burstWindowMillis,
        refuseLibraryAgents,
        latencyMillis,
        millis);
  }
}
