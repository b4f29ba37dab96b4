package io.trawl.sandbox.files;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * Answers {@code HEAD} and {@code GET /files/<name>} like a plain static file server: ETag,
 * Last-Modified, Accept-Ranges, single byte ranges with If-Range, If-None-Match → 304, plus the
 * faults armed on the file or named in the query.
 */
final class FileRequestHandler implements HttpHandler {
  static final String PREFIX = "/files/";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final byte[] ERROR_PAGE =
      ("<!DOCTYPE html>\n<html><head><title>503 Service Temporarily Unavailable</title></head>\n"
              + "<body><h1>Service Temporarily Unavailable</h1><p>The download mirror is under"
              + " maintenance. Please try again later.</p></body></html>\n")
          .getBytes(StandardCharsets.UTF_8);

  private final Function<String, ServedFile> catalog;
  private final Function<String, FileStats> stats;
  private final Stalls stalls;

  FileRequestHandler(
      Function<String, ServedFile> catalog, Function<String, FileStats> stats, Stalls stalls) {
    this.catalog = catalog;
    this.stats = stats;
    this.stalls = stalls;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String name =
          URLDecoder.decode(
              exchange.getRequestURI().getRawPath().substring(PREFIX.length()),
              StandardCharsets.UTF_8);
      ServedFile file = catalog.apply(name);
      String method = exchange.getRequestMethod();
      if (file == null) {
        plain(exchange, 404, "no such file: " + name);
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        plain(exchange, 405, "method " + method + " is not allowed");
        return;
      }
      FileFaults faults;
      try {
        faults = queryFaults(exchange, file);
      } catch (IllegalArgumentException e) {
        plain(exchange, 400, e.getMessage());
        return;
      }
      if (file.takeServerError()) {
        plain(exchange, 503, "try again later");
        return;
      }
      Representation served = Representation.of(name, file, faults);
      FileStats counters = stats.apply(name);
      if (method.equals("HEAD")) {
        counters.countHead();
        head(exchange, served, faults);
      } else {
        get(exchange, file, served, faults, counters);
      }
    }
  }

  private static FileFaults queryFaults(HttpExchange exchange, ServedFile file) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("fault=")) {
          String value = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
          return FileFaults.fromQuery(value, file.content().length());
        }
      }
    }
    return file.faults();
  }

  private static void head(HttpExchange exchange, Representation served, FileFaults faults)
      throws IOException {
    if (faults.refuseHead()) {
      exchange.getResponseHeaders().set("Allow", "GET");
      exchange.sendResponseHeaders(405, -1);
      return;
    }
    validators(exchange.getResponseHeaders(), served, !faults.omitEtagOnHead());
    // A HEAD announces the whole file even when GET would serve a truncated copy.
    exchange.getResponseHeaders().set("Content-Length", Long.toString(served.announcedLength()));
    exchange.sendResponseHeaders(200, -1);
  }

  private void get(
      HttpExchange exchange,
      ServedFile file,
      Representation served,
      FileFaults faults,
      FileStats counters)
      throws IOException {
    Headers request = exchange.getRequestHeaders();
    String range = request.getFirst("Range");
    counters.countGet(range != null);
    Headers response = exchange.getResponseHeaders();
    validators(response, served, true);
    if (served.etag() != null && matches(request.getFirst("If-None-Match"), served.etag())) {
      counters.countNotModified();
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    long total = served.body().length();
    long from = 0;
    long to = total;
    int status = 200;
    if (range != null && !faults.ignoreRange() && ifRangeHolds(request, served)) {
      long[] bounds = ByteRange.parse(range, total);
      if (bounds == ByteRange.UNSATISFIABLE) {
        response.set("Content-Range", "bytes */" + total);
        exchange.sendResponseHeaders(416, -1);
        return;
      }
      if (bounds != null) {
        from = bounds[0];
        to = bounds[1];
        status = 206;
        counters.countPartial();
        response.set("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + total);
      }
    }
    long length = to - from;
    // 0 asks the JDK server for chunked encoding; -1 for an empty body.
    exchange.sendResponseHeaders(
        status, faults.chunked() && length > 0 ? 0 : length == 0 ? -1 : length);
    if (length > 0) {
      BodyWriter writer =
          new BodyWriter(served.body(), faults.bytesPerSecond(), stalls, counters::countBody);
      writer.write(exchange.getResponseBody(), from, to, file.takeDrop(), file.takeStall());
    }
  }

  private static void validators(Headers headers, Representation served, boolean withEtag) {
    headers.set("Content-Type", served.contentType());
    headers.set("Accept-Ranges", "bytes");
    if (withEtag && served.etag() != null) {
      headers.set("ETag", served.etag());
    }
    if (served.lastModified() != null) {
      headers.set("Last-Modified", HTTP_DATE.format(served.lastModified()));
    }
  }

  /** If-Range with an ETag or a date that no longer matches turns a Range into a full GET. */
  private static boolean ifRangeHolds(Headers request, Representation served) {
    String ifRange = request.getFirst("If-Range");
    if (ifRange == null) {
      return true;
    }
    if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
      return ifRange.equals(served.etag()); // If-Range needs a strong match.
    }
    return served.lastModified() != null && ifRange.equals(HTTP_DATE.format(served.lastModified()));
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || stripWeak(tag).equals(stripWeak(etag))) {
        return true;
      }
    }
    return false;
  }

  private static String stripWeak(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  private static void plain(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * What one request is served: the body after faults, its validators, and the length a HEAD
   * announces.
   */
  record Representation(
      FileContent body,
      String etag,
      java.time.Instant lastModified,
      String contentType,
      long announcedLength) {

    static Representation of(String name, ServedFile file, FileFaults faults) {
      if (faults.htmlErrorPage()) {
        FileContent page = FileContent.of(ERROR_PAGE);
        return new Representation(page, null, null, "text/html; charset=utf-8", page.length());
      }
      FileContent content = file.content();
      if (faults.empty()) {
        content = FileContent.of(new byte[0]);
      }
      if (faults.corrupt()) {
        content = content.corrupted();
      }
      FileContent body = faults.truncateTo() >= 0 ? content.prefix(faults.truncateTo()) : content;
      return new Representation(
          body,
          "\"" + content.fingerprint() + "\"",
          file.lastModified(),
          contentType(name),
          content.length());
    }

    private static String contentType(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".gz")) {
        return "application/gzip";
      } else if (lower.endsWith(".zip")) {
        return "application/zip";
      } else if (lower.endsWith(".csv")) {
        return "text/csv; charset=utf-8";
      } else if (lower.endsWith(".ndjson")) {
        return "application/x-ndjson";
      } else if (lower.endsWith(".json")) {
        return "application/json";
      } else if (lower.endsWith(".xml")) {
        return "application/xml";
      } else if (lower.endsWith(".pdf")) {
        return "application/pdf";
      } else if (lower.endsWith(".png")) {
        return "image/png";
      } else if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
        return "image/jpeg";
      } else if (lower.endsWith(".parquet")) {
        return "application/vnd.apache.parquet";
      }
      return "application/octet-stream";
    }
  }
}
