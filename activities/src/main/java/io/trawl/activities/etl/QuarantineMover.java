package io.trawl.activities.etl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.workflows.etl.DownloadRef;
import io.trawl.workflows.etl.EtlSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Moves a refused download to {@code quarantine/<source>/<timestamp>/<file>} and writes {@code
 * reason.json} beside it. Repeating it finds the file already moved and rewrites the same reason.
 */
final class QuarantineMover {
  static final String REASON_FILE = "reason.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final DataDirectory data;

  QuarantineMover(DataDirectory data) {
    this.data = data;
  }

  /** Where a source's refused file lands for a failure at {@code at}. */
  Path destination(EtlSource source, Path target, Instant at) {
    return data.quarantineDirectory(source.id(), at).resolve(target.getFileName());
  }

  /**
   * @param facts extra fields for reason.json (check, reason, workflow, …)
   * @return the quarantined file
   */
  Path move(Path staged, Path destination, EtlSource source, DownloadRef download, ObjectNode facts)
      throws IOException {
    Files.createDirectories(destination.getParent());
    if (Files.exists(staged)) {
      FileMoves.atomicMove(staged, destination);
    } else if (!Files.exists(destination)) {
      throw new IOException(
          "neither the staged file "
              + staged
              + " nor its quarantined copy "
              + destination
              + " exists");
    }
    ObjectNode reason = JSON.createObjectNode();
    reason.put("source_id", source.id());
    reason.put("url", source.url());
    reason.put("format", source.format().configName());
    reason.put("file", destination.getFileName().toString());
    reason.put("size", download.bytes());
    reason.put("sha256", download.sha256());
    reason.put("expected_sha256", source.sha256());
    reason.put("etag", download.etag());
    reason.put("last_modified", download.lastModified());
    reason.put("content_type", download.contentType());
    reason.setAll(facts);
    Path json = destination.resolveSibling(REASON_FILE);
    Path temp = destination.resolveSibling(REASON_FILE + ".tmp");
    JSON.writeValue(temp.toFile(), reason);
    FileMoves.atomicMove(temp, json);
    return destination;
  }
}
