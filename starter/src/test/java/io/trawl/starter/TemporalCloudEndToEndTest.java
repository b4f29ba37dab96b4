package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.worker.runtime.DevServerExtension;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporal Cloud, rehearsed on loopback: the real dev server behind nginx, which terminates TLS
 * with a throwaway CA's certificate and refuses any request without the expected API key. Every
 * client trawl makes in production mode ({@code setup}, a {@code worker} JVM, {@code jobs scrape})
 * must carry the CA, the server name and the key from the standard {@code TEMPORAL_*} variables,
 * and a wrong key must be one line naming {@code TEMPORAL_API_KEY}, never the key.
 */
class TemporalCloudEndToEndTest {
  private static final String API_KEY = "trawl-test-key-" + UUID.randomUUID();
  private static final String NAMESPACE = "trawl-cloud";

  /**
   * The worker JVMs log as a deployed worker does (the CLI's logback.xml, INFO on the console and
   * in TRAWL_HOME/logs/trawl.log), not with the tests' quieter configuration, so the key checks
   * cover what production writes.
   */
  private static final List<String> PRODUCTION_LOGGING =
      List.of("-Dlogback.configurationFile=logback.xml");

  @RegisterExtension static final DevServerExtension temporal = new DevServerExtension();

  @RegisterExtension
  static final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir static Path proxyDir;

  private static TlsGrpcProxy proxy;

  @TempDir Path home;

  @BeforeAll
  static void startProxy() throws Exception {
    proxy = TlsGrpcProxy.start(proxyDir, temporal.target(), API_KEY);
  }

  @AfterAll
  static void stopProxy() throws InterruptedException {
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void setupAWorkerAndAScrapeRunThroughATlsProxyThatWantsAnApiKey() throws Exception {
    Map<String, String> env = cloudEnv(API_KEY);

    CliRun setup = CliRun.run(env, "setup");

    assertThat(setup.exitCode()).as(setup.out() + setup.err()).isZero();
    assertThat(setup.out())
        .contains("Temporal at " + proxy.address() + " (namespace " + NAMESPACE)
        .contains("TLS")
        .contains("API key")
        .contains("registered namespace " + NAMESPACE)
        .contains("registered search attributes (Keyword): TrawlPipeline");

    try (WorkerJvm worker =
        WorkerJvm.start(env, PRODUCTION_LOGGING).awaitPolling(Duration.ofSeconds(120))) {
      CliRun scrape =
          CliRun.run(env, "jobs", "scrape", "Data Engineer", "--location", "Netherlands");

      assertThat(scrape.exitCode()).as(scrape.out() + scrape.err()).isZero();
      assertThat(scrape.out()).contains("Scrape completed: Data Engineer in Netherlands");
      assertThat(scrape.err()).contains("Temporal at " + proxy.address());
      assertThat(worker.output())
          .contains("Temporal at " + proxy.address() + " (namespace " + NAMESPACE)
          .doesNotContain(API_KEY);
      assertThat(setup.out() + setup.err() + scrape.out() + scrape.err()).doesNotContain(API_KEY);
    }
    assertThat(home.resolve("logs/trawl.log")).exists();
    assertThat(filesContaining(home, API_KEY))
        .as("files under TRAWL_HOME holding the key")
        .isEmpty();
  }

  @Test
  void aWrongApiKeyIsOneLineNamingTheVariableAndExits2() throws Exception {
    String wrongKey = "wrong-key-" + UUID.randomUUID();
    Map<String, String> env = cloudEnv(wrongKey);

    for (List<String> args :
        List.of(
            List.of("setup"),
            List.of("jobs", "scrape", "Data Engineer", "--location", "Netherlands"))) {
      CliRun run = CliRun.run(env, args.toArray(String[]::new));

      assertThat(run.exitCode()).as(args + ": " + run.out() + run.err()).isEqualTo(2);
      assertThat(run.err().lines().filter(l -> l.startsWith("trawl: Temporal refused")))
          .as(args + ": " + run.err())
          .containsExactly(
              "trawl: Temporal refused the credentials in TEMPORAL_API_KEY"
                  + " (UNAUTHENTICATED: HTTP status code 401)");
      assertThat(run.err().lines().filter(l -> l.contains("TEMPORAL_API_KEY"))).hasSize(1);
      assertThat(run.err()).doesNotContain("\tat ").doesNotContain(wrongKey);
      assertThat(run.out()).doesNotContain(wrongKey);
    }

    try (WorkerJvm worker = WorkerJvm.start(env, PRODUCTION_LOGGING)) {
      int exit = worker.awaitExit(Duration.ofSeconds(120));

      assertThat(exit).as(worker.output()).isEqualTo(2);
      assertThat(worker.output().lines().filter(l -> l.contains("TEMPORAL_API_KEY")))
          .as(worker.output())
          .hasSize(1);
      assertThat(worker.output()).doesNotContain("\tat ");
      assertThat(worker.output())
          .contains("trawl: Temporal refused the credentials in TEMPORAL_API_KEY")
          .doesNotContain(wrongKey);
    }
    assertThat(filesContaining(home, wrongKey)).isEmpty();
  }

  @Test
  void withoutTheCaTheProxysCertificateIsNotTrusted() {
    Map<String, String> env = new HashMap<>(cloudEnv(API_KEY));
    env.remove("TEMPORAL_TLS_SERVER_CA_CERT_PATH");

    CliRun run = CliRun.run(env, "setup");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err().lines())
        .as(run.err())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("trawl: TLS with " + proxy.address() + " failed (")
        .endsWith("check TEMPORAL_TLS_SERVER_CA_CERT_PATH and TEMPORAL_TLS_SERVER_NAME");
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain(API_KEY);
  }

