package io.trawl.workflows.etl;

/**
 * Decides whether a source needs downloading: the original's {@code _is_download_needed}, made pure
 * so every branch is a unit test and the workflow can run it without an activity.
 *
 * <p>The rules, first match wins: {@code force_refresh}; no manifest record; the configured URL
 * changed; both sides have an ETag and they differ; otherwise (an ETag missing on either side)
 * Last-Modified or Content-Length differ; the configured sha256 no longer matches the manifest; the
 * local file is missing, moved, or its size or SHA-256 differs from the manifest. Anything else is
 * fresh.
 */
public final class FreshnessGate {
  private FreshnessGate() {}

  public static GateDecision decide(
      EtlSource source, boolean forceRefresh, ProbeResult probe, LocalState local) {
    if (forceRefresh) {
      return GateDecision.download("force_refresh is set", null);
    }
    ManifestRecord manifest = local.manifest();
    if (manifest == null) {
      return GateDecision.download("no manifest record yet", null);
    }
    if (!manifest.url().equals(source.url())) {
      return GateDecision.download(
          "url changed from " + manifest.url() + " to " + source.url(), null);
    }
    // When the remote side looks changed but our copy is intact, a conditional GET lets the
    // server answer 304 instead of resending the same bytes.
    String ifNoneMatch = local.intact() ? manifest.etag() : null;
    if (probe.etag() != null && manifest.etag() != null) {
      if (!probe.etag().equals(manifest.etag())) {
        return GateDecision.download(
            "ETag changed (remote " + probe.etag() + ", manifest " + manifest.etag() + ")",
            ifNoneMatch);
      }
    } else {
      GateDecision byMetadata = compareWithoutEtag(probe, manifest, ifNoneMatch);
      if (byMetadata != null) {
        return byMetadata;
      }
    }
    if (source.sha256() != null && !source.sha256().equals(manifest.sha256())) {
      return GateDecision.download(
          "configured sha256 "
              + abbreviate(source.sha256())
              + " differs from the manifest's "
              + abbreviate(manifest.sha256()),
          null);
    }
    return checkLocalFile(local, manifest, probe);
  }

  private static GateDecision compareWithoutEtag(
      ProbeResult probe, ManifestRecord manifest, String ifNoneMatch) {
    if (probe.lastModified() == null && !probe.lengthKnown()) {
      return GateDecision.download(
          "the server sends no ETag, Last-Modified or Content-Length, so a change cannot be ruled"
              + " out",
          ifNoneMatch);
    }
    if (probe.lastModified() != null && !probe.lastModified().equals(manifest.lastModified())) {
      return GateDecision.download(
          "no ETag to compare and Last-Modified changed (remote "
              + probe.lastModified()
              + ", manifest "
              + manifest.lastModified()
              + ")",
          ifNoneMatch);
    }
    if (probe.lengthKnown() && probe.contentLength() != manifest.size()) {
      return GateDecision.download(
          "no ETag to compare and Content-Length changed (remote "
              + probe.contentLength()
              + " bytes, manifest "
              + manifest.size()
              + ")",
          ifNoneMatch);
    }
    return null;
  }

  private static GateDecision checkLocalFile(
      LocalState local, ManifestRecord manifest, ProbeResult probe) {
    if (!local.path().equals(manifest.path())) {
      return GateDecision.download(
          "target moved from " + manifest.path() + " to " + local.path(), null);
    }
    if (!local.fileExists()) {
      return GateDecision.download("local file is missing at " + local.path(), null);
    }
    if (local.fileSize() != manifest.size()) {
      return GateDecision.download(
          "local file has " + local.fileSize() + " bytes, the manifest says " + manifest.size(),
          null);
    }
    if (!manifest.sha256().equals(local.fileSha256())) {
      return GateDecision.download(
          "local file's sha256 "
              + abbreviate(local.fileSha256())
              + " differs from the manifest's "
              + abbreviate(manifest.sha256()),
          null);
    }
    String remote =
        probe.etag() != null && manifest.etag() != null
            ? "ETag " + probe.etag() + " unchanged"
            : "Last-Modified and Content-Length unchanged";
    return GateDecision.skip(
        remote + ", local file matches the manifest (" + manifest.size() + " bytes)");
  }

  private static String abbreviate(String sha256) {
    return sha256 == null ? "(none)" : sha256.substring(0, Math.min(12, sha256.length())) + "…";
  }
}
