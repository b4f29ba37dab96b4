package io.trawl.workflows.etl;

/**
 * What the worker has locally for a source: its manifest record and the file at the target.
 *
 * @param manifest the last good download, or null
 * @param path absolute path the configured target resolves to
 * @param fileExists whether a regular file is there
 * @param fileSize its size, or -1
 * @param fileSha256 its SHA-256, or null when it was not hashed (missing, or its size already
 *     differs from the manifest, or the run forces a refresh)
 */
public record LocalState(
    ManifestRecord manifest, String path, boolean fileExists, long fileSize, String fileSha256) {

  /** True when the file on disk is exactly the manifest's: a 304 can then keep it. */
  public boolean intact() {
    return manifest != null
        && fileExists
        && path.equals(manifest.path())
        && fileSize == manifest.size()
        && manifest.sha256().equals(fileSha256);
  }
}
