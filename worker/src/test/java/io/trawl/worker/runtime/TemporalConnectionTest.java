package io.trawl.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.worker.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production connections follow Temporal's client environment configuration: a {@code
 * temporal.toml} profile with the {@code TEMPORAL_*} variables on top; and the API key never shows
 * in what trawl prints or throws.
 */
class TemporalConnectionTest {
  private static final String KEY = "secret-api-key-7f3a9c";

  @TempDir Path dir;

  @Test
  void readsTheChosenProfileOfTemporalTomlWithTheVariablesOnTop() throws IOException {
    Path toml = cloudToml();

    TemporalConnection connection =
        TemporalConnection.fromEnvironment(
            Map.of(
                "TEMPORAL_CONFIG_FILE", toml.toString(),
                "TEMPORAL_PROFILE", "cloud",
                "TEMPORAL_NAMESPACE", "trawl-prod.a1b2c"));

    assertThat(connection.address()).isEqualTo("trawl.a1b2c.tmprl.cloud:7233");
    assertThat(connection.namespace()).isEqualTo("trawl-prod.a1b2c");
    assertThat(connection.apiKeySource()).contains("api_key of profile \"cloud\" in " + toml);
    // An API key without TLS settings turns TLS on with the system's trust store, as for Cloud.
    assertThat(connection.serviceStubsOptions().getEnableHttps()).isTrue();
    assertThat(connection.serviceStubsOptions().getGrpcMetadataProviders()).isNotEmpty();
    assertThat(connection.describe())
        .isEqualTo(
            "Temporal at trawl.a1b2c.tmprl.cloud:7233 (namespace trawl-prod.a1b2c, TLS, API key)");
    assertThat(connection.toString()).doesNotContain(KEY);
  }

  @Test
  void theApiKeyVariableWinsOverTheProfileAndIsNamedAsTheSource() throws IOException {
    TemporalConnection connection =
        TemporalConnection.fromEnvironment(
            Map.of(
                "TEMPORAL_CONFIG_FILE",
                cloudToml().toString(),
                "TEMPORAL_PROFILE",
                "cloud",
                "TEMPORAL_API_KEY",
                "another-" + KEY));

    assertThat(connection.apiKeySource()).contains("TEMPORAL_API_KEY");
    assertThat(connection.describe()).doesNotContain(KEY);
  }

  @Test
  void aPlainAddressStaysPlainText() {
    TemporalConnection connection =
        TemporalConnection.fromEnvironment(Map.of("TEMPORAL_ADDRESS", "temporal:7233"));

    assertThat(connection.describe()).isEqualTo("Temporal at temporal:7233 (namespace default)");
    assertThat(connection.serviceStubsOptions().getEnableHttps()).isFalse();
    assertThat(connection.serviceStubsOptions().getSslContext()).isNull();
    assertThat(connection.apiKeySource()).isEmpty();
  }

  @Test
  void eachWrongSettingIsOneLineNamingItAndNeverTheKey() throws IOException {
    Path broken = dir.resolve("broken.toml");
    Files.writeString(broken, "[profile.cloud]\napi_key = \"" + KEY + "\"\naddress = \n");
    Path toml = cloudToml();
    Map<Map<String, String>, String> cases =
        Map.of(
            env("TEMPORAL_TLS_SERVER_CA_CERT_PATH", dir.resolve("nope.pem").toString()),
            "TEMPORAL_TLS_SERVER_CA_CERT_PATH: cannot read " + dir.resolve("nope.pem"),
            env("TEMPORAL_TLS", "yes"),
            "TEMPORAL_TLS must be true or false, got \"yes\"",
            env("TEMPORAL_TLS_CLIENT_CERT_PATH", toml.toString()),
            "a client certificate needs its key and a key its certificate",
            Map.of("TEMPORAL_CONFIG_FILE", dir.resolve("missing.toml").toString()),
            "TEMPORAL_CONFIG_FILE: no such file " + dir.resolve("missing.toml"),
            Map.of("TEMPORAL_CONFIG_FILE", toml.toString(), "TEMPORAL_PROFILE", "staging"),
            "TEMPORAL_PROFILE \"staging\": no such profile in " + toml,
            Map.of("TEMPORAL_CONFIG_FILE", toml.toString(), "TEMPORAL_PROFILE", "keyonly"),
            "profile \"keyonly\" in " + toml + " has no address",
            Map.of("TEMPORAL_CONFIG_FILE", broken.toString(), "TEMPORAL_API_KEY", KEY),
            broken + " is not a valid temporal.toml (line 3");

    cases.forEach(
        (env, expected) ->
            assertThatThrownBy(() -> TemporalConnection.fromEnvironment(env))
                .as(env.toString())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(expected)
                .hasMessageNotContaining(KEY)
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1)));
  }

  @Test
  void productionIsChosenByAnAddressOrAnExplicitProfileNeverByTheDefaultFileAlone() {
    assertThat(TemporalConnection.requested(Map.of("TEMPORAL_ADDRESS", "t:7233"))).isTrue();
    assertThat(TemporalConnection.requested(Map.of("TEMPORAL_PROFILE", "cloud"))).isTrue();
    assertThat(TemporalConnection.requested(Map.of("TEMPORAL_CONFIG_FILE", "/x.toml"))).isTrue();
    assertThat(TemporalConnection.requested(Map.of("TEMPORAL_API_KEY", KEY))).isFalse();
    assertThat(TemporalConnection.requested(Map.of("TEMPORAL_ADDRESS", " "))).isFalse();
  }

  private Map<String, String> env(String name, String value) {
    Map<String, String> env = new HashMap<>();
    env.put("TEMPORAL_ADDRESS", "127.0.0.1:7233");
    env.put("TEMPORAL_API_KEY", KEY);
    env.put(name, value);
    return Map.copyOf(env);
  }

  private Path cloudToml() throws IOException {
    Path toml = dir.resolve("temporal.toml");
    Files.writeString(
        toml,
        String.join(
            "\n",
            List.of(
                "[profile.cloud]",
                "address = \"trawl.a1b2c.tmprl.cloud:7233\"",
                "namespace = \"trawl.a1b2c\"",
                "api_key = \"" + KEY + "\"",
                "",
                "[profile.keyonly]",
                "api_key = \"" + KEY + "\"",
                "")));
    return toml;
  }
}
