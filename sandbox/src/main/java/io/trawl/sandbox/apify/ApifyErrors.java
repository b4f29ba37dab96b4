package io.trawl.sandbox.apify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.sandbox.Exchanges;

/** Apify's error body: {@code {"error":{"type":"…","message":"…"}}}. */
final class ApifyErrors {
  private ApifyErrors() {}

  static ObjectNode body(String type, String message) {
    ObjectNode body = Exchanges.JSON.createObjectNode();
    body.putObject("error").put("type", type).put("message", message);
    return body;
  }
}
