package io.trawl.workflows.etl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every branch of the freshness gate, on plain values. */
class FreshnessGateTest {
  private static final String URL = "https://data.example.org/population.csv.gz";
  private static final String PATH = "/data/cbs/population.csv.gz";
  private static final String SHA = "a".repeat(64);
  private static final String LAST_MODIFIED = "Thu, 1 Jan 2026 00:00:00 GMT";
  private static final EtlSource SOURCE = source(null);
  private static final ManifestRecord RECORD =
      new ManifestRecord(
          "cbs-population",
          URL,
          "\"v1\"",
          LAST_MODIFIED,
          1000,
          SHA,
          PATH,
          Instant.EPOCH,
          Instant.EPOCH);
  private static final LocalState INTACT = new LocalState(RECORD, PATH, true, 1000, SHA);
  private static final ProbeResult SAME = probe("\"v1\"", LAST_MODIFIED, 1000);

  @Test
  void skipsWhenEtagIsUnchangedAndTheLocalFileMatches() {
    GateDecision decision = FreshnessGate.decide(SOURCE, false, SAME, INTACT);

    assertThat(decision.download()).isFalse();
    assertThat(decision.reason()).contains("ETag \"v1\" unchanged").contains("1000 bytes");
  }

  @Test
  void downloadsWhenForceRefreshIsSetEvenIfFresh() {
    GateDecision decision = FreshnessGate.decide(SOURCE, true, SAME, INTACT);

    assertThat(decision.download()).isTrue();
    assertThat(decision.reason()).isEqualTo("force_refresh is set");
    assertThat(decision.ifNoneMatch()).isNull();
  }

  @Test
  void downloadsWhenThereIsNoManifestRecord() {
    LocalState nothing = new LocalState(null, PATH, false, -1, null);

    GateDecision decision = FreshnessGate.decide(SOURCE, false, SAME, nothing);

    assertThat(decision.download()).isTrue();
    assertThat(decision.reason()).isEqualTo("no manifest record yet");
  }

  @Test
  void downloadsConditionallyWhenTheEtagDiffersAndTheLocalCopyIsIntact() {
    GateDecision decision =
        FreshnessGate.decide(SOURCE, false, probe("\"v2\"", LAST_MODIFIED, 1000), INTACT);

    assertThat(decision.download()).isTrue();
    assertThat(decision.reason()).contains("ETag changed").contains("\"v2\"").contains("\"v1\"");
    assertThat(decision.ifNoneMatch()).isEqualTo("\"v1\"");
  }

  @Test
  void comparesLastModifiedWhenTheServerSendsNoEtag() {
    GateDecision decision =
        FreshnessGate.decide(
            SOURCE, false, probe(null, "Fri, 2 Jan 2026 00:00:00 GMT", 1000), INTACT);

    assertThat(decision.download()).isTrue();
    assertThat(decision.reason()).contains("Last-Modified changed");
  }

  @Test
  void comparesContentLengthWhenTheManifestHasNoEtag() {
    ManifestRecord noEtag = withEtag(null);
    LocalState local = new LocalState(noEtag, PATH, true, 1000, SHA);

    GateDecision decision =
        FreshnessGate.decide(SOURCE, false, probe("\"v1\"", LAST_MODIFIED, 1200), local);

    assertThat(decision.download()).isTrue();
    assertThat(decision.reason()).contains("Content-Length changed").contains("1200");
    assertThat(decision.ifNoneMatch()).isNull();
  }

  @Test
  void skipsWithoutEtagWhenLastModifiedAndLengthAreUnchanged() {
    GateDecision decision =
        FreshnessGate.decide(SOURCE, false, probe(null, LAST_MODIFIED, 1000), INTACT);

    assertThat(decision.download()).isFalse();
    assertThat(decision.reason()).contains("Last-Modified and Content-Length unchanged");
  }

  @Test
  void downloadsWhenTheServerGivesNoValidatorsAtAll() {
    GateDecision decision = FreshnessGate.decide(SOURCE, false, probe(null, null, -1), INTACT);

    assertThat(decision.download()).isTrue();
    assertThat(decision.reason()).contains("cannot be ruled out");
  }

  @Test
  void downloadsWhenTheLocalFileIsMissing() {
    LocalState missing = new LocalState(RECORD, PATH, false, -1, null);

    GateDecision decision = FreshnessGate.decide(SOURCE, false, SAME, missing);

    assertThat(decision.download()).isTrue();
    assertThat(decision.reason()).isEqualTo("local file is missing at " + PATH);
  }

  @Test
  void downloadsWhenTheLocalFileSizeDiffersFromTheManifest() {
    LocalState shorter = new LocalState(RECORD, PATH, true, 999, null);

    GateDecision decision = FreshnessGate.decide(SOURCE, false, SAME, shorter);

    assertThat(decision.download()).isTrue();
    assertThat(decision.reason()).contains("999 bytes").contains("1000");
  }

  @Test
  void downloadsWhenTheLocalFileDigestDiffersFromTheManifest() {
    LocalState edited = new LocalState(RECORD, PATH, true, 1000, "b".repeat(64));

    GateDecision decision = FreshnessGate.decide(SOURCE, false, SAME, edited);

    assertThat(decision.download()).isTrue();
    assertThat(decision.reason()).contains("sha256").contains("bbbbbbbbbbbb");
    assertThat(decision.ifNoneMatch()).isNull();
  }

  @Test
  void downloadsWhenTheConfiguredUrlChanged() {
    EtlSource moved =
        new EtlSource(
            "cbs-population",
            URL + "?v=2",
            EtlFormat.GZIP,
            null,
            1 << 20,
            "cbs/population.csv.gz",
            Map.of());

    GateDecision decision = FreshnessGate.decide(moved, false, SAME, INTACT);

    assertThat(decision.download()).isTrue();
    assertThat(decision.reason()).startsWith("url changed");
  }

  @Test
  void downloadsWhenTheTargetMoved() {
    LocalState elsewhere = new LocalState(RECORD, "/data/other.csv.gz", false, -1, null);

    GateDecision decision = FreshnessGate.decide(SOURCE, false, SAME, elsewhere);

    assertThat(decision.download()).isTrue();
    assertThat(decision.reason()).startsWith("target moved");
  }

  @Test
  void downloadsWhenTheConfiguredChecksumNoLongerMatchesTheManifest() {
    GateDecision decision = FreshnessGate.decide(source("c".repeat(64)), false, SAME, INTACT);

    assertThat(decision.download()).isTrue();
    assertThat(decision.reason()).startsWith("configured sha256");
  }

  private static EtlSource source(String sha256) {
    return new EtlSource(
        "cbs-population", URL, EtlFormat.GZIP, sha256, 1 << 20, "cbs/population.csv.gz", Map.of());
  }

  private static ProbeResult probe(String etag, String lastModified, long length) {
    return new ProbeResult(200, etag, lastModified, length, "application/gzip", false, 0);
  }

  private static ManifestRecord withEtag(String etag) {
    return new ManifestRecord(
        RECORD.sourceId(), URL, etag, LAST_MODIFIED, 1000, SHA, PATH, Instant.EPOCH, Instant.EPOCH);
  }
}
