package io.trawl.worker.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trawl.activities.etl.store.EtlManifestRepository;
import io.trawl.activities.etl.store.EtlQuarantineRepository;
import io.trawl.activities.etl.store.EtlQuarantineRow;
import io.trawl.sandbox.files.DemoFiles;
import io.trawl.sandbox.files.FakeFileServer;
import io.trawl.sandbox.files.FileContent;
import io.trawl.sandbox.files.FileFaults;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceResult;
import io.trawl.workflows.etl.ManifestRecord;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation failure ends the same way: the new file in quarantine with its reason, the
 * previous good file and its manifest record untouched.
 */
class EtlQuarantineTest {
  private static final String GZ = "cbs-population.csv.gz";
  private static final String ZIP = "kvk-companies.zip";
  private static final byte[] GOOD_GZ = DemoFiles.all().get(GZ);
  private static final byte[] GOOD_ZIP = DemoFiles.all().get(ZIP);
  private static final byte[] OTHER_GZ =
      DemoFiles.gzip(
          "municipality,population\nGM0001,1\n".repeat(200).getBytes(StandardCharsets.UTF_8));

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path data;

  private EtlTestStack stack;

  @AfterEach
  void stop() {
    stack.close();
  }

  /** One way a download goes bad after a good one. */
  record BadDownload(
      String label,
      String file,
      byte[] good,
      String sha256,
      Consumer<FakeFileServer> breakIt,
      String check) {
    @Override
    public String toString() {
      return label;
    }
  }

  static List<BadDownload> badDownloads() {
    return List.of(
        new BadDownload(
            "wrong magic bytes",
            GZ,
            GOOD_GZ,
            null,
            files -> files.put(GZ, DemoFiles.all().get("trawl-logo.png")),
            "magic"),
        new BadDownload(
            "checksum mismatch",
            GZ,
            GOOD_GZ,
            FileContent.of(GOOD_GZ).sha256(),
            files -> files.put(GZ, OTHER_GZ),
            "checksum"),
        new BadDownload(
            "HTML error page served with 200",
            GZ,
            GOOD_GZ,
            null,
            files -> files.faults(GZ, FileFaults.builder().htmlErrorPage(true).build()),
            "html-page"),
        new BadDownload(
            "truncated file",
            GZ,
            GOOD_GZ,
            null,
            files -> {
              files.put(GZ, OTHER_GZ);
              files.faults(GZ, FileFaults.builder().truncateTo(OTHER_GZ.length / 2).build());
            },
            "truncated"),
        new BadDownload(
            "empty file",
            GZ,
            GOOD_GZ,
            null,
            files -> files.faults(GZ, FileFaults.builder().empty(true).build()),
            "empty"),
        new BadDownload(
            "corrupt gzip stream",
            GZ,
            GOOD_GZ,
            null,
            files -> files.faults(GZ, FileFaults.builder().corrupt(true).build()),
            "gzip-stream"),
        new BadDownload(
            "corrupt zip archive",
            ZIP,
            GOOD_ZIP,
            null,
            files -> files.faults(ZIP, FileFaults.builder().corrupt(true).build()),
            "zip-archive"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDownloads")
  void quarantinesABadDownloadAndKeepsThePreviousGoodFileAndRecord(BadDownload bad)
      throws Exception {
    stack = new EtlTestStack(db.getTestDatabase(), data, true);
    stack.files.put(bad.file(), bad.good());
    stack.startWorker();
    EtlSource source =
        new EtlSource(
            "demo",
            "sandbox://files/" + bad.file(),
            bad.file().endsWith(".zip") ? EtlFormat.ZIP : EtlFormat.GZIP,
            bad.sha256(),
            1 << 30,
            "demo/" + bad.file(),
            Map.of());
    assertThat(stack.run(source, false, false).outcome()).isEqualTo(EtlOutcome.DOWNLOADED);
    EtlManifestRepository manifest = new EtlManifestRepository(db.getTestDatabase());
    ManifestRecord before = manifest.find("demo").orElseThrow();
    bad.breakIt().accept(stack.files);

    EtlSourceResult result = stack.run(source, false, false);

    assertThat(result.outcome()).isEqualTo(EtlOutcome.QUARANTINED);
    assertThat(result.error()).startsWith(bad.check() + ": ");
    Path target = data.resolve("demo").resolve(bad.file());
    assertThat(Files.readAllBytes(target)).isEqualTo(bad.good());
    assertThat(manifest.find("demo")).hasValue(before);
    Path quarantined = Path.of(result.path());
    assertThat(quarantined).startsWith(data.resolve("quarantine").resolve("demo"));
    assertThat(quarantined.resolve(bad.file())).isRegularFile();
    JsonNode reason = new ObjectMapper().readTree(quarantined.resolve("reason.json").toFile());
    assertThat(reason.get("check").asText()).isEqualTo(bad.check());
    assertThat(reason.get("source_id").asText()).isEqualTo("demo");
    assertThat(reason.get("reason").asText()).isNotBlank();
    List<EtlQuarantineRow> rows =
        new EtlQuarantineRepository(db.getTestDatabase()).recent("demo", 10);
    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.check()).isEqualTo(bad.check());
              assertThat(row.directory()).isEqualTo(quarantined.toString());
            });
    try (var siblings = Files.list(target.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .as("no partial or staged file left beside the target")
          .containsExactly(bad.file());
    }
    assertThat(Arrays.equals(Files.readAllBytes(quarantined.resolve(bad.file())), bad.good()))
        .isFalse();
  }
}
