package io.trawl.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The etl: section of trawl.yaml, and errors that name the file, key, source and value. */
class EtlConfigParserTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static EtlConfig parse(String yaml) throws Exception {
    return EtlConfigParser.parse("trawl.yaml", YAML.readTree(yaml).path("etl"));
  }

  @Test
  void readsEverySourceKeyWithDefaults() throws Exception {
    EtlConfig config =
        parse(
            """
            etl:
              concurrency: 2
              sources:
                - id: cbs
                  url: https://data.example.org/cbs.csv.gz
                  format: gzip
                  sha256: 9EF1CE24CB4FAE21AD274A0C8CD752757FF6FB22A110AE08A620861F146CA79C
                  max_bytes: 500m
                  target: cbs/cbs.csv.gz
                  headers: {Authorization: "Bearer ${env:CBS_TOKEN}"}
                - id: plain
                  url: sandbox://files/x.json
                  format: json
                  target: x.json
            """);

    assertThat(config.concurrency()).isEqualTo(2);
    EtlSource cbs = config.sources().get(0);
    assertThat(cbs.format()).isEqualTo(EtlFormat.GZIP);
    assertThat(cbs.sha256())
        .isEqualTo("9ef1ce24cb4fae21ad274a0c8cd752757ff6fb22a110ae08a620861f146ca79c");
    assertThat(cbs.maxBytes()).isEqualTo(500L << 20);
    assertThat(cbs.headers()).isEqualTo(Map.of("Authorization", "Bearer ${env:CBS_TOKEN}"));
    assertThat(config.sources().get(1).maxBytes()).isEqualTo(EtlSource.DEFAULT_MAX_BYTES);
  }

  @Test
  void aMissingSectionIsTheDefaults() throws Exception {
    assertThat(parse("jobs: {}")).isEqualTo(EtlConfig.DEFAULTS);
  }

  @Test
  void theBuiltInDemoHasValidSandboxSources() {
    EtlConfig demo = EtlConfig.of(TrawlConfigLoader.loadBuiltIn());

    assertThat(demo.sources()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(demo.sources()).allSatisfy(s -> assertThat(s.url()).startsWith("sandbox://files/"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{id: x, url: 'ftp://ftp.example.org/a.csv', format: csv, target: a.csv} | trawl.yaml:"
            + " etl.sources[0].url (source \"x\") must be http or https, got"
            + " \"ftp://ftp.example.org/a.csv\"",
        "{id: x, url: 'file:///etc/passwd', format: csv, target: a.csv}          | trawl.yaml:"
            + " etl.sources[0].url (source \"x\") must be http or https, got"
            + " \"file:///etc/passwd\"",
        "{id: x, url: 'https://e.org/a', format: csv, target: ../a.csv}          | trawl.yaml:"
            + " etl.sources[0].target (source \"x\") must not contain \"..\"",
        "{id: x, url: 'https://e.org/a', format: csv, target: /etc/a.csv}        | trawl.yaml:"
            + " etl.sources[0].target (source \"x\") must be relative",
        "{id: x, url: 'https://e.org/a', format: cvs, target: a.csv}             | trawl.yaml:"
            + " etl.sources[0].format (source \"x\") must be one of gzip, zip",
        "{id: x, url: 'https://e.org/a', format: csv, target: a.csv, sha256: ab} | trawl.yaml:"
            + " etl.sources[0].sha256 (source \"x\") must be 64 hex digits, got \"ab\"",
        "{id: x, url: 'https://e.org/a', format: csv, target: a.csv, max_bytes: lots} | trawl.yaml:"
            + " etl.sources[0].max_bytes (source \"x\") must be a positive size",
        "{id: x, url: 'https://e.org/a', format: csv}                            | trawl.yaml:"
            + " etl.sources[0].target (source \"x\") is empty",
        "{id: x, url: 'https://e.org/a', format: csv, target: a, taget: b}       | trawl.yaml:"
            + " unknown key etl.sources[0].taget (source \"x\")",
        "{url: 'https://e.org/a', format: csv, target: a}                        | trawl.yaml:"
            + " etl.sources[0].id is empty",
        "{id: 'a b', url: 'https://e.org/a', format: csv, target: a}             | trawl.yaml:"
            + " etl.sources[0].id must be letters, digits",
      })
  void namesTheFileKeySourceAndValueInEveryError(String source, String message) {
    assertThatThrownBy(() -> parse("etl: {sources: [" + source + "]}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void refusesDuplicateIdsAndTargets() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    etl: {sources: [{id: a, url: 'https://e.org/1', format: csv, target: one.csv},
                                    {id: a, url: 'https://e.org/2', format: csv, target: two.csv}]}
                    """))
        .hasMessage("trawl.yaml: etl.sources[1].id \"a\" is already used by etl.sources[0]");
    assertThatThrownBy(
            () ->
                parse(
                    """
                    etl: {sources: [{id: a, url: 'https://e.org/1', format: csv, target: one.csv},
                                    {id: b, url: 'https://e.org/2', format: csv, target: one.csv}]}
                    """))
        .hasMessageContaining("is already the target of source \"a\"");
  }

  @Test
  void readsByteSizesWithBinaryUnits() {
    assertThat(ByteSize.parse("1g")).hasValue(1L << 30);
    assertThat(ByteSize.parse("10GiB")).hasValue(10L << 30);
    assertThat(ByteSize.parse("512 KB")).hasValue(512L << 10);
    assertThat(ByteSize.parse("1048576")).hasValue(1L << 20);
    assertThat(ByteSize.parse("0")).isEmpty();
    assertThat(ByteSize.parse("-1m")).isEmpty();
    assertThat(ByteSize.format(3L << 30)).isEqualTo("3.0 GiB");
  }
}
