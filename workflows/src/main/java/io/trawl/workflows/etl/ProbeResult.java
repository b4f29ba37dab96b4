package io.trawl.workflows.etl;

/**
 * What the remote server says about a source without sending it.
 *
 * @param status the final HTTP status (after redirects)
 * @param etag the ETag header as sent (quotes included), or null
 * @param lastModified the Last-Modified header as sent, or null
 * @param contentLength the entity length in bytes, or -1 when unknown
 * @param contentType the Content-Type header, or null
 * @param headRefused true when HEAD was refused and a one-byte ranged GET answered instead
 * @param redirects redirects followed
 */
public record ProbeResult(
    int status,
    String etag,
    String lastModified,
    long contentLength,
    String contentType,
    boolean headRefused,
    int redirects) {

  public boolean lengthKnown() {
    return contentLength >= 0;
  }
}
