package io.trawl.activities.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.sandbox.files.DemoFiles;
import io.trawl.workflows.etl.DownloadRef;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.ProbeResult;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation gate: every kind of bad file is refused with the check that caught it. */
class FileValidatorTest {
  private static final byte[] HTML =
      "<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>\n"
          .getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private final FileValidator validator = new FileValidator();

  @Test
  void passesEveryDemoFileForItsFormatWithTheChecksItRan() throws Exception {
    Map<String, EtlFormat> formats =
        Map.of(
            "cbs-population.csv.gz", EtlFormat.GZIP,
            "kvk-companies.zip", EtlFormat.ZIP,
            "rivm-stations.json", EtlFormat.JSON,
            "knmi-daily.ndjson", EtlFormat.NDJSON,
            "trawl-logo.png", EtlFormat.PNG,
            "annual-report.pdf", EtlFormat.PDF);
    for (var demo : DemoFiles.all().entrySet()) {
      EtlFormat format = formats.get(demo.getKey());
      assertThat(validate(format, null, demo.getValue(), demo.getValue().length))
          .as(demo.getKey())
          .contains("not-empty", "length", "not-html", "magic");
    }
    byte[] gzip = DemoFiles.all().get("cbs-population.csv.gz");
    assertThat(validate(EtlFormat.GZIP, sha256(gzip), gzip, gzip.length))
        .contains("checksum", "gzip-stream");
  }

  @Test
  void refusesWrongMagicBytes() {
    byte[] png = DemoFiles.all().get("trawl-logo.png");

    assertThatThrownBy(() -> validate(EtlFormat.GZIP, null, png, png.length))
        .isInstanceOfSatisfying(
            FileValidator.Failure.class, f -> assertThat(f.check()).isEqualTo("magic"))
        .hasMessageContaining("not gzip's magic 1f 8b");
  }

  @Test
  void refusesAChecksumMismatchNamingBothDigests() throws Exception {
    byte[] json = DemoFiles.all().get("rivm-stations.json");

    assertThatThrownBy(() -> validate(EtlFormat.JSON, "0".repeat(64), json, json.length))
        .isInstanceOfSatisfying(
            FileValidator.Failure.class, f -> assertThat(f.check()).isEqualTo("checksum"))
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining("expected 000000000000…")
        .hasMessageContaining("got " + sha256(json).substring(0, 12));
  }

  @Test
  void refusesAnHtmlErrorPageServedForABinaryFormat() {
    assertThatThrownBy(() -> validate(EtlFormat.ZIP, null, HTML, HTML.length))
        .isInstanceOfSatisfying(
            FileValidator.Failure.class, f -> assertThat(f.check()).isEqualTo("html-page"))
        .hasMessageContaining("is an HTML page (\"<!DOCTYPE html>\")");
  }

  @Test
  void refusesAnHtmlErrorPageServedForCsv() {
    assertThatThrownBy(() -> validate(EtlFormat.CSV, null, HTML, HTML.length))
        .isInstanceOfSatisfying(
            FileValidator.Failure.class, f -> assertThat(f.check()).isEqualTo("html-page"));
  }

  @Test
  void acceptsAnHtmlPageWhenTheFormatIsAny() throws Exception {
    assertThat(validate(EtlFormat.ANY, null, HTML, HTML.length)).contains("magic");
  }

  @Test
  void refusesAFileShorterThanTheServerAnnounced() {
    byte[] gzip = DemoFiles.all().get("cbs-population.csv.gz");
    byte[] half = Arrays.copyOf(gzip, gzip.length / 2);

    assertThatThrownBy(() -> validate(EtlFormat.GZIP, null, half, gzip.length))
        .isInstanceOfSatisfying(
            FileValidator.Failure.class, f -> assertThat(f.check()).isEqualTo("truncated"))
        .hasMessageContaining(
            "the server announced " + gzip.length + " bytes, " + half.length + " arrived");
  }

  @Test
  void refusesAnEmptyFile() {
    assertThatThrownBy(() -> validate(EtlFormat.CSV, null, new byte[0], 0))
        .isInstanceOfSatisfying(
            FileValidator.Failure.class, f -> assertThat(f.check()).isEqualTo("empty"));
  }

  @Test
  void refusesACorruptGzipStreamWhoseMagicIsFine() {
    byte[] gzip = DemoFiles.all().get("cbs-population.csv.gz").clone();
    for (int i = gzip.length / 2; i < gzip.length / 2 + 16; i++) {
      gzip[i] ^= (byte) 0xff;
    }

    assertThatThrownBy(() -> validate(EtlFormat.GZIP, null, gzip, gzip.length))
        .isInstanceOfSatisfying(
            FileValidator.Failure.class, f -> assertThat(f.check()).isEqualTo("gzip-stream"))
        .hasMessageContaining("is not an intact gzip stream");
  }

