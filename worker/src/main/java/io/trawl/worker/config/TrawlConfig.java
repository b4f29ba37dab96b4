package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;

/**
 * The whole of trawl.yaml, every value defaulted.
 *
 * <p>The jobs section is parsed up front; other pipelines parse their own section on demand with
 * {@link #section}, so each pipeline's config rules live beside that pipeline.
 *
 * @param source where the configuration came from (a file path or "built-in demo configuration")
 * @param jobs the jobs pipeline's settings
 * @param root the parsed document, for {@link #section}
 */
public record TrawlConfig(String source, JobsConfig jobs, JsonNode root) {
  public static TrawlConfig defaults(String source) {
    return new TrawlConfig(source, JobsConfig.DEFAULTS, MissingNode.getInstance());
  }

  /** Loads {@code path}; see {@link TrawlConfigLoader} for the rules. */
  public static TrawlConfig load(Path path) {
    return TrawlConfigLoader.load(path);
  }

  /** Parses one top-level section; the parser gets a missing node when the section is absent. */
  public <T> T section(String name, SectionParser<T> parser) {
    return parser.parse(source, root.path(name));
  }

  /** Turns one section of trawl.yaml into its typed form; errors name the source and key. */
  @FunctionalInterface
  public interface SectionParser<T> {
    T parse(String source, JsonNode section);
  }
}
