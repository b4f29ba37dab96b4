package io.trawl.activities.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only http(s) is fetched; sandbox URLs resolve to the running sandbox. */
class SourceUrlsTest {
  @Test
  void refusesFileAndFtpUrls() {
    for (String url :
        new String[] {"file:///etc/passwd", "ftp://ftp.example.org/data.csv", "gopher://x"}) {
      assertThatThrownBy(() -> new SourceUrls(null).resolve(source(url)))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              failure -> assertThat(failure.getType()).isEqualTo(Failures.INVALID_INPUT))
          .hasMessageContaining("url must be http or https, got \"" + url + "\"");
    }
  }

  @Test
  void resolvesSandboxUrlsToTheRunningFileServer() {
    assertThat(
            new SourceUrls("http://127.0.0.1:4321")
                .resolve(source("sandbox://files/cbs-population.csv.gz?fault=corrupt"))
                .toString())
        .isEqualTo("http://127.0.0.1:4321/files/cbs-population.csv.gz?fault=corrupt");
  }

  @Test
  void refusesSandboxUrlsWhenNoSandboxRuns() {
    assertThatThrownBy(() -> new SourceUrls(null).resolve(source("sandbox://files/x.csv")))
        .hasMessageContaining("needs the sandbox file server");
  }

  @Test
  void resolvesEnvironmentReferencesInHeadersWithoutEchoingValues() {
    EtlSource source =
        new EtlSource(
            "demo",
            "https://example.org/x",
            EtlFormat.CSV,
            null,
            1 << 20,
            "x",
            Map.of("Authorization", "Bearer ${env:DEMO_TOKEN}"));

    assertThat(new RequestHeaders(Map.of("DEMO_TOKEN", "s3cret")).of(source).get("Authorization"))
        .isEqualTo("Bearer s3cret");
    assertThatThrownBy(() -> new RequestHeaders(Map.of()).of(source))
        .hasMessageContaining("${env:DEMO_TOKEN}")
        .hasMessageNotContaining("s3cret");
  }

  private static EtlSource source(String url) {
    return new EtlSource("demo", url, EtlFormat.CSV, null, 1 << 20, "x", Map.of());
  }
}
