package io.trawl.sandbox.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files the demo configuration downloads: one per kind of check the pipeline makes (gzip
 * stream, zip archive, JSON with a pinned checksum, NDJSON, PNG, PDF). Built from fixed seeds and
 * timestamps, so every server start serves the same bytes and ETags.
 */
public final class DemoFiles {
  private static final long ZIP_ENTRY_TIME = FakeFileServer.EPOCH.toEpochMilli();

  private DemoFiles() {}

  /** Serves every demo file on {@code server}. */
  public static FakeFileServer install(FakeFileServer server) {
    all().forEach(server::put);
    return server;
  }

  /** Demo file name → bytes, in a stable order. */
  public static Map<String, byte[]> all() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("cbs-population.csv.gz", gzip(populationCsv()));
    files.put("kvk-companies.zip", companiesZip());
    files.put("rivm-stations.json", stationsJson());
    files.put("knmi-daily.ndjson", weatherNdjson());
    files.put("trawl-logo.png", png(32, 32));
    files.put("annual-report.pdf", pdf());
    return files;
  }

  static byte[] populationCsv() {
    StringBuilder csv = new StringBuilder("municipality_code,municipality,year,population\n");
    Random random = new Random(2026);
    for (int code = 1; code <= 342; code++) {
      for (int year = 2015; year <= 2025; year++) {
        csv.append(
            String.format(
                Locale.ROOT,
                "GM%04d,Gemeente %d,%d,%d%n",
                code,
                code,
                year,
                5_000 + random.nextInt(900_000)));
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] companiesZip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      StringBuilder csv = new StringBuilder("kvk_number,name,city,employees\n");
      Random random = new Random(42);
      String[] cities = {"Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen"};
      for (int i = 0; i < 2_000; i++) {
        csv.append(
            String.format(
                Locale.ROOT,
                "%08d,Company %d B.V.,%s,%d%n",
                10_000_000 + i,
                i,
                cities[random.nextInt(cities.length)],
                1 + random.nextInt(500)));
      }
      entry(zip, "companies.csv", csv.toString());
      entry(zip, "README.txt", "Synthetic company register extract for the trawl demo.\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(ZIP_ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** Plain JSON: its SHA-256 is pinned in the demo trawl.yaml, so it must never change. */
  static byte[] stationsJson() {
    StringBuilder json = new StringBuilder("[\n");
    for (int i = 1; i <= 40; i++) {
      json.append(
          String.format(
              Locale.ROOT,
              "  {\"station\": \"NL%03d\", \"name\": \"Station %d\", \"lat\": %d.%02d, \"lon\":"
                  + " %d.%02d}%s%n",
              i,
              i,
              51 + i % 3,
              i,
              4 + i % 4,
              99 - i,
              i < 40 ? "," : ""));
    }
    return json.append("]\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] weatherNdjson() {
    StringBuilder ndjson = new StringBuilder();
    Random random = new Random(7);
    for (int day = 1; day <= 365; day++) {
      ndjson.append(
          String.format(
              Locale.ROOT,
              "{\"day\": %d, \"station\": \"260\", \"tg\": %d, \"rh\": %d}%n",
              day,
              random.nextInt(300) - 50,
              random.nextInt(400)));
    }
    return ndjson.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A small RGB PNG written by hand (signature, IHDR, IDAT, IEND) so no AWT is needed. */
  static byte[] png(int width, int height) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (int y = 0; y < height; y++) {
      raw.write(0); // filter type "none" for the scanline
      for (int x = 0; x < width; x++) {
        raw.write(x * 255 / width);
        raw.write(y * 255 / height);
        raw.write(128);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    writeInt(header, width);
    writeInt(header, height);
    header.writeBytes(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, deflate, no filter, no interlace
    chunk(png, "IHDR", header.toByteArray());
    chunk(png, "IDAT", deflate(raw.toByteArray()));
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static byte[] pdf() {
    String text =
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    writeInt(png, data.length);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    png.writeBytes(typeBytes);
    png.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    writeInt(png, (int) crc.getValue());
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }

  private static byte[] deflate(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflater =
        new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
      deflater.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Gzip with a zero mtime in the header, so the bytes do not depend on when they were made. */
  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
