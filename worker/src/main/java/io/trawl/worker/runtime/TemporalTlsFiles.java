package io.trawl.worker.runtime;

import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.ClientConfigTLS;
import io.trawl.worker.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the certificate files a TLS profile names before the SDK opens them, so a wrong path is
 * one line naming the variable (or the profile key) that holds it instead of "Unable to create SSL
 * context".
 */
final class TemporalTlsFiles {
  private TemporalTlsFiles() {}

  static void check(
      Map<String, String> env, ClientConfigProfile profile, TemporalEnvFile file, String name) {
    ClientConfigTLS tls = profile.getTls();
    if (tls == null || Boolean.TRUE.equals(tls.isDisabled())) {
      return;
    }
    String cert = readable(env, tls.getClientCertPath(), "CLIENT_CERT_PATH", file, name);
    String key = readable(env, tls.getClientKeyPath(), "CLIENT_KEY_PATH", file, name);
    readable(env, tls.getServerCACertPath(), "SERVER_CA_CERT_PATH", file, name);
    boolean hasCert = cert != null || tls.getClientCertData() != null;
    boolean hasKey = key != null || tls.getClientKeyData() != null;
    if (hasCert != hasKey) {
      throw new ConfigException(
          "a client certificate needs its key and a key its certificate: set both"
              + " TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH");
    }
  }

  /** A failure of the SDK building the TLS context, in one line and without file contents. */
  static String describe(Throwable cause) {
    String message = cause.getMessage();
    String first = message == null ? "" : message.lines().findFirst().orElse("");
    return cause.getClass().getSimpleName() + (first.isBlank() ? "" : ": " + first);
  }

  private static String readable(
      Map<String, String> env,
      String path,
      String suffix,
      TemporalEnvFile file,
      String profileName) {
    Optional<String> value = TemporalConnection.nonBlank(path);
    if (value.isEmpty()) {
      return null;
    }
    if (!Files.isReadable(Path.of(value.get()))) {
      String variable = "TEMPORAL_TLS_" + suffix;
      String source =
          TemporalConnection.nonBlank(env.get(variable)).isPresent()
              ? variable
              : "tls."
                  + suffix.toLowerCase(java.util.Locale.ROOT)
                  + " of profile \""
                  + profileName
                  + "\" in "
                  + file.path();
      throw new ConfigException(source + ": cannot read " + value.get());
    }
    return value.get();
  }
}
