package io.trawl.worker.runtime;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.trawl.worker.config.ConfigException;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns a server's refusal of trawl's credentials (gRPC {@code UNAUTHENTICATED} or {@code
 * PERMISSION_DENIED}, wherever it sits in a cause chain) into one line naming where the credentials
 * came from, e.g. {@code TEMPORAL_API_KEY}; never their value. A failed TLS handshake (an untrusted
 * or misnamed server certificate) becomes one line naming the TLS variables, instead of gRPC's
 * "UNAVAILABLE: io exception".
 */
public final class TemporalRefusals {
  private TemporalRefusals() {}

  /** The line for {@code failure} when it is such a refusal; empty for any other failure. */
  public static Optional<String> describe(Throwable failure, Map<String, String> env) {
    Optional<Status> refused = refusal(failure);
    if (refused.isEmpty()) {
      return handshake(failure)
          .map(
              reason ->
                  "TLS with "
                      + connection(env).map(TemporalConnection::address).orElse("Temporal")
                      + " failed ("
                      + reason
                      + "): check TEMPORAL_TLS_SERVER_CA_CERT_PATH and TEMPORAL_TLS_SERVER_NAME");
    }
    Status status = refused.get();
    String description = status.getDescription();
    String first = description == null ? "" : description.lines().findFirst().orElse("").trim();
    String reason = status.getCode() + (first.isEmpty() ? "" : ": " + first);
    Optional<TemporalConnection> connection = connection(env);
    Optional<String> keySource = connection.flatMap(TemporalConnection::apiKeySource);
    if (keySource.isPresent()) {
      return Optional.of(
          "Temporal refused the credentials in " + keySource.get() + " (" + reason + ")");
    }
    if (connection.map(TemporalConnection::clientCertificate).orElse(false)) {
      return Optional.of(
          "Temporal refused the client certificate in TEMPORAL_TLS_CLIENT_CERT_PATH ("
              + reason
              + ")");
    }
    return Optional.of(
        "Temporal refused a request without credentials ("
            + reason
            + "): set "
            + TemporalConnection.API_KEY_ENV
            + ", or a client certificate with TEMPORAL_TLS_CLIENT_CERT_PATH and"
            + " TEMPORAL_TLS_CLIENT_KEY_PATH");
  }

  private static Optional<Status> refusal(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException e
          && (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED
              || e.getStatus().getCode() == Status.Code.PERMISSION_DENIED)) {
        return Optional.of(e.getStatus());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  /** The innermost message under a TLS failure, which says what was wrong with the certificate. */
  private static Optional<String> handshake(Throwable failure) {
    Throwable ssl = null;
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SSLException) {
        ssl = t;
      }
    }
    if (ssl == null) {
      return Optional.empty();
    }
    Throwable innermost = ssl;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    String message = innermost.getMessage();
    return Optional.of(
        message == null || message.isBlank()
            ? innermost.getClass().getSimpleName()
            : message.lines().findFirst().orElse(message));
  }

  private static Optional<TemporalConnection> connection(Map<String, String> env) {
    if (!TemporalConnection.requested(env)) {
      return Optional.empty();
    }
    try {
      return Optional.of(TemporalConnection.fromEnvironment(env));
    } catch (ConfigException e) {
      return Optional.empty();
    }
  }
}
