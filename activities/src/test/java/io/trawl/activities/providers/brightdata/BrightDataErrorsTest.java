package io.trawl.activities.providers.brightdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.providers.ProviderText;
import org.junit.jupiter.api.Test;

/** A provider's answer that quotes the token never carries it, whole or cut, into a failure. */
class BrightDataErrorsTest {
  private static final String TOKEN = "bd-token-4c1f9a0e77d2";

  @Test
  void aTokenTheExcerptWouldCutInTwoIsMaskedBeforeTheCut() {
    // 180 characters of page title, then the credentials: the 200-character excerpt ends inside
    // the token, where masking the finished message no longer finds it.
    String body =
        "<html><title>" + "x".repeat(180) + " Bearer " + TOKEN + " refused</title></html>";

    ApplicationFailure failure =
        new BrightDataErrors(TOKEN)
            .forStatus(BrightDataErrors.Call.TRIGGER, "POST /datasets/v3/trigger", 500, body, null);

    assertThat(failure.getOriginalMessage()).contains("500").doesNotContain("bd-token");
  }

  @Test
  void theSharedExcerptMasksASecretBeforeShorteningTheBody() {
    String body = "y".repeat(190) + TOKEN;

    assertThat(ProviderText.redact(ProviderText.excerpt(body), TOKEN))
        .as("masking after the cut misses the half that is left")
        .contains("bd-token");
    assertThat(ProviderText.excerpt(body, TOKEN)).doesNotContain("bd-token");
    assertThat(ProviderText.excerpt(body, null)).isEqualTo(ProviderText.excerpt(body));
  }
}
