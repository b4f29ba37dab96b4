package io.trawl.workflows.etl;

/**
 * The heartbeat details of a download: how far the partial file is written and which remote entity
 * it belongs to, so the next attempt, on any worker, resumes with {@code Range} and {@code
 * If-Range} instead of starting over.
 *
 * @param partPath absolute path of the partial file
 * @param offset bytes written to it
 * @param etag the entity's ETag, or null
 * @param lastModified the entity's Last-Modified, or null (used for If-Range without an ETag)
 * @param totalLength the entity's full length, or -1
 */
public record DownloadCheckpoint(
    String partPath, long offset, String etag, String lastModified, long totalLength) {

  /** An entity can be resumed only when the server can confirm it is still the same one. */
  public boolean resumable() {
    return offset > 0 && (etag != null || lastModified != null);
  }
}
