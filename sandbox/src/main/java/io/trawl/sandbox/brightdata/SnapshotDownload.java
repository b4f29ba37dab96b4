package io.trawl.sandbox.brightdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.trawl.sandbox.brightdata.FakeBrightData.Faults;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /datasets/v3/snapshot/{id}}: the body, or the provider's reasons for not sending it.
 */
final class SnapshotDownload {
  private static final Logger log = LoggerFactory.getLogger(SnapshotDownload.class);

  private final FaultState faults;
  private final Counters counters;

  SnapshotDownload(FaultState faults, Counters counters) {
    this.faults = faults;
    this.counters = counters;
  }

  void handle(HttpExchange exchange, Snapshot snapshot) throws IOException {
    Faults current = faults.current();
    if (current.expiredSnapshot()) {
      HttpReplies.text(exchange, 400, "Snapshot is expired");
      return;
    }
    String status = snapshot.status();
    if (Snapshot.FAILED.equals(status) || Snapshot.CANCELLED.equals(status)) {
      HttpReplies.text(exchange, 400, "Snapshot is not available: collection " + status);
      return;
    }
    if (!Snapshot.READY.equals(status)) {
      HttpReplies.json(
          exchange, 202, notReady("running", "Snapshot is not ready yet, try again in 10s"));
      return;
    }
    // Bright Data keeps answering 202 for a while after progress already said ready.
    if (faults.takeBuilding()) {
      HttpReplies.json(
          exchange,
          202,
          notReady(
              "building",
              "Snapshot is building, try again in " + current.retryAfterSeconds() + "s"));
      return;
    }
    List<SnapshotBatch.Entry> entries = snapshot.batch().entries();
    if (current.emptySnapshot() || entries.isEmpty()) {
      HttpReplies.text(exchange, 400, "Snapshot is empty");
      return;
    }
    String format = HttpReplies.query(exchange.getRequestURI()).getOrDefault("format", "json");
    format = format.toLowerCase(Locale.ROOT);
    boolean lines = !current.ignoreFormat() && (format.equals("ndjson") || format.equals("jsonl"));
    if (!lines && !format.equals("json") && !current.ignoreFormat()) {
      HttpReplies.text(exchange, 400, "Format " + format + " is not supported by the sandbox");
      return;
    }
    write(exchange, snapshot, entries, lines, current);
  }

  private void write(
      HttpExchange exchange,
      Snapshot snapshot,
      List<SnapshotBatch.Entry> entries,
      boolean lines,
      Faults current)
      throws IOException {
    List<byte[]> pieces = new ArrayList<>(entries.size());
    long total = 0;
    for (int i = 0; i < entries.size(); i++) {
      String json = entries.get(i).json();
      String piece = lines ? json + "\n" : (i == 0 ? "[\n" : ",\n") + json;
      byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
      pieces.add(bytes);
      total += bytes.length;
    }
    byte[] tail = (lines ? "" : "\n]\n").getBytes(StandardCharsets.UTF_8);
    total += tail.length;

    exchange
        .getResponseHeaders()
        .set("Content-Type", lines ? "application/x-ndjson" : "application/json; charset=utf-8");
    // Always a declared length: a truncated body then ends before it, and the client sees the
    // connection close mid-record, as with a real reset.
    exchange.sendResponseHeaders(200, total);
    counters.download();
    int stopAt = current.truncateBody() ? entries.size() / 2 : entries.size();
    OutputStream out = exchange.getResponseBody();
    try {
      for (int i = 0; i < stopAt; i++) {
        if (i > 0) {
          HttpReplies.sleep(current.slowBodyMillis());
        }
        // Counted before the write: a client may finish reading before this thread runs on.
        if (!entries.get(i).error()) {
          counters.recordDelivered();
        }
        out.write(pieces.get(i));
        out.flush();
      }
      if (current.truncateBody()) {
        byte[] cut = pieces.get(stopAt);
        out.write(cut, 0, cut.length / 2);
        out.flush();
        log.info("download truncated snapshot={} after={} records", snapshot.id(), stopAt);
        throw new BodyCut(snapshot.id());
      }
      out.write(tail);
    } finally {
      closeQuietly(out);
    }
  }

  /**
   * Thrown out of the handler on purpose: the JDK server only drops a connection when its handler
   * throws, and without the drop the client would wait for the missing bytes until it times out.
   */
  static final class BodyCut extends IOException {
    BodyCut(String snapshotId) {
      super("body of snapshot " + snapshotId + " cut on purpose (truncateBody fault)");
    }
  }

  private static ObjectNode notReady(String status, String message) {
    return HttpReplies.JSON.createObjectNode().put("status", status).put("message", message);
  }

  /** Closing a short fixed-length body throws "insufficient bytes"; nothing to do about it. */
  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      log.debug("download body closed early: {}", e.getMessage());
    }
  }
}
