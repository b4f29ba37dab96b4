package io.trawl.activities.etl;

import io.trawl.workflows.etl.DownloadCheckpoint;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;

/**
 * The remote entity a partial file holds the first {@code offset} bytes of, identified by its ETag
 * or Last-Modified so a resumed request can ask for "the rest, if it is still the same".
 *
 * @param offset bytes already in the partial file
 * @param etag the entity's ETag, or null
 * @param lastModified the entity's Last-Modified, or null
 */
record Entity(long offset, String etag, String lastModified) {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

  static Entity fresh() {
    return new Entity(0, null, null);
  }

  /**
   * Where a resume starts. The record beside the partial file comes first: written on this machine,
   * it counts every byte the file holds (see {@link PartRecord#usableLength}). Without one, the
   * previous attempt's heartbeated checkpoint, when it is for this partial file and the file still
   * holds that many bytes; bytes past it may be half-written and are dropped. Either way the entity
   * must carry an ETag or Last-Modified, so the server can be asked with If-Range whether it is
   * still the same one.
   */
  static Entity resumeFrom(
      Optional<PartRecord> onDisk, DownloadCheckpoint checkpoint, Path part, long partSize) {
    if (onDisk.isPresent()) {
      PartRecord record = onDisk.get();
      long usable = record.usableLength(partSize, PartRecord.currentBootId());
      return usable > 0 && record.validated()
          ? new Entity(usable, record.etag(), record.lastModified())
          : fresh();
    }
    if (checkpoint == null
        || !checkpoint.resumable()
        || !checkpoint.partPath().equals(part.toString())
        || partSize < checkpoint.offset()) {
      return fresh();
    }
    return new Entity(checkpoint.offset(), checkpoint.etag(), checkpoint.lastModified());
  }

  /** True when a 206 answers exactly our Range for the same entity. */
  boolean continuedBy(Response response) {
    Matcher range = CONTENT_RANGE.matcher(response.header("Content-Range", ""));
    if (!range.matches() || Long.parseLong(range.group(1)) != offset) {
      return false;
    }
    String served = response.header("ETag");
    return etag == null || served == null || etag.equals(served);
  }

  /** The entity's full length from Content-Range (206) or Content-Length (200), else -1. */
  static long totalLength(Response response, long offset) {
    if (response.code() == 206) {
      Matcher range = CONTENT_RANGE.matcher(response.header("Content-Range", ""));
      if (range.matches() && !range.group(3).equals("*")) {
        return Long.parseLong(range.group(3));
      }
      return -1;
    }
    long length = response.body().contentLength();
    return length < 0 ? -1 : offset + length;
  }
}
