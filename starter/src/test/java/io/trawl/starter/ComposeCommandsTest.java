package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every trawl service in docker-compose.yml runs a command the CLI has, with valid options. */
class ComposeCommandsTest {
  @Test
  void trawlServicesRunExistingCommands() throws Exception {
    JsonNode services =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("..", "docker-compose.yml").toFile())
            .get("services");
    List<String> checked = new ArrayList<>();
    for (var entry : services.properties()) {
      JsonNode service = entry.getValue();
      if (!service.path("image").asText().startsWith("trawl:")) {
        continue;
      }
      List<String> args = new ArrayList<>();
      service.get("command").forEach(arg -> args.add(arg.asText()));
      CommandLine.ParseResult parsed =
          TrawlCommand.newCommandLine().parseArgs(args.toArray(String[]::new));
      assertThat(parsed.hasSubcommand()).as(entry.getKey()).isTrue();
      checked.add(parsed.subcommand().commandSpec().name());
    }
    assertThat(checked).contains("setup", "worker");
  }
}
