package io.trawl.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionConfigTest {
  private static TrawlConfig load(String yaml) throws Exception {
    return TrawlConfigLoader.parse(
        "trawl.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheRetentionDays() throws Exception {
    assertThat(RetentionConfig.of(load("retention: {days: 7}\n")).days()).isEqualTo(7);
  }

  @Test
  void keepsThirtyDaysWhenTheSectionIsMissingOrEmpty() throws Exception {
    assertThat(RetentionConfig.of(load("jobs: {}\n")).days()).isEqualTo(30);
    assertThat(RetentionConfig.of(load("retention: {}\n")).days()).isEqualTo(30);
    assertThat(RetentionConfig.of(load("retention:\n")).days()).isEqualTo(30);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "3651", "1.5", "lots", "[3]"})
  void refusesADayCountOutsideOneToTenYearsNamingTheKeyAndValue(String days) {
    assertThatThrownBy(() -> RetentionConfig.of(load("retention: {days: " + days + "}\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("trawl.yaml: retention.days must be a whole number within 1..3650")
        .hasMessageContaining(days.replace("\"", ""));
  }

  @Test
  void refusesAnUnknownKeyUnderRetention() {
    assertThatThrownBy(() -> RetentionConfig.of(load("retention: {dayz: 3}\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("retention.dayz");
  }

  @Test
  void refusesRetentionThatIsNotAMapping() {
    assertThatThrownBy(() -> RetentionConfig.of(load("retention: 30\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("trawl.yaml: retention must be a mapping");
  }
}
