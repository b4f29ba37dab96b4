package io.trawl.worker.runtime;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.ClientConfigTLS;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.trawl.worker.config.ConfigException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How trawl reaches a Temporal server: address, namespace, TLS and credentials.
 *
 * <p>In production mode it is read with Temporal's standard client environment configuration
 * ({@code temporal-envconfig}): a profile of {@code temporal.toml} ({@code TEMPORAL_CONFIG_FILE},
 * else the Temporal CLI's default file; {@code TEMPORAL_PROFILE}, else {@code default}), then the
 * {@code TEMPORAL_*} variables on top. A dev server is reached in plain text with {@link #plain}.
 *
 * <p>The API key is a secret: it stays inside the SDK's options and is never part of {@link
 * #toString()}, {@link #describe()} or any exception message made here.
 */
public final class TemporalConnection {
  public static final String ADDRESS_ENV = "TEMPORAL_ADDRESS";
  public static final String NAMESPACE_ENV = "TEMPORAL_NAMESPACE";
  public static final String API_KEY_ENV = "TEMPORAL_API_KEY";
  public static final String TLS_ENV = "TEMPORAL_TLS";
  public static final String CONFIG_FILE_ENV = "TEMPORAL_CONFIG_FILE";
  public static final String PROFILE_ENV = "TEMPORAL_PROFILE";
  public static final String DEFAULT_NAMESPACE = "default";

  private final String address;
  private final String namespace;
  private final WorkflowServiceStubsOptions options;
  private final List<String> security;
  private final Optional<String> apiKeySource;

  private TemporalConnection(
      String address,
      String namespace,
      WorkflowServiceStubsOptions options,
      List<String> security,
      Optional<String> apiKeySource) {
    this.address = address;
    this.namespace = namespace;
    this.options = options;
    this.security = List.copyOf(security);
    this.apiKeySource = apiKeySource;
  }

  /** A server reached in plain text without credentials, such as {@code ./trawl dev}'s. */
  public static TemporalConnection plain(String address, String namespace) {
    return new TemporalConnection(
        address,
        namespace,
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).build(),
        List.of(),
        Optional.empty());
  }

  /**
   * True when {@code env} asks for a production cluster: {@code TEMPORAL_ADDRESS}, or a {@code
   * temporal.toml} chosen with {@code TEMPORAL_PROFILE} or {@code TEMPORAL_CONFIG_FILE}. The CLI's
   * default file alone does not switch modes, so a developer's Cloud profile never hijacks {@code
   * ./trawl dev}; it is read, as by the Temporal CLI, once production mode is chosen.
   */
  public static boolean requested(Map<String, String> env) {
    return nonBlank(env.get(ADDRESS_ENV)).isPresent()
        || nonBlank(env.get(PROFILE_ENV)).isPresent()
        || nonBlank(env.get(CONFIG_FILE_ENV)).isPresent();
  }

  /**
   * Reads the production connection from {@code env}.
   *
   * @throws ConfigException naming the variable, file or profile that is wrong
   */
  public static TemporalConnection fromEnvironment(Map<String, String> env) {
    TemporalEnvFile file = TemporalEnvFile.locate(env);
    String profileName = nonBlank(env.get(PROFILE_ENV)).orElse("default");
    ClientConfigProfile profile = load(env, file, profileName);
    Optional<String> address = nonBlank(profile.getAddress());
    if (address.isEmpty()) {
      throw new ConfigException(
          file.exists()
              ? "profile \""
                  + profileName
                  + "\" in "
                  + file.path()
                  + " has no address: add address = \"host:7233\" under [profile."
                  + profileName
                  + "] or set "
                  + ADDRESS_ENV
              : PROFILE_ENV
                  + " or "
                  + CONFIG_FILE_ENV
                  + " is set but there is no "
                  + file.path()
                  + ": set "
                  + CONFIG_FILE_ENV
                  + " to your temporal.toml or set "
                  + ADDRESS_ENV);
    }
    String namespace = nonBlank(profile.getNamespace()).orElse(DEFAULT_NAMESPACE);
    TemporalTlsFiles.check(env, profile, file, profileName);
    WorkflowServiceStubsOptions options;
    try {
      options = profile.toWorkflowServiceStubsOptions();
    } catch (RuntimeException e) {
      // Only the cause's class and message: the profile (which holds the key) is never printed.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ConfigException(
          "Temporal TLS settings cannot be used: " + TemporalTlsFiles.describe(cause));
    }
    return new TemporalConnection(
        address.get(),
        namespace,
        options,
        security(profile, options),
        apiKeySource(env, profile, file, profileName));
  }

  private static ClientConfigProfile load(
      Map<String, String> env, TemporalEnvFile file, String profileName) {
    if (!file.exists() && file.explicit()) {
      throw new ConfigException(CONFIG_FILE_ENV + ": no such file " + file.path());
    }
    String tls = env.get(TLS_ENV);
    if (tls != null
        && !tls.isBlank()
        && !List.of("true", "false").contains(tls.trim().toLowerCase(Locale.ROOT))) {
      throw new ConfigException(TLS_ENV + " must be true or false, got \"" + tls + "\"");
    }
    LoadClientConfigProfileOptions.Builder options =
        LoadClientConfigProfileOptions.newBuilder()
            // A variable set to "" (compose's ${VAR:-} for an unset one) means unset.
            .setEnvOverrides(withoutBlanks(env))
            .setConfigFileProfile(profileName);
    if (file.exists()) {
      options.setConfigFilePath(file.path().toString());
    } else {
      options.setDisableFile(true);
    }
    try {
      return ClientConfigProfile.load(options.build());
    } catch (JsonProcessingException e) {
      // The parser's own message may quote the file's text, which can hold an api_key.
      JsonLocation at = e.getLocation();
      throw new ConfigException(
          file.path()
              + " is not a valid temporal.toml"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file.path() + ": " + e.getClass().getSimpleName());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          PROFILE_ENV + " \"" + profileName + "\": no such profile in " + file.path());
    }
  }

  private static List<String> security(
      ClientConfigProfile profile, WorkflowServiceStubsOptions options) {
    List<String> parts = new ArrayList<>();
    ClientConfigTLS tls = profile.getTls();
    if (options.getSslContext() != null || options.getEnableHttps()) {
      parts.add("TLS");
    }
    if (tls != null && options.getSslContext() != null) {
      nonBlank(tls.getServerCACertPath()).ifPresent(ca -> parts.add("CA " + ca));
      nonBlank(tls.getServerName()).ifPresent(name -> parts.add("server name " + name));
      if (nonBlank(tls.getClientCertPath()).isPresent() || tls.getClientCertData() != null) {
        parts.add("client certificate");
      }
    }
    if (nonBlank(profile.getApiKey()).isPresent()) {
      parts.add("API key");
    }
    return parts;
  }

  private static Optional<String> apiKeySource(
      Map<String, String> env,
      ClientConfigProfile profile,
      TemporalEnvFile file,
      String profileName) {
    if (nonBlank(profile.getApiKey()).isEmpty()) {
      return Optional.empty();
    }
    if (env.containsKey(API_KEY_ENV)) {
      return Optional.of(API_KEY_ENV);
    }
    return Optional.of("api_key of profile \"" + profileName + "\" in " + file.path());
  }

  public String address() {
    return address;
  }

  public String namespace() {
    return namespace;
  }

  /** Options for the workflow service, with TLS and credentials; callers add their own settings. */
  public WorkflowServiceStubsOptions serviceStubsOptions() {
    return options;
  }

  /** The same connection for the operator service (search attributes). */
  public OperatorServiceStubsOptions operatorStubsOptions() {
    return OperatorServiceStubsOptions.newBuilder(options).validateAndBuildWithDefaults();
  }

  /** Where the API key came from ({@code TEMPORAL_API_KEY} or a profile), if one is used. */
  public Optional<String> apiKeySource() {
    return apiKeySource;
  }

  /** True when a client certificate is presented (mTLS). */
  public boolean clientCertificate() {
    return security.contains("client certificate");
  }

  /** E.g. {@code Temporal at host:7233 (namespace ns, TLS, API key)}; never the key itself. */
  public String describe() {
    return "Temporal at "
        + address
        + " (namespace "
        + namespace
        + (security.isEmpty() ? "" : ", " + String.join(", ", security))
        + ")";
  }

  @Override
  public String toString() {
    return describe();
  }

  private static Map<String, String> withoutBlanks(Map<String, String> env) {
    Map<String, String> set = new java.util.HashMap<>();
    env.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            set.put(name, value);
          }
        });
    return set;
  }

  static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
