package io.trawl.workflows.etl;

/**
 * A claim-check for a finished download: the complete, fsynced file waiting beside its target for
 * validation. No file content passes through Temporal.
 *
 * @param notModified true when the server answered 304 to If-None-Match; nothing else is set then
 * @param stagedPath absolute path of the downloaded file, not yet at its target
 * @param bytes its size
 * @param sha256 hex SHA-256, computed while streaming
 * @param etag the ETag the body was served with, or null
 * @param lastModified the Last-Modified it was served with, or null
 * @param contentType the Content-Type it was served with, or null
 * @param declaredLength the entity length the download response announced, or -1
 * @param resumedFrom the byte offset the finishing attempt resumed at (0 = from the start)
 * @param restarts times an attempt had to start over (Range ignored, ETag changed)
 */
public record DownloadRef(
    boolean notModified,
    String stagedPath,
    long bytes,
    String sha256,
    String etag,
    String lastModified,
    String contentType,
    long declaredLength,
    long resumedFrom,
    int restarts) {

  public static DownloadRef notModified(String etag) {
    return new DownloadRef(true, null, 0, null, etag, null, null, -1, 0, 0);
  }
}
