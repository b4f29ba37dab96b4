package io.trawl.sandbox.unlocker;

/**
 * What {@link FakeUnlocker} does wrong. Count fields (N × …) are consumed one per request; the rest
 * stay on until replaced.
 *
 * @param robotPages requests answered with Bloomberg's PerimeterX "Are you a robot?" page
 * @param robotStatus the status of that page: 200 (the Unlocker passed it off as success) or 403
 * @param alwaysRobot every quote request gets the robot page (a target that blocks for good)
 * @param rateLimited requests answered 429 {@code client_10110} with a Retry-After header
 * @param retryAfterSeconds the Retry-After value for {@code rateLimited}
 * @param rateLimitedNoRetryAfter requests answered 429 {@code client_10110} without Retry-After
 * @param zoneLimit requests answered 502 {@code client_10100} (zone usage limit)
 * @param htmlErrorPages requests answered 503 with a gateway's HTML error page
 * @param targetErrorPages requests answered 200 with a Bloomberg page that holds no quote (billed)
 * @param zoneErrorStatus the status of the unknown-zone answer: 400, or 407 as Bright Data's proxy
 *     interface sends it
 * @param invalidToken every request answers 401, whatever the token
 * @param latencyMillis pause before answering
 * @param slowBodyMillis pause in the middle of each quote page, to run past a client timeout
 * @param pageBytes approximate size of a quote page; real ones are about 450 KB
 * @param truncateBody quote pages stop half-way and the connection drops
 */
public record UnlockerFaults(
    int robotPages,
    int robotStatus,
    boolean alwaysRobot,
    int rateLimited,
    int retryAfterSeconds,
    int rateLimitedNoRetryAfter,
    int zoneLimit,
    int htmlErrorPages,
    int targetErrorPages,
    int zoneErrorStatus,
    boolean invalidToken,
    long latencyMillis,
    long slowBodyMillis,
    int pageBytes,
    boolean truncateBody) {

  public UnlockerFaults {
    if (robotPages < 0
        || rateLimited < 0
        || retryAfterSeconds < 0
        || rateLimitedNoRetryAfter < 0
        || zoneLimit < 0
        || htmlErrorPages < 0
        || targetErrorPages < 0
        || latencyMillis < 0
        || slowBodyMillis < 0
        || pageBytes < 0) {
      throw new IllegalArgumentException("counts, seconds, pauses and sizes must be 0 or more");
    }
    if (robotStatus != 200 && robotStatus != 403) {
      throw new IllegalArgumentException("robotStatus must be 200 or 403, got " + robotStatus);
    }
    if (zoneErrorStatus != 400 && zoneErrorStatus != 407) {
      throw new IllegalArgumentException(
          "zoneErrorStatus must be 400 or 407, got " + zoneErrorStatus);
    }
  }

  public static UnlockerFaults none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.robotPages = robotPages;
    b.robotStatus = robotStatus;
    b.alwaysRobot = alwaysRobot;
    b.rateLimited = rateLimited;
    b.retryAfterSeconds = retryAfterSeconds;
    b.rateLimitedNoRetryAfter = rateLimitedNoRetryAfter;
    b.zoneLimit = zoneLimit;
    b.htmlErrorPages = htmlErrorPages;
    b.targetErrorPages = targetErrorPages;
    b.zoneErrorStatus = zoneErrorStatus;
    b.invalidToken = invalidToken;
    b.latencyMillis = latencyMillis;
    b.slowBodyMillis = slowBodyMillis;
    b.pageBytes = pageBytes;
    b.truncateBody = truncateBody;
    return b;
  }

  /** Fluent builder; every setter names the record component it sets. */
  public static final class Builder {
    private int robotPages;
    private int robotStatus = 200;
    private boolean alwaysRobot;
    private int rateLimited;
    private int retryAfterSeconds = 30;
    private int rateLimitedNoRetryAfter;
    private int zoneLimit;
    private int htmlErrorPages;
    private int targetErrorPages;
    private int zoneErrorStatus = 400;
    private boolean invalidToken;
    private long latencyMillis;
    private long slowBodyMillis;
    private int pageBytes = 450_000;
    private boolean truncateBody;

    private Builder() {}

    public Builder robotPages(int times, int status) {
      this.robotPages = times;
      this.robotStatus = status;
      return this;
    }

    public Builder alwaysRobot(boolean on) {
      this.alwaysRobot = on;
      return this;
    }

    public Builder rateLimited(int times, int retryAfterSeconds) {
      this.rateLimited = times;
      this.retryAfterSeconds = retryAfterSeconds;
      return this;
    }

    public Builder rateLimitedNoRetryAfter(int times) {
      this.rateLimitedNoRetryAfter = times;
      return this;
    }

    public Builder zoneLimit(int times) {
      this.zoneLimit = times;
      return this;
    }

    public Builder htmlErrorPages(int times) {
      this.htmlErrorPages = times;
      return this;
    }

    public Builder targetErrorPages(int times) {
      this.targetErrorPages = times;
      return this;
    }

    public Builder truncateBody(boolean on) {
      this.truncateBody = on;
      return this;
    }

    public Builder zoneErrorStatus(int status) {
      this.zoneErrorStatus = status;
      return this;
    }

    public Builder invalidToken(boolean on) {
      this.invalidToken = on;
      return this;
    }

    public Builder latencyMillis(long millis) {
      this.latencyMillis = millis;
      return this;
    }

    public Builder slowBodyMillis(long millis) {
      this.slowBodyMillis = millis;
      return this;
    }

    public Builder pageBytes(int bytes) {
      this.pageBytes = bytes;
      return this;
    }

    public UnlockerFaults build() {
      return new UnlockerFaults(
          robotPages,
          robotStatus,
          alwaysRobot,
          rateLimited,
          retryAfterSeconds,
          rateLimitedNoRetryAfter,
          zoneLimit,
          htmlErrorPages,
          targetErrorPages,
          zoneErrorStatus,
          invalidToken,
          latencyMillis,
          slowBodyMillis,
          pageBytes,
          truncateBody);
    }
  }
}
