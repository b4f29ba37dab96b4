package io.trawl.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trawl.activities.notify.WebhookFormat;
import io.trawl.activities.notify.WebhookTarget;
import io.trawl.workflows.notify.NotificationKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The notifications: section of trawl.yaml: errors name the file and key, never a URL. */
class NotificationsConfigParserTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String SECRET_URL = "https://hooks.example.com/services/T000/SECRET-TOKEN";

  private static NotificationsConfig parse(String yaml) throws Exception {
    return NotificationsConfigParser.parse("trawl.yaml", YAML.readTree(yaml).path("notifications"));
  }

  @Test
  void readsTargetsWithTheirFormatsAndEvents() throws Exception {
    NotificationsConfig config =
        parse(
            """
            notifications:
              - name: ops-slack
                url: ${env:TRAWL_SLACK_WEBHOOK}
                format: slack
                events: [run_failed, breaker_opened]
              - name: pager
                url: https://alerts.example.com/hook
            """);

    WebhookTarget slack = config.targets().get(0);
    assertThat(slack.name()).isEqualTo("ops-slack");
    assertThat(slack.environmentVariable()).isEqualTo("TRAWL_SLACK_WEBHOOK");
    assertThat(slack.format()).isEqualTo(WebhookFormat.SLACK);
    assertThat(slack.events())
        .isEqualTo(Set.of(NotificationKind.RUN_FAILED, NotificationKind.BREAKER_OPENED));
    assertThat(slack.wants("run_failed")).isTrue();
    assertThat(slack.wants("file_quarantined")).isFalse();
    WebhookTarget pager = config.targets().get(1);
    assertThat(pager.format()).as("default format").isEqualTo(WebhookFormat.JSON);
    assertThat(pager.events())
        .as("default events")
        .isEqualTo(EnumSet.allOf(NotificationKind.class));
    assertThat(pager.environmentVariable()).isNull();
  }

  @Test
  void aMissingSectionMeansNoTargets() throws Exception {
    assertThat(parse("jobs: {}")).isEqualTo(NotificationsConfig.NONE);
  }

  @Test
  void theLoaderAcceptsTheSectionAndTheWorkerParsesItOnDemand() throws Exception {
    String yaml =
        """
        notifications:
          - name: ops
            url: ${env:OPS_HOOK}
        """;
    TrawlConfig config =
        TrawlConfigLoader.parse(
            "trawl.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));

    assertThat(NotificationsConfig.of(config).targets())
        .extracting(WebhookTarget::name)
        .containsExactly("ops");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown key      | {name: a, url: 'https://x.example/h', colour: red} | trawl.yaml: unknown key notifications[0].colour (known: events, format, name, url)
          missing name     | {url: 'https://x.example/h'}                       | trawl.yaml: notifications[0].name is empty
          missing url      | {name: a}                                          | trawl.yaml: notifications[0].url is empty
          unknown format   | {name: a, url: 'https://x.example/h', format: xml} | trawl.yaml: notifications[0].format: unknown format "xml" (known: json, slack)
          unknown event    | {name: a, url: 'https://x.example/h', events: [run_fail]} | trawl.yaml: notifications[0].events: unknown event "run_fail" (known: run_failed, file_quarantined, budget_warning, breaker_opened)
          empty events     | {name: a, url: 'https://x.example/h', events: []}  | trawl.yaml: notifications[0].events must be a non-empty list
          bad env ref      | {name: a, url: '${env:1X}'}                        | trawl.yaml: notifications[0].url: ${env:1X} is not a valid ${env:NAME} reference
          not a mapping    | just-a-string                                      | trawl.yaml: notifications[0] must be a mapping
          """)
  void rejectsAnInvalidTargetNamingFileAndKey(String label, String entry, String message)
      throws Exception {
    assertThatThrownBy(() -> parse("notifications:\n  - " + entry + "\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void rejectsADuplicateNameNamingBothEntries() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    notifications:
                      - {name: ops, url: 'https://a.example/h'}
                      - {name: ops, url: 'https://b.example/h'}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "trawl.yaml: notifications[1].name: \"ops\" is already used by notifications[0]");
  }

  @Test
  void rejectsANonHttpUrlWithoutQuotingIt() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    notifications:
                      - {name: ops, url: 'ftp://hooks.example.com/T000/SECRET-TOKEN'}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "trawl.yaml: notifications[0].url must be an http(s) URL or ${env:NAME},"
                + " got a ftp: URL")
        .message()
        .doesNotContain("SECRET-TOKEN");
  }

  @Test
  void rejectsASectionThatIsNotAList() {
    assertThatThrownBy(() -> parse("notifications:\n  name: ops\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("trawl.yaml: notifications must be a list");
  }

  @Test
  void theReadmeAndTrawlYamlExamplesParse() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(root.resolve("mvnw"))) {
      root = root.getParent();
    }
    String readme = Files.readString(root.resolve("README.md"));
    String section = readme.substring(readme.indexOf("### Notifications"));
    int start = section.indexOf("```yaml") + "```yaml".length();
    String example = section.substring(start, section.indexOf("```", start));
    assertThat(parse(example).targets()).extracting(WebhookTarget::name).contains("ops-slack");
    String commented =
        Files.readString(root.resolve("trawl.yaml")).lines()
            .dropWhile(line -> !line.startsWith("# notifications:"))
            // The commented block ends at the first line that is not a comment.
            .takeWhile(line -> line.startsWith("#"))
            .map(line -> line.substring(2))
            .collect(Collectors.joining("\n"));
    assertThat(parse(commented).targets()).extracting(WebhookTarget::name).contains("ops-slack");
  }

  @Test
  void aTargetPrintsWithoutItsUrl() throws Exception {
    NotificationsConfig config =
        parse("notifications:\n  - {name: ops, url: '" + SECRET_URL + "'}\n");

    assertThat(config.toString()).contains("ops").doesNotContain("SECRET-TOKEN");
    assertThat(config.targets().get(0).url()).isEqualTo(SECRET_URL);
  }
}
