package io.trawl.activities.providers.brightdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.BufferedSource;

/**
 * Streams a snapshot body to a {@link RecordSink} one raw record at a time, holding at most one
 * record (plus the parser's read-ahead) in memory.
 *
 * <p>ndjson is split on newlines and each line must parse as JSON, so a body cut mid-record is
 * caught even when the connection closed cleanly. A JSON array (what the provider sends when it
 * ignores {@code format=ndjson}) is parsed with Jackson, and each element's exact bytes are sliced
 * out of the stream, so the sink sees the provider's text unchanged.
 */
final class SnapshotStreamer {
  /** A body the streamer could not read as records; the caller maps it to a retryable failure. */
  static final class CorruptBody extends Exception {
    CorruptBody(String message) {
      super(message);
    }
  }

  /**
   * The longest ndjson line read into memory. LinkedIn records are a few KB (a long description
   * tops out near 100 KB); a line without a newline for 8 MiB is a broken body, not a record.
   */
  static final long MAX_RECORD_BYTES = 8L << 20;

  private final JsonFactory json;

  SnapshotStreamer(JsonFactory json) {
    this.json = json;
  }

  /** Returns the number of records handed to the sink. */
  int stream(BufferedSource source, RecordSink sink) throws IOException, CorruptBody {
    while (source.request(1) && isWhitespace(source.getBuffer().getByte(0))) {
      source.skip(1);
    }
    if (source.exhausted()) {
      return 0;
    }
    byte first = source.getBuffer().getByte(0);
    if (first == '[') {
      return streamArray(source.inputStream(), sink);
    }
    if (first == '{') {
      return streamLines(source, sink);
    }
    String start =
        source.getBuffer().snapshot((int) Math.min(200, source.getBuffer().size())).utf8();
    throw new CorruptBody(
        (first == '<' ? "an HTML page instead of records: " : "a body that is not JSON: ")
            + start.replaceAll("\\s+", " "));
  }

  private int streamLines(BufferedSource source, RecordSink sink) throws IOException, CorruptBody {
    int records = 0;
    String line;
    while ((line = nextLine(source, records + 1)) != null) {
      if (line.isBlank()) {
        continue;
      }
      requireCompleteJson(line, records + 1);
      sink.accept(line);
      records++;
    }
    return records;
  }

  private static String nextLine(BufferedSource source, int number)
      throws IOException, CorruptBody {
    if (source.indexOf((byte) '\n', 0, MAX_RECORD_BYTES + 1) < 0
        && source.request(MAX_RECORD_BYTES + 1)) {
      throw new CorruptBody(
          "line " + number + " is longer than " + MAX_RECORD_BYTES + " bytes (no record is)");
    }
    return source.readUtf8Line();
  }

  private void requireCompleteJson(String line, int number) throws IOException, CorruptBody {
    try (JsonParser parser = json.createParser(line)) {
      parser.nextToken();
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new CorruptBody("line " + number + " holds more than one JSON value");
      }
    } catch (JsonProcessingException e) {
      throw new CorruptBody(
          "line "
              + number
              + " is not complete JSON (body cut or corrupt): "
              + e.getOriginalMessage());
    }
  }

  private int streamArray(InputStream body, RecordSink sink) throws IOException, CorruptBody {
    Recording recording = new Recording(body);
    int records = 0;
    try (JsonParser parser = json.createParser(recording)) {
      parser.nextToken();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw new CorruptBody("the JSON array ends after " + records + " records (body cut)");
        }
        long start = parser.currentTokenLocation().getByteOffset();
        if (token.isStructStart()) {
          parser.skipChildren();
        } else {
          parser.finishToken();
        }
        long end = parser.currentLocation().getByteOffset();
        String raw = recording.slice(start, end).strip();
        recording.forgetBefore(end);
        sink.accept(raw);
        records++;
      }
      if (parser.nextToken() != null) {
        throw new CorruptBody("text follows the JSON array");
      }
    } catch (RecordTooLarge e) {
      throw new CorruptBody(
          "record "
              + (records + 1)
              + " is longer than "
              + MAX_RECORD_BYTES
              + " bytes (no record is)");
    } catch (JsonProcessingException e) {
      throw new CorruptBody(
          "the JSON array breaks after "
              + records
              + " records (body cut or corrupt): "
              + e.getOriginalMessage());
    }
    return records;
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /** Jackson's input buffer: what the parser may have read past the record it is in. */
  private static final int READ_AHEAD_BYTES = 64 * 1024;

  /**
   * One array element outgrew {@link #MAX_RECORD_BYTES}; the streamer turns it into CorruptBody.
   */
  private static final class RecordTooLarge extends IOException {}

  /** Keeps the bytes the parser has read but the streamer has not yet handed on. */
  private static final class Recording extends FilterInputStream {
    private byte[] kept = new byte[16 * 1024];
    private long keptStart;
    private int keptLength;

    Recording(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        if (keptLength + n > MAX_RECORD_BYTES + READ_AHEAD_BYTES) {
          throw new RecordTooLarge();
        }
        if (keptLength + n > kept.length) {
          kept = Arrays.copyOf(kept, Math.max(kept.length * 2, keptLength + n));
        }
        System.arraycopy(b, off, kept, keptLength, n);
        keptLength += n;
      }
      return n;
    }

    String slice(long start, long end) {
      return new String(
          kept, (int) (start - keptStart), (int) (end - start), StandardCharsets.UTF_8);
    }

    void forgetBefore(long offset) {
      int drop = (int) (offset - keptStart);
      System.arraycopy(kept, drop, kept, 0, keptLength - drop);
      keptLength -= drop;
      keptStart = offset;
    }
  }
}
