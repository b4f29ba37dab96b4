package io.trawl.activities.providers.brightdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrightDataConfigTest {
  private static final String SANDBOX = "http://127.0.0.1:40001";

  @Test
  void withoutATokenTheSandboxIsUsed() {
    BrightDataConfig config = BrightDataConfig.fromEnvironment(Map.of(), SANDBOX);

    assertThat(config.isSandbox()).isTrue();
    assertThat(config.baseUrl()).isEqualTo(SANDBOX);
    assertThat(config.datasetId()).isEqualTo("gd_lpfll7v5hcqtkxl6l");
  }

  @Test
  void aBlankTokenCountsAsNoToken() {
    BrightDataConfig config =
        BrightDataConfig.fromEnvironment(Map.of("BRIGHTDATA_API_TOKEN", "  "), SANDBOX);

    assertThat(config.isSandbox()).isTrue();
  }

  @Test
  void aTokenSelectsTheRealApiByDefault() {
    BrightDataConfig config =
        BrightDataConfig.fromEnvironment(Map.of("BRIGHTDATA_API_TOKEN", "tok-123"), SANDBOX);

    assertThat(config.isSandbox()).isFalse();
    assertThat(config.baseUrl()).isEqualTo("https://api.brightdata.com");
    assertThat(config.token()).isEqualTo("tok-123");
  }

  @Test
  void baseUrlAndDatasetCanBeOverridden() {
    BrightDataConfig config =
        BrightDataConfig.fromEnvironment(
            Map.of(
                "BRIGHTDATA_API_TOKEN", "tok-123",
                "BRIGHTDATA_BASE_URL", "https://proxy.example/",
                "BRIGHTDATA_DATASET_ID", "gd_other"),
            SANDBOX);

    assertThat(config.baseUrl()).isEqualTo("https://proxy.example");
    assertThat(config.datasetId()).isEqualTo("gd_other");
  }

  @Test
  void noTokenAndNoSandboxIsAnErrorNamingTheVariable() {
    assertThatThrownBy(() -> BrightDataConfig.fromEnvironment(Map.of(), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BRIGHTDATA_API_TOKEN is not set");
  }

  @Test
  void toStringMasksTheToken() {
    BrightDataConfig config = new BrightDataConfig(null, "tok-very-secret", null);

    assertThat(config.toString()).doesNotContain("tok-very-secret").contains("token=***");
  }
}
