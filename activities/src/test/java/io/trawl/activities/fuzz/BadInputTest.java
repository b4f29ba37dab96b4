package io.trawl.activities.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The document mutations the fuzz tests rely on. */
class BadInputTest {
  @Test
  void replaceNodePutsTheWrongValueWhereTheNodeWas() {
    String json = "{\"jobs\":{\"poll_deadline\":\"2h\",\"queries\":[\"a\"]}}";

    assertThat(BadInput.replaceNode(json, 1, "\"999999999999999d\""))
        .isEqualTo("{\"jobs\":{\"poll_deadline\":\"999999999999999d\",\"queries\":[\"a\"]}}");
    assertThat(BadInput.replaceNode(json, 3, "{}"))
        .isEqualTo("{\"jobs\":{\"poll_deadline\":\"2h\",\"queries\":[{}]}}");
  }
}
