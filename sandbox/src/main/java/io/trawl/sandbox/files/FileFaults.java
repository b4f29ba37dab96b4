package io.trawl.sandbox.files;

import java.util.Locale;
import java.util.Map;

/**
 * Faults one served file shows. Armed per file with {@link FakeFileServer#faults}, or per request
 * with a {@code fault=} query parameter (comma-separated names, see {@link #fromQuery}) so a
 * trawl.yaml source can point at a broken copy: {@code sandbox://files/x.csv.gz?fault=corrupt}.
 *
 * @param htmlErrorPage HEAD and GET answer 200 with an HTML error page (no ETag), as a CDN does
 * @param truncateTo when {@code >= 0}, GET serves only that many bytes as a complete 200 while HEAD
 *     still announces the full length (a half-copied file on the server)
 * @param corrupt a run of bytes in the middle is inverted; the ETag changes with it
 * @param empty the file is served with 0 bytes
 * @param dropAfterBytes when {@code >= 0}, GET bodies declare the full length and the connection is
 *     closed after that many body bytes
 * @param dropTimes how many GETs are dropped that way before the file is served whole again
 * @param stallAfterBytes when {@code >= 0}, the next GET body hangs after that many bytes until
 *     {@link FakeFileServer#releaseStalls} or close, then the connection is closed (once)
 * @param ignoreRange Range and If-Range are ignored: every GET is a full 200
 * @param bytesPerSecond when {@code > 0}, bodies are throttled to this rate
 * @param refuseHead HEAD answers 405, as some object stores and CGI scripts do
 * @param omitEtagOnHead HEAD answers without an ETag while GET still has one
 * @param serverErrors requests answered 503 before the file is served
 * @param chunked GET bodies are sent chunked, without Content-Length, as dynamic pages are
 */
public record FileFaults(
    boolean htmlErrorPage,
    long truncateTo,
    boolean corrupt,
    boolean empty,
    long dropAfterBytes,
    int dropTimes,
    long stallAfterBytes,
    boolean ignoreRange,
    long bytesPerSecond,
    boolean refuseHead,
    boolean omitEtagOnHead,
    int serverErrors,
    boolean chunked) {

  /** The names {@code fault=} understands, with what each arms. */
  public static final Map<String, String> QUERY_NAMES =
      Map.of(
          "html", "200 with an HTML error page",
          "truncate", "GET serves the first half only",
          "corrupt", "bytes in the middle inverted",
          "empty", "0 bytes",
          "ignore-range", "Range ignored",
          "slow", "1 MiB/s",
          "refuse-head", "HEAD answers 405",
          "no-etag-on-head", "HEAD without ETag");

  public FileFaults {
    if (dropTimes < 0 || serverErrors < 0 || bytesPerSecond < 0) {
      throw new IllegalArgumentException(
          "dropTimes, serverErrors and bytesPerSecond must be 0 or more");
    }
  }

  public static FileFaults none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Faults named by a {@code fault=} query value such as {@code "corrupt"} or {@code
   * "slow,refuse-head"}; {@code truncate} keeps half of the file, {@code slow} is 1 MiB/s.
   *
   * @throws IllegalArgumentException naming an unknown fault
   */
  public static FileFaults fromQuery(String value, long fileLength) {
    Builder builder = builder();
    for (String raw : value.split(",")) {
      String name = raw.strip().toLowerCase(Locale.ROOT);
      switch (name) {
        case "" -> {}
        case "html" -> builder.htmlErrorPage(true);
        case "truncate" -> builder.truncateTo(fileLength / 2);
        case "corrupt" -> builder.corrupt(true);
        case "empty" -> builder.empty(true);
        case "ignore-range" -> builder.ignoreRange(true);
        case "slow" -> builder.bytesPerSecond(1 << 20);
        case "refuse-head" -> builder.refuseHead(true);
        case "no-etag-on-head" -> builder.omitEtagOnHead(true);
        default ->
            throw new IllegalArgumentException(
                "unknown fault \""
                    + name
                    + "\" (known: "
                    + String.join(", ", QUERY_NAMES.keySet().stream().sorted().toList())
                    + ")");
      }
    }
    return builder.build();
  }

  /** Fluent builder; each setter names the component it sets. */
  public static final class Builder {
    private boolean htmlErrorPage;
    private long truncateTo = -1;
    private boolean corrupt;
    private boolean empty;
    private long dropAfterBytes = -1;
    private int dropTimes;
    private long stallAfterBytes = -1;
    private boolean ignoreRange;
    private long bytesPerSecond;
    private boolean refuseHead;
    private boolean omitEtagOnHead;
    private int serverErrors;
    private boolean chunked;

    private Builder() {}

    private Builder(FileFaults f) {
      htmlErrorPage = f.htmlErrorPage;
      truncateTo = f.truncateTo;
      corrupt = f.corrupt;
      empty = f.empty;
      dropAfterBytes = f.dropAfterBytes;
      dropTimes = f.dropTimes;
      stallAfterBytes = f.stallAfterBytes;
      ignoreRange = f.ignoreRange;
      bytesPerSecond = f.bytesPerSecond;
      refuseHead = f.refuseHead;
      omitEtagOnHead = f.omitEtagOnHead;
      serverErrors = f.serverErrors;
      chunked = f.chunked;
    }

    public Builder htmlErrorPage(boolean on) {
      htmlErrorPage = on;
      return this;
    }

    public Builder truncateTo(long bytes) {
      truncateTo = bytes;
      return this;
    }

    public Builder corrupt(boolean on) {
      corrupt = on;
      return this;
    }

    public Builder empty(boolean on) {
      empty = on;
      return this;
    }

    /** Closes the connection after {@code bytes} body bytes, for the next {@code times} GETs. */
    public Builder dropAfterBytes(long bytes, int times) {
      dropAfterBytes = bytes;
      dropTimes = times;
      return this;
    }

    public Builder stallAfterBytes(long bytes) {
      stallAfterBytes = bytes;
      return this;
    }

    public Builder ignoreRange(boolean on) {
      ignoreRange = on;
      return this;
    }

    public Builder bytesPerSecond(long rate) {
      bytesPerSecond = rate;
      return this;
    }

    public Builder refuseHead(boolean on) {
      refuseHead = on;
      return this;
    }

    public Builder omitEtagOnHead(boolean on) {
      omitEtagOnHead = on;
      return this;
    }

    public Builder serverErrors(int times) {
      serverErrors = times;
      return this;
    }

    public Builder chunked(boolean on) {
      chunked = on;
      return this;
    }

    public FileFaults build() {
      return new FileFaults(
          htmlErrorPage,
          truncateTo,
          corrupt,
          empty,
          dropAfterBytes,
          dropTimes,
          stallAfterBytes,
          ignoreRange,
          bytesPerSecond,
          refuseHead,
          omitEtagOnHead,
          serverErrors,
          chunked);
    }
  }
}