  @Test
  void mutualTlsWithAClientCertificateInsteadOfAnApiKey() {
    Map<String, String> env = new HashMap<>(cloudEnv(API_KEY));
    env.remove("TEMPORAL_API_KEY");
    env.put("TEMPORAL_ADDRESS", proxy.mtlsAddress());
    env.put("TEMPORAL_NAMESPACE", "trawl-mtls");
    env.put("TEMPORAL_TLS_CLIENT_CERT_PATH", proxy.clientCertificate().toString());
    env.put("TEMPORAL_TLS_CLIENT_KEY_PATH", proxy.clientKey().toString());

    CliRun setup = CliRun.run(env, "setup");

    assertThat(setup.exitCode()).as(setup.out() + setup.err()).isZero();
    assertThat(setup.out())
        .contains("client certificate")
        .contains("registered namespace trawl-mtls");

    env.remove("TEMPORAL_TLS_CLIENT_CERT_PATH");
    env.remove("TEMPORAL_TLS_CLIENT_KEY_PATH");
    CliRun without = CliRun.run(env, "setup");

    assertThat(without.exitCode()).as(without.out() + without.err()).isNotZero();
    assertThat(without.err().lines()).as(without.err()).hasSize(1);
    assertThat(without.err()).doesNotContain("\tat ");
  }

  private Map<String, String> cloudEnv(String apiKey) {
    Map<String, String> env = new HashMap<>(ProductionEnv.of(temporal, db, home));
    env.put("TEMPORAL_ADDRESS", proxy.address());
    env.put("TEMPORAL_NAMESPACE", NAMESPACE);
    env.put("TEMPORAL_API_KEY", apiKey);
    env.put("TEMPORAL_TLS_SERVER_CA_CERT_PATH", proxy.caCertificate().toString());
    env.put("TEMPORAL_TLS_SERVER_NAME", TlsGrpcProxy.SERVER_NAME);
    env.put("TRAWL_METRICS_PORT", "0");
    env.put("TRAWL_LOG_LEVEL", "INFO");
    return Map.copyOf(env);
  }

  private static List<Path> filesContaining(Path dir, String secret) throws IOException {
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              file -> {
                try {
                  return Files.size(file) < (64 << 20) && indexOf(Files.readAllBytes(file), needle);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  private static boolean indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
