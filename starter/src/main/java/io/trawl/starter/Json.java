package io.trawl.starter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.trawl.workflows.market.AssetClass;
import io.trawl.workflows.market.MarketStatus;
import io.trawl.workflows.market.QuoteSource;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * JSON output for --json, with ISO dates and snake_case keys ({@code workflow_id}, {@code
 * jobs_found}) in every command: record components are renamed by the naming strategy, and maps
 * built by hand use snake_case keys themselves ({@code JsonOutputKeysTest} checks both).
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(wireNames())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /**
   * Market enums print as the names the tables and flags use ({@code bright_data}, {@code forex}).
   */
  private static SimpleModule wireNames() {
    SimpleModule module = new SimpleModule("trawl-wire-names");
    module.addSerializer(QuoteSource.class, wireName(QuoteSource::wireName));
    module.addSerializer(MarketStatus.class, wireName(MarketStatus::wireName));
    module.addSerializer(AssetClass.class, wireName(AssetClass::wireName));
    return module;
  }

  private static <T> JsonSerializer<T> wireName(Function<T, String> name) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
          throws IOException {
        gen.writeString(name.apply(value));
      }
    };
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
    }
  }

  /** Waits for a future whose task handles its own failures. */
  public static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }
}
