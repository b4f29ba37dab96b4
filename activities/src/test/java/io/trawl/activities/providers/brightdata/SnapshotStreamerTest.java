package io.trawl.activities.providers.brightdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class SnapshotStreamerTest {
  private final SnapshotStreamer streamer = new SnapshotStreamer(new JsonFactory());

  @Test
  void arrayElementsKeepTheirExactText() throws Exception {
    String a = "{\"t\":\"Café – ünïcode 🚀\",\"n\":1.50,\"q\":\"say \\\"hi\\\" ]}\"}";
    String b = "{ \"nested\" : [ {\"x\": [1, 2]} ], \"e\":\"\\u00e9\" }";
    List<String> records = stream("  [\n" + a + " ,\n\t" + b + "\n]\n");

    assertThat(records).containsExactly(a, b);
  }

  @Test
  void ndjsonLinesAreHandedOnAsTheyAre() throws Exception {
    List<String> records = stream("{\"a\":1}\n\n{\"b\":\"x y\"}\r\n{\"c\":null}");

    assertThat(records).containsExactly("{\"a\":1}", "{\"b\":\"x y\"}", "{\"c\":null}");
  }

  @Test
  void emptyArrayAndEmptyBodyHaveNoRecords() throws Exception {
    assertThat(stream("[]")).isEmpty();
    assertThat(stream("")).isEmpty();
  }

  @Test
  void ndjsonLineCutMidRecordIsCorrupt() {
    assertThatThrownBy(() -> stream("{\"a\":1}\n{\"b\":\"trunc"))
        .isInstanceOf(SnapshotStreamer.CorruptBody.class)
        .hasMessageStartingWith("line 2 is not complete JSON");
  }

  @Test
  void anNdjsonLineLongerThanAnyRecordIsCorruptBeforeItIsReadWhole() {
    String endless = "{\"a\":\"" + "x".repeat((int) SnapshotStreamer.MAX_RECORD_BYTES + 10);

    assertThatThrownBy(() -> stream(endless))
        .isInstanceOf(SnapshotStreamer.CorruptBody.class)
        .hasMessage("line 1 is longer than 8388608 bytes (no record is)");
  }

  @Test
  void anArrayElementLongerThanAnyRecordIsCorrupt() {
    String endless =
        "[{\"a\":1},{\"a\":\"" + "x".repeat((int) SnapshotStreamer.MAX_RECORD_BYTES + 200_000);

    assertThatThrownBy(() -> stream(endless))
        .isInstanceOf(SnapshotStreamer.CorruptBody.class)
        .hasMessage("record 2 is longer than 8388608 bytes (no record is)");
  }

  @Test
  void arrayCutMidRecordIsCorrupt() {
    assertThatThrownBy(() -> stream("[{\"a\":1},{\"b\":"))
        .isInstanceOf(SnapshotStreamer.CorruptBody.class)
        .hasMessageContaining("after 1 records");
  }

  @Test
  void htmlBodyIsCorrupt() {
    assertThatThrownBy(() -> stream("<html><title>oops</title></html>"))
        .isInstanceOf(SnapshotStreamer.CorruptBody.class)
        .hasMessageStartingWith("an HTML page instead of records");
  }

  @Test
  void largeArraysStreamWithoutKeepingEarlierRecords() throws Exception {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 20_000; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"i\":")
          .append(i)
          .append(",\"pad\":\"")
          .append("x".repeat(50))
          .append("\"}");
    }
    List<String> records = stream(body.append("]").toString());

    assertThat(records).hasSize(20_000);
    assertThat(records.get(19_999)).startsWith("{\"i\":19999,");
  }

  private List<String> stream(String body) throws Exception {
    List<String> records = new ArrayList<>();
    streamer.stream(new Buffer().writeUtf8(body), records::add);
    return records;
  }
}
