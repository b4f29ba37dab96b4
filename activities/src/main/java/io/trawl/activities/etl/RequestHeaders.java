package io.trawl.activities.etl;

import io.trawl.activities.EnvReferences;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.EtlSource;
import java.util.Map;
import java.util.regex.Matcher;
import okhttp3.Headers;

/**
 * A source's configured request headers, with {@code ${env:NAME}} resolved from the worker's
 * environment: a token lives in the worker's environment, never in trawl.yaml, a workflow input or
 * a history.
 */
public final class RequestHeaders {
  private final Map<String, String> environment;

  public RequestHeaders(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * @throws io.temporal.failure.ApplicationFailure {@code InvalidInput} naming the header and the
   *     variable (never a value) when the variable is unset
   */
  public Headers of(EtlSource source) {
    Headers.Builder headers = new Headers.Builder();
    source.headers().forEach((name, value) -> headers.add(name, resolve(source, name, value)));
    return headers.build();
  }

  private String resolve(EtlSource source, String header, String value) {
    Matcher matcher = EnvReferences.PATTERN.matcher(value);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      String variable = matcher.group(1);
      String replacement = environment.get(variable);
      if (replacement == null) {
        throw Failures.invalidInput(
            "etl source \""
                + source.id()
                + "\": header "
                + header
                + " uses ${env:"
                + variable
                + "}, which is not set in the worker's environment");
      }
      matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(resolved);
    return resolved.toString();
  }
}
