package io.trawl.sandbox.yahoo;

/**
 * What {@link FakeYahoo} does wrong, and how often. Count fields (N × …) are consumed one per
 * request; the rest stay on until replaced. Field names are also the JSON keys of {@code POST
 * /__admin/faults}.
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
 * @param truncateBody 200 bodies stop half-way and the connection drops
 * @param unprocessable requests answered 422 {@code Unprocessable Entity} with Yahoo's chart error
 *     body, as it refuses a range its interval cannot serve
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
    long slowBodyMillis,
    boolean truncateBody,
    int unprocessable) {

  public YahooFaults {
    if (faultRate < 0 || faultRate > 1) {
      throw new IllegalArgumentException("faultRate must be 0..1, got " + faultRate);
    }
    if (rateLimited < 0 || outagePages < 0 || burstLimit < 0 || unprocessable < 0) {
      throw new IllegalArgumentException("counts must be 0 or more");
    }
    if (burstWindowMillis <= 0 || latencyMillis < 0 || slowBodyMillis < 0) {
      throw new IllegalArgumentException("burstWindowMillis must be > 0 and pauses 0 or more");
    }
    if (outageStatus != 200 && (outageStatus < 500 || outageStatus > 599)) {
      throw new IllegalArgumentException("outageStatus must be 200 or 5xx, got " + outageStatus);
    }
  }

  /** The sandbox's everyday behaviour: 10 % random failures, null bars, bot and burst defences. */
  public static YahooFaults defaults() {
    return builder().build();
  }

  /** A well-behaved Yahoo: no random failures, no burst limit; null bars and bot defences stay. */
  public static YahooFaults none() {
    return builder().faultRate(0).burstLimit(0).build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.faultRate = faultRate;
    b.seed = seed;
    b.rateLimited = rateLimited;
    b.outagePages = outagePages;
    b.outageStatus = outageStatus;
    b.notFoundAs200 = notFoundAs200;
    b.metaOnly = metaOnly;
    b.nullBars = nullBars;
    b.burstLimit = burstLimit;
    b.burstWindowMillis = burstWindowMillis;
    b.refuseLibraryAgents = refuseLibraryAgents;
    b.latencyMillis = latencyMillis;
    b.slowBodyMillis = slowBodyMillis;
    b.truncateBody = truncateBody;
    b.unprocessable = unprocessable;
    return b;
  }

  /** Fluent builder; every setter names the record component it sets. */
  public static final class Builder {
    private double faultRate = 0.10;
    private long seed = 42;
    private int rateLimited = 0;
    private int outagePages = 0;
    private int outageStatus = 503;
    private boolean notFoundAs200 = false;
    private boolean metaOnly = false;
    private boolean nullBars = true;
    private int burstLimit = 100;
    private long burstWindowMillis = 10_000;
    private boolean refuseLibraryAgents = true;
    private long latencyMillis = 0;
    private long slowBodyMillis = 0;
    private boolean truncateBody = false;
    private int unprocessable = 0;

    private Builder() {}

    public Builder faultRate(double value) {
      this.faultRate = value;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder rateLimited(int value) {
      this.rateLimited = value;
      return this;
    }

    public Builder outagePages(int value) {
      this.outagePages = value;
      return this;
    }

    public Builder outageStatus(int value) {
      this.outageStatus = value;
      return this;
    }

    public Builder notFoundAs200(boolean value) {
      this.notFoundAs200 = value;
      return this;
    }

    public Builder metaOnly(boolean value) {
      this.metaOnly = value;
      return this;
    }

    public Builder nullBars(boolean value) {
      this.nullBars = value;
      return this;
    }

    public Builder burstLimit(int value) {
      this.burstLimit = value;
      return this;
    }

    public Builder burstWindowMillis(long value) {
      this.burstWindowMillis = value;
      return this;
    }

    public Builder refuseLibraryAgents(boolean value) {
      this.refuseLibraryAgents = value;
      return this;
    }

    public Builder latencyMillis(long value) {
      this.latencyMillis = value;
      return this;
    }

    public Builder slowBodyMillis(long value) {
      this.slowBodyMillis = value;
      return this;
    }

    public Builder truncateBody(boolean value) {
      this.truncateBody = value;
      return this;
    }

    public Builder unprocessable(int value) {
      this.unprocessable = value;
      return this;
    }

    /** {@code times} requests get the outage page, with {@code status}. */
    public Builder outagePages(int times, int status) {
      this.outagePages = times;
      this.outageStatus = status;
      return this;
    }

    /** More than {@code requests} inside {@code windowMillis} answer 429. */
    public Builder burst(int requests, long windowMillis) {
      this.burstLimit = requests;
      this.burstWindowMillis = windowMillis;
      return this;
    }

    public YahooFaults build() {
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
          slowBodyMillis,
          truncateBody,
          unprocessable);
    }
  }
}
