package io.trawl.sandbox.places;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.sandbox.Exchanges;

/**
 * Google's error body: {@code {"error":{"code","message","status","details":[…]}}}, with an {@code
 * ErrorInfo} reason and, for quota errors, a {@code RetryInfo} delay.
 */
final class GoogleErrors {
  private static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";
  private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";

  private GoogleErrors() {}

  static ObjectNode body(int code, String status, String message) {
    ObjectNode body = Exchanges.JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", code).put("message", message).put("status", status);
    error.putArray("details");
    return body;
  }

  static ObjectNode withReason(ObjectNode body, String reason) {
    ArrayNode details = (ArrayNode) body.path("error").path("details");
    ObjectNode info = details.addObject();
    info.put("@type", ERROR_INFO).put("reason", reason).put("domain", "googleapis.com");
    info.putObject("metadata").put("service", "places.googleapis.com");
    return body;
  }

  static ObjectNode withRetryDelay(ObjectNode body, String delay) {
    ((ArrayNode) body.path("error").path("details"))
        .addObject()
        .put("@type", RETRY_INFO)
        .put("retryDelay", delay);
    return body;
  }
}
