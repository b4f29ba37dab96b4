package io.trawl.starter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links into the Temporal Web UI. */
public final class WebUi {
  private WebUi() {}

  public static String link(String uiUrl, String namespace, String workflowId, String runId) {
    return uiUrl
        + "/namespaces/"
        + namespace
        + "/workflows/"
        + URLEncoder.encode(workflowId, StandardCharsets.UTF_8)
        + "/"
        + runId
        + "/history";
  }
}
