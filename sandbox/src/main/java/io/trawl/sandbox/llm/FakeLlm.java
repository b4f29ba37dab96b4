package io.trawl.sandbox.llm;

import io.trawl.sandbox.CommonFaultState;
import io.trawl.sandbox.LoopbackServer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local OpenAI-compatible chat completions API over loopback HTTP that classifies pharmacies
 * (PROVIDERS.md §7): the reply's content is JSON {@code {"classification", "is_compounding",
 * "confidence"}}, decided from the user messages alone, so the same prompt gets the same answer.
 *
 * <p>Serves {@code POST /chat/completions} (and {@code /v1/chat/completions}); faults give prose
 * instead of JSON, a missing key, 429 with Retry-After, 401 and 5xx.
 */
public final class FakeLlm implements AutoCloseable {
  /** The endpoint name for {@code CommonFaults.endpoint}. */
  public static final String COMPLETIONS = "completions";

  private static final Logger log = LoggerFactory.getLogger(FakeLlm.class);

  private final String apiKey;
  private final CommonFaultState common;
  private volatile LlmFaults faults;
  private final LlmHandler handler;
  private LoopbackServer server;

  public FakeLlm() {
    this(null, LlmFaults.none());
  }

  /**
   * @param apiKey when set, requests must carry it as a Bearer token, else 401
   */
  public FakeLlm(String apiKey, LlmFaults faults) {
    if (faults == null) {
      throw new IllegalArgumentException("faults are required (LlmFaults.none())");
    }
    this.apiKey = apiKey;
    this.common = new CommonFaultState(faults.common());
    this.handler = new LlmHandler(apiKey, () -> this.faults, common);
    faults(faults);
  }

  public synchronized FakeLlm start() {
    if (server == null) {
      server = LoopbackServer.start(0, Map.of("/", handler));
      log.info("fake LLM listening url={}", baseUrl());
    }
    return this;
  }

  /** {@code http://127.0.0.1:<port>}: what {@code LLM_BASE_URL} is set to. */
  public synchronized String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("FakeLlm is not started; call start() first");
    }
    return server.baseUrl();
  }

  /** Replaces the armed faults; count faults start counting again. */
  public synchronized void faults(LlmFaults newFaults) {
    this.faults = newFaults;
    common.arm(newFaults.common());
    handler.notJson.set(newFaults.notJson());
    handler.missingKey.set(newFaults.missingKey());
    handler.rateLimited.set(newFaults.rateLimited());
  }

  /** Requests to the completions endpoint, whatever they answered: what a budget pays for. */
  public long calls() {
    return handler.calls.get();
  }

  /** Requests answered 200 with a completion. */
  public long completions() {
    return handler.answered.get();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
