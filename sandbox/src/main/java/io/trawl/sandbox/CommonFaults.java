package io.trawl.sandbox;

/**
 * The faults every provider sandbox can inject (PROVIDERS.md §8, "All"). Count fields (N × …) are
 * consumed one per matching request, so "500 then success" is {@code serverErrors(1)}; the rest
 * stay on until replaced.
 *
 * @param latencyMillis pause before answering; above a client's read timeout it is a hang
 * @param jitterMillis extra pause drawn from 0..jitter with a {@code seed}ed generator
 * @param seed seeds the jitter and {@code randomFailureRate}, so a faulty run can be replayed
 * @param serverErrors requests answered 500 with the provider's own JSON error, then normal
 * @param gatewayErrors requests answered {@code gatewayStatus} with an HTML page
 * @param gatewayStatus 502 or 503
 * @param htmlPages requests answered 200 with an HTML page instead of JSON
 * @param truncatedJson answers whose JSON body stops halfway (declared length matches: valid HTTP,
 *     broken JSON)
 * @param resetMidBody answers that declare the full length, send half and drop the connection
 * @param randomFailureRate share 0..1 of requests answered 503 HTML, drawn from {@code seed}
 * @param endpoint the one endpoint the count faults hit (the fake names its endpoints); null means
 *     any
 */
public record CommonFaults(
    long latencyMillis,
    long jitterMillis,
    long seed,
    int serverErrors,
    int gatewayErrors,
    int gatewayStatus,
    int htmlPages,
    int truncatedJson,
    int resetMidBody,
    double randomFailureRate,
    String endpoint) {

  public CommonFaults {
    for (long value :
        new long[] {
          latencyMillis,
          jitterMillis,
          serverErrors,
          gatewayErrors,
          htmlPages,
          truncatedJson,
          resetMidBody
        }) {
      if (value < 0) {
        throw new IllegalArgumentException("fault counts and delays must be 0 or more: " + value);
      }
    }
    if (gatewayStatus != 502 && gatewayStatus != 503) {
      throw new IllegalArgumentException("gatewayStatus must be 502 or 503, got " + gatewayStatus);
    }
    if (randomFailureRate < 0 || randomFailureRate > 1) {
      throw new IllegalArgumentException(
          "randomFailureRate must be within 0..1, got " + randomFailureRate);
    }
  }

  public static CommonFaults none() {
    return new CommonFaults(0, 0, 0, 0, 0, 502, 0, 0, 0, 0, null);
  }

  public CommonFaults withLatency(long millis, long jitter, long newSeed) {
    return new CommonFaults(
        millis,
        jitter,
        newSeed,
        serverErrors,
        gatewayErrors,
        gatewayStatus,
        htmlPages,
        truncatedJson,
        resetMidBody,
        randomFailureRate,
        endpoint);
  }

  public CommonFaults withServerErrors(int times) {
    return new CommonFaults(
        latencyMillis,
        jitterMillis,
        seed,
        times,
        gatewayErrors,
        gatewayStatus,
        htmlPages,
        truncatedJson,
        resetMidBody,
        randomFailureRate,
        endpoint);
  }

  public CommonFaults withGatewayErrors(int times, int status) {
    return new CommonFaults(
        latencyMillis,
        jitterMillis,
        seed,
        serverErrors,
        times,
        status,
        htmlPages,
        truncatedJson,
        resetMidBody,
        randomFailureRate,
        endpoint);
  }

  public CommonFaults withHtmlPages(int times) {
    return new CommonFaults(
        latencyMillis,
        jitterMillis,
        seed,
        serverErrors,
        gatewayErrors,
        gatewayStatus,
        times,
        truncatedJson,
        resetMidBody,
        randomFailureRate,
        endpoint);
  }

  public CommonFaults withTruncatedJson(int times) {
    return new CommonFaults(
        latencyMillis,
        jitterMillis,
        seed,
        serverErrors,
        gatewayErrors,
        gatewayStatus,
        htmlPages,
        times,
        resetMidBody,
        randomFailureRate,
        endpoint);
  }

  public CommonFaults withResetMidBody(int times) {
    return new CommonFaults(
        latencyMillis,
        jitterMillis,
        seed,
        serverErrors,
        gatewayErrors,
        gatewayStatus,
        htmlPages,
        truncatedJson,
        times,
        randomFailureRate,
        endpoint);
  }

  public CommonFaults withRandomFailures(double rate, long newSeed) {
    return new CommonFaults(
        latencyMillis,
        jitterMillis,
        newSeed,
        serverErrors,
        gatewayErrors,
        gatewayStatus,
        htmlPages,
        truncatedJson,
        resetMidBody,
        rate,
        endpoint);
  }

  /** Aims the count faults at one endpoint; null for any. */
  public CommonFaults onlyAt(String newEndpoint) {
    return new CommonFaults(
        latencyMillis,
        jitterMillis,
        seed,
        serverErrors,
        gatewayErrors,
        gatewayStatus,
        htmlPages,
        truncatedJson,
        resetMidBody,
        randomFailureRate,
        newEndpoint);
  }
}
