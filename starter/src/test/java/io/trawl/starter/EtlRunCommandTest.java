package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's ETL commands on the one-shot embedded default with the built-in demo sources: a
 * fresh home downloads them all, the next run finds them fresh, a broken copy ends quarantined.
 */
class EtlRunCommandTest {
  private static final int DEMO_SOURCES = 6;

  @TempDir Path home;

  private Map<String, String> env() {
    return Map.of("TRAWL_HOME", home.toString());
  }

  @Test
  void downloadsTheDemoSourcesThenReportsThemFreshThenForcesARefresh() throws Exception {
    CliRun first = CliRun.run(env(), "etl", "run");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("ETL: sandbox file server on http://127.0.0.1:");
    assertThat(first.out()).contains(DEMO_SOURCES + " sources: " + DEMO_SOURCES + " downloaded");
    assertThat(first.out().lines().filter(line -> line.contains(" downloaded ")))
        .hasSize(DEMO_SOURCES)
        .allMatch(line -> line.contains("no manifest record yet"));
    assertThat(home.resolve("data/cbs/population.csv.gz")).isRegularFile();

    CliRun second = CliRun.run(env(), "etl", "run");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains(DEMO_SOURCES + " sources: " + DEMO_SOURCES + " fresh");

    CliRun forced =
        CliRun.run(env(), "etl", "run", "--force-refresh", "--source", "cbs-population", "--json");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(forced.out());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("result").asText()).isEqualTo("downloaded");
    assertThat(rows.get(0).get("reason").asText()).isEqualTo("force_refresh is set");

    Path export = home.resolve("downloads.manifest.json");
    CliRun manifest = CliRun.run(env(), "etl", "manifest", "--export", export.toString());
    assertThat(manifest.exitCode()).as(manifest.err()).isZero();
    JsonNode file = new ObjectMapper().readTree(export.toFile());
    assertThat(file.at("/metadata/process").asText()).isEqualTo("extractor");
    assertThat(file.get("records")).hasSize(DEMO_SOURCES);
    assertThat(file.at("/records/cbs-population/file_path").asText())
        .isEqualTo(home.resolve("data/cbs/population.csv.gz").toString());
  }

  @Test
  void quarantinesACorruptedSourceKeepsTheGoodFileAndExitsNonZero() throws Exception {
    assertThat(CliRun.run(env(), "etl", "run", "--source", "cbs-population").exitCode()).isZero();
    byte[] good = Files.readAllBytes(home.resolve("data/cbs/population.csv.gz"));
    Path broken = home.resolve("broken.yaml");
    Files.writeString(
        broken,
        """
        etl:
          sources:
            - id: cbs-population
              url: sandbox://files/cbs-population.csv.gz?fault=corrupt
              format: gzip
              target: cbs/population.csv.gz
        """);

    CliRun run = CliRun.run(env(), "etl", "run", "--config", broken.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("quarantined").contains("gzip-stream").contains("1 quarantined");
    assertThat(home.resolve("data/cbs/population.csv.gz")).hasBinaryContent(good);
    CliRun listed = CliRun.run(env(), "etl", "quarantine");
    assertThat(listed.exitCode()).isZero();
    assertThat(listed.out())
        .contains("cbs-population")
        .contains("gzip-stream")
        .contains("reason.json");
  }

  @Test
  void dryRunReportsWouldDownloadAndWritesNothing() {
    CliRun run = CliRun.run(env(), "etl", "run", "--dry-run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(DEMO_SOURCES + " sources: " + DEMO_SOURCES + " would-download");
    assertThat(home.resolve("data/cbs")).doesNotExist();
  }

  @Test
  void refusesAnUnknownSourceInOneLine() {
    CliRun run = CliRun.run(env(), "etl", "run", "--source", "nope");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("trawl: --source nope is not in built-in demo configuration (known: ");
  }

  @Test
  void refusesAnFtpUrlInTheConfigNamingKeyAndSource() throws Exception {
    Path config = home.resolve("trawl.yaml");
    Files.writeString(
        config,
        "etl:\n"
            + "  sources:\n"
            + "    - {id: old, url: 'ftp://ftp.example.org/a.csv', format: csv, target: a.csv}\n");

    CliRun run = CliRun.run(env(), "etl", "run", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "trawl: "
                + config
                + ": etl.sources[0].url (source \"old\") must be http or https, got"
                + " \"ftp://ftp.example.org/a.csv\"");
  }
}
