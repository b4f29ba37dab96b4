package io.trawl.starter.etl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.workflows.etl.ManifestRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code downloads.manifest.json} the way the original's ManifestManager kept it: metadata
 * for the extractor process and one record per source id, so tools built for the original keep
 * reading it.
 */
final class ManifestExport {
  static final String ETL_VERSION = "1.0.0";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestExport() {}

  /** Writes atomically: a reader never sees half a manifest. */
  static void write(Path file, List<ManifestRecord> records, Path rootDir) throws IOException {
    ObjectNode manifest = JSON.createObjectNode();
    ObjectNode metadata = manifest.putObject("metadata");
    metadata.put("process", "extractor");
    metadata.put("etl_version", ETL_VERSION);
    metadata.put("root_dir", rootDir.toString());
    metadata.put("generated_at", Instant.now().toString());
    ObjectNode byId = manifest.putObject("records");
    for (ManifestRecord record : records) {
      ObjectNode entry = byId.putObject(record.sourceId());
      entry.put("source_id", record.sourceId());
      entry.put("url", record.url());
      entry.put("etag", record.etag());
      entry.put("last_modified", record.lastModified());
      entry.put("size", record.size());
      entry.put("sha256", record.sha256());
      entry.put("file_path", record.path());
      entry.put("downloaded_at", record.downloadedAt().toString());
      entry.put("validated_at", record.validatedAt().toString());
    }
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    JSON.writeValue(temp.toFile(), manifest);
    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
