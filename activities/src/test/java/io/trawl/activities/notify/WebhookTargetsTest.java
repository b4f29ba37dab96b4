package io.trawl.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import io.trawl.workflows.notify.NotificationFailures;
import io.trawl.workflows.notify.NotificationKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Targets by name and kind; URLs resolved from the worker's environment when sending. */
class WebhookTargetsTest {
  private static final String SECRET_URL = "https://hooks.example.com/services/T000/SECRET-TOKEN";

  private static WebhookTarget target(String name, String url, Set<NotificationKind> events) {
    return new WebhookTarget(name, url, WebhookFormat.JSON, events);
  }

  @Test
  void namesTheTargetsThatWantAKindInConfigOrder() {
    WebhookTargets targets =
        new WebhookTargets(
            List.of(
                target("b", SECRET_URL, EnumSet.allOf(NotificationKind.class)),
                target("a", SECRET_URL, Set.of(NotificationKind.FILE_QUARANTINED)),
                target("c", SECRET_URL, Set.of(NotificationKind.RUN_FAILED))),
            Map.of());

    assertThat(targets.namesFor("run_failed")).containsExactly("b", "c");
    assertThat(targets.namesFor("file_quarantined")).containsExactly("b", "a");
    assertThat(targets.namesFor("no_such_kind")).isEmpty();
  }

  @Test
  void resolvesAnEnvironmentReferenceWhenSending() {
    WebhookTargets targets =
        new WebhookTargets(
            List.of(target("ops", "${env:OPS_HOOK}", EnumSet.allOf(NotificationKind.class))),
            Map.of("OPS_HOOK", SECRET_URL));

    assertThat(targets.urlOf(targets.named("ops")).toString()).isEqualTo(SECRET_URL);
  }

  @Test
  void anUnsetVariableIsANonRetryableErrorNamingTheVariableNotAUrl() {
    WebhookTargets targets =
        new WebhookTargets(
            List.of(target("ops", "${env:OPS_HOOK}", EnumSet.allOf(NotificationKind.class))),
            Map.of("OTHER", SECRET_URL));

    assertThatThrownBy(() -> targets.urlOf(targets.named("ops")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(NotificationFailures.TARGET_INVALID);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .isEqualTo(
                      "webhook ops: url uses ${env:OPS_HOOK}, which is not set in the worker's"
                          + " environment")
                  .doesNotContain("SECRET");
            });
  }

  @Test
  void aVariableHoldingSomethingOtherThanAUrlIsRejectedWithoutQuotingIt() {
    WebhookTargets targets =
        new WebhookTargets(
            List.of(target("ops", "${env:OPS_HOOK}", EnumSet.allOf(NotificationKind.class))),
            Map.of("OPS_HOOK", "SECRET-TOKEN-ONLY"));

    assertThatThrownBy(() -> targets.urlOf(targets.named("ops")))
        .hasMessageContaining("${env:OPS_HOOK} is not an http(s) URL")
        .message()
        .doesNotContain("SECRET");
  }

  @Test
  void anUnknownTargetNameIsNonRetryable() {
    WebhookTargets targets = new WebhookTargets(List.of(), Map.of());

    assertThatThrownBy(() -> targets.named("gone"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, failure -> assertThat(failure.isNonRetryable()).isTrue())
        .hasMessageContaining("webhook gone is not configured");
  }
}