  @Test
  void refusesACorruptZipEntry() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("data.csv"));
      zip.write("a,b\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    byte[] archive = bytes.toByteArray();
    archive[60] ^= (byte) 0xff; // inside the entry's compressed data

    assertThatThrownBy(() -> validate(EtlFormat.ZIP, null, archive, archive.length))
        .isInstanceOfSatisfying(
            FileValidator.Failure.class, f -> assertThat(f.check()).isEqualTo("zip-archive"))
        .hasMessageContaining("is not an intact zip archive");
  }

  @Test
  void refusesAZipCutOffBeforeItsCentralDirectory() {
    byte[] zip = DemoFiles.all().get("kvk-companies.zip");
    byte[] cut = Arrays.copyOf(zip, zip.length - 40);

    assertThatThrownBy(() -> validate(EtlFormat.ZIP, null, cut, -1))
        .isInstanceOfSatisfying(
            FileValidator.Failure.class, f -> assertThat(f.check()).isEqualTo("zip-archive"));
  }

  @Test
  void refusesAGzipBombOfOneGigabyteOfZerosAfterReadingOnlyItsAllowance() throws Exception {
    // 16 gzip members of 64 MiB of zeros each: one gzip stream of 1 GiB, built in a fraction of
    // the time one 1 GiB member takes to compress.
    byte[] member = deflatedZeros(64L << 20, out -> new GZIPOutputStream(out, 1 << 16));
    ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
    for (int i = 0; i < 16; i++) {
      concatenated.write(member);
    }
    byte[] bomb = concatenated.toByteArray();
    assertThat(bomb.length).isLessThan(2 << 20);

    assertThatThrownBy(() -> validate(EtlFormat.GZIP, null, bomb, bomb.length))
        .isInstanceOfSatisfying(
            FileValidator.Failure.class, f -> assertThat(f.check()).isEqualTo("gzip-stream"))
        .hasMessageContaining("times its size: a decompression bomb");
  }

  @Test
  void refusesAZipBombOverAllItsEntries() throws Exception {
    byte[] bomb =
        deflatedZeros(
            256L << 20,
            out -> {
              ZipOutputStream zip = new ZipOutputStream(out);
              zip.putNextEntry(new ZipEntry("zeros.csv"));
              return zip;
            });

    assertThatThrownBy(() -> validate(EtlFormat.ZIP, null, bomb, bomb.length))
        .isInstanceOfSatisfying(
            FileValidator.Failure.class, f -> assertThat(f.check()).isEqualTo("zip-archive"))
        .hasMessageContaining("times its size: a decompression bomb");
  }

  @Test
  void acceptsARegularFileThatCompressesWellUnderTheRatioFloor() throws Exception {
    byte[] zeros = deflatedZeros(50L << 20, out -> new GZIPOutputStream(out, 1 << 16));

    assertThat(validate(EtlFormat.GZIP, null, zeros, zeros.length)).contains("gzip-stream");
  }

  /** {@code size} zero bytes through a compressing stream, kept in memory compressed only. */
  private static byte[] deflatedZeros(long size, Compressor compressor) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    try (OutputStream out = compressor.open(bytes)) {
      for (long written = 0; written < size; written += zeros.length) {
        out.write(zeros);
      }
    }
    return bytes.toByteArray();
  }

  private interface Compressor {
    OutputStream open(OutputStream out) throws Exception;
  }

  @Test
  void refusesParquetWithoutItsFooterMagic() {
    byte[] bytes = "PAR1 some row groups but no footer".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> validate(EtlFormat.PARQUET, null, bytes, bytes.length))
        .isInstanceOfSatisfying(
            FileValidator.Failure.class, f -> assertThat(f.check()).isEqualTo("magic"))
        .hasMessageContaining("footer");
  }

  private java.util.List<String> validate(
      EtlFormat format, String expectedSha, byte[] content, long announced) throws Exception {
    Path file = dir.resolve("staged-" + System.nanoTime());
    Files.write(file, content);
    EtlSource source =
        new EtlSource("demo", "https://example.org/x", format, expectedSha, 1 << 30, "x", Map.of());
    ProbeResult probe = new ProbeResult(200, "\"e\"", null, announced, null, false, 0);
    DownloadRef download =
        new DownloadRef(
            false,
            file.toString(),
            content.length,
            sha256(content),
            "\"e\"",
            null,
            null,
            content.length,
            0,
            0);
    return validator.validate(source, probe, download, file, () -> {});
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
