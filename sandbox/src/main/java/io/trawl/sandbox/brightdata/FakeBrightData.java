package io.trawl.sandbox.brightdata;

import io.trawl.sandbox.LoopbackServer;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Bright Data Datasets v3 server over loopback HTTP, with a deterministic job universe and
 * fault injection.
 *
 * <p>Serves {@code POST /datasets/v3/trigger}, {@code GET /datasets/v3/progress/{id}}, {@code GET
 * /datasets/v3/snapshot/{id}} and {@code POST /datasets/v3/snapshot/{id}/cancel}, plus {@code POST
 * /__admin/faults}, {@code POST /__admin/reset} and {@code GET /__admin/stats}. Which postings a
 * request returns depends only on (keyword, location, the clock's UTC day, time range), so tests
 * move the injected {@link Clock} a day forward to see postings appear and retire.
 */
public final class FakeBrightData implements AutoCloseable {
  /** The LinkedIn job listings dataset id; the only dataset this fake knows. */
  public static final String DATASET_ID = "gd_lpfll7v5hcqtkxl6l";

  private static final Logger log = LoggerFactory.getLogger(FakeBrightData.class);

  private final Clock clock;
  private final int requestedPort;
  private final FaultState faults;
  private final Counters counters = new Counters();
  private final SnapshotStore snapshots = new SnapshotStore();
  private final IpBlock ipBlock = new IpBlock();
  private LoopbackServer server;

  /** A fake on a free port, with the system clock and no faults. */
  public FakeBrightData() {
    this(Clock.systemUTC(), Faults.none(), 0);
  }

  public FakeBrightData(Clock clock, Faults faults) {
    this(clock, faults, 0);
  }

  /**
   * @param clock "now" for the job universe; only its UTC day matters for which postings exist
   * @param faults the faults armed from the start
   * @param port the loopback port, 0 for a free one
   */
  public FakeBrightData(Clock clock, Faults faults, int port) {
    if (clock == null || faults == null) {
      throw new IllegalArgumentException("clock and faults are required");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    this.clock = clock;
    this.requestedPort = port;
    this.faults = new FaultState(faults);
  }

  /** Binds 127.0.0.1 and starts serving; returns this for chaining. */
  public synchronized FakeBrightData start() {
    if (server != null) {
      return this;
    }
    server =
        LoopbackServer.start(
            requestedPort,
            Map.of(
                "/datasets/v3/", new DatasetsHandler(clock, faults, counters, snapshots, ipBlock),
                "/__admin/", new AdminHandler(faults, counters, snapshots)));
    log.info("fake Bright Data listening url={}", baseUrl());
    return this;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public synchronized String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("FakeBrightData is not started; call start() first");
    }
    return server.baseUrl();
  }

  public synchronized int port() {
    return server == null ? requestedPort : server.port();
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.close();
    log.info("fake Bright Data stopped port={}", server.port());
    server = null;
  }

  /** Replaces the armed faults; count-based faults (N × 429 …) start counting again. */
  public void faults(Faults newFaults) {
    faults.arm(newFaults);
  }

  public Faults faults() {
    return faults.current();
  }

  /** Disarms every fault and zeroes the counters; existing snapshots stay downloadable. */
  public void reset() {
    faults.arm(Faults.none());
    counters.reset();
    ipBlock.lift();
  }

  /**
   * True once 25 or more 429 answers went out within five minutes: like Bright Data, the fake then
   * refuses every request with 403 until {@link #reset()} (support lifting the block).
   */
  public boolean ipBlocked() {
    return ipBlock.blocked();
  }

  /** Trigger requests that created a snapshot: the calls Bright Data would bill for. */
  public long triggersAccepted() {
    return counters.triggersAccepted();
  }

  /** Trigger requests answered with anything but a snapshot id (429, 4xx, 5xx, HTML). */
  public long triggersRefused() {
    return counters.triggersRefused();
  }

  /** Content records written in full to download bodies; error records are free, not counted. */
  public long recordsDelivered() {
    return counters.recordsDelivered();
  }

  /** Download requests answered 200 with a body. */
  public long downloads() {
    return counters.downloads();
  }

  /** Progress requests, whatever they answered. */
  public long progressPolls() {
    return counters.progressPolls();
  }

  /** Requests per endpoint: trigger, progress, snapshot, cancel, admin. */
  public Map<String, Long> requests() {
    return counters.requests();
  }

  public long requests(String endpoint) {
    return counters.requests().getOrDefault(endpoint, 0L);
  }

  /**
   * Faults to inject. Count fields (N × …) are consumed one per matching request; the rest stay on
   * until replaced. Field names are also the JSON keys of {@code POST /__admin/faults}.
   *
   * @param pollsBeforeReady progress polls answered starting/running before ready (default 1, so
   *     the 2nd poll is ready)
   * @param progressFailure when set, the snapshot fails with this error_message instead of becoming
   *     ready
   * @param unknownStatus when set, polls before ready answer this status (e.g. "digesting")
   * @param snapshotBuilding downloads answered 202 "building" after progress said ready
   * @param rateLimited triggers answered 429 with a Retry-After header
   * @param retryAfterSeconds the Retry-After value for {@code rateLimited}, and the delay a {@code
   *     snapshotBuilding} answer asks for
   * @param rateLimitedNoRetryAfter triggers answered 429 without Retry-After
   * @param serverErrors requests answered with {@code serverErrorStatus}
   * @param serverErrorStatus 500 (text body) or 502/503 (HTML body)
   * @param htmlPages requests answered 200 with an HTML error page
   * @param burstEndpoint endpoint the serverErrors/htmlPages hit (trigger, progress, snapshot,
   *     cancel); null means any
   * @param emptySnapshot downloads answer 400 "Snapshot is empty"
   * @param expiredSnapshot downloads answer 400 "Snapshot is expired"
   * @param truncateBody downloads declare the full length, stop mid-record and close
   * @param slowBodyMillis pause between records of a download body
   * @param latencyMillis pause before answering any provider request
   * @param ignoreFormat downloads answer a JSON array even when ndjson was asked for
   * @param invalidCredentials every provider request answers 401 "Invalid credentials"
   */
  public record Faults(
      int pollsBeforeReady,
      String progressFailure,
      String unknownStatus,
      int snapshotBuilding,
      int rateLimited,
      int retryAfterSeconds,
      int rateLimitedNoRetryAfter,
      int serverErrors,
      int serverErrorStatus,
      int htmlPages,
      String burstEndpoint,
      boolean emptySnapshot,
      boolean expiredSnapshot,
      boolean truncateBody,
      long slowBodyMillis,
      long latencyMillis,
      boolean ignoreFormat,
      boolean invalidCredentials) {

    public Faults {
      requireNonNegative("pollsBeforeReady", pollsBeforeReady);
      requireNonNegative("snapshotBuilding", snapshotBuilding);
      requireNonNegative("rateLimited", rateLimited);
      requireNonNegative("retryAfterSeconds", retryAfterSeconds);
      requireNonNegative("rateLimitedNoRetryAfter", rateLimitedNoRetryAfter);
      requireNonNegative("serverErrors", serverErrors);
      requireNonNegative("htmlPages", htmlPages);
      requireNonNegative("slowBodyMillis", slowBodyMillis);
      requireNonNegative("latencyMillis", latencyMillis);
      if (serverErrorStatus < 500 || serverErrorStatus > 599) {
        throw new IllegalArgumentException(
            "serverErrorStatus must be 5xx, got " + serverErrorStatus);
      }
      if (burstEndpoint != null && !Counters.ENDPOINTS.contains(burstEndpoint)) {
        throw new IllegalArgumentException(
            "burstEndpoint must be one of " + Counters.ENDPOINTS + ", got " + burstEndpoint);
      }
    }

    public static Faults none() {
      return builder().build();
    }

    public static Builder builder() {
      return new Builder();
    }

    public Builder toBuilder() {
      return new Builder(this);
    }

    private static void requireNonNegative(String name, long value) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must be 0 or more, got " + value);
      }
    }

    /** Fluent builder; every setter names the record component it sets. */
    public static final class Builder {
      private int pollsBeforeReady = 1;
      private String progressFailure;
      private String unknownStatus;
      private int snapshotBuilding;
      private int rateLimited;
      private int retryAfterSeconds = 30;
      private int rateLimitedNoRetryAfter;
      private int serverErrors;
      private int serverErrorStatus = 500;
      private int htmlPages;
      private String burstEndpoint;
      private boolean emptySnapshot;
      private boolean expiredSnapshot;
      private boolean truncateBody;
      private long slowBodyMillis;
      private long latencyMillis;
      private boolean ignoreFormat;
      private boolean invalidCredentials;

      private Builder() {}

      private Builder(Faults f) {
        pollsBeforeReady = f.pollsBeforeReady;
        progressFailure = f.progressFailure;
        unknownStatus = f.unknownStatus;
        snapshotBuilding = f.snapshotBuilding;
        rateLimited = f.rateLimited;
        retryAfterSeconds = f.retryAfterSeconds;
        rateLimitedNoRetryAfter = f.rateLimitedNoRetryAfter;
        serverErrors = f.serverErrors;
        serverErrorStatus = f.serverErrorStatus;
        htmlPages = f.htmlPages;
        burstEndpoint = f.burstEndpoint;
        emptySnapshot = f.emptySnapshot;
        expiredSnapshot = f.expiredSnapshot;
        truncateBody = f.truncateBody;
        slowBodyMillis = f.slowBodyMillis;
        latencyMillis = f.latencyMillis;
        ignoreFormat = f.ignoreFormat;
        invalidCredentials = f.invalidCredentials;
      }

      public Builder pollsBeforeReady(int polls) {
        this.pollsBeforeReady = polls;
        return this;
      }

      public Builder progressFailure(String errorMessage) {
        this.progressFailure = errorMessage;
        return this;
      }

      public Builder unknownStatus(String status) {
        this.unknownStatus = status;
        return this;
      }

      public Builder snapshotBuilding(int times) {
        this.snapshotBuilding = times;
        return this;
      }

      /**
       * {@code times} 202 "building" answers that say "try again in {@code retryAfterSeconds}s".
       */
      public Builder snapshotBuilding(int times, int retryAfterSeconds) {
        this.snapshotBuilding = times;
        this.retryAfterSeconds = retryAfterSeconds;
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

      public Builder serverErrors(int times, int status) {
        this.serverErrors = times;
        this.serverErrorStatus = status;
        return this;
      }

      public Builder htmlPages(int times) {
        this.htmlPages = times;
        return this;
      }

      public Builder burstEndpoint(String endpoint) {
        this.burstEndpoint = endpoint;
        return this;
      }

      public Builder emptySnapshot(boolean on) {
        this.emptySnapshot = on;
        return this;
      }

      public Builder expiredSnapshot(boolean on) {
        this.expiredSnapshot = on;
        return this;
      }

      public Builder truncateBody(boolean on) {
        this.truncateBody = on;
        return this;
      }

      public Builder slowBodyMillis(long millis) {
        this.slowBodyMillis = millis;
        return this;
      }

      public Builder latencyMillis(long millis) {
        this.latencyMillis = millis;
        return this;
      }

      public Builder ignoreFormat(boolean on) {
        this.ignoreFormat = on;
        return this;
      }

      public Builder invalidCredentials(boolean on) {
        this.invalidCredentials = on;
        return this;
      }

      public Faults build() {
        return new Faults(
            pollsBeforeReady,
            progressFailure,
            unknownStatus,
            snapshotBuilding,
            rateLimited,
            retryAfterSeconds,
            rateLimitedNoRetryAfter,
            serverErrors,
            serverErrorStatus,
            htmlPages,
            burstEndpoint,
            emptySnapshot,
            expiredSnapshot,
            truncateBody,
            slowBodyMillis,
            latencyMillis,
            ignoreFormat,
            invalidCredentials);
      }
    }
  }
}
