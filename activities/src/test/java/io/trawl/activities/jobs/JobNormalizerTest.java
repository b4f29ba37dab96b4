package io.trawl.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobNormalizerTest {

  @Test
  void collapsesWhitespaceAndTurnsBlankIntoNull() {
    assertThat(JobNormalizer.collapse("  Senior \t Data\n Engineer  "))
        .isEqualTo("Senior Data Engineer");
    assertThat(JobNormalizer.collapse(" \n\t ")).isNull();
    assertThat(JobNormalizer.collapse(null)).isNull();
  }

  @Test
  void keepsParagraphBreaksInDescriptions() {
    String text = "  About us  \r\n\r\n\r\n\r\nWe   build\tthings. \n Join us!  ";

    assertThat(JobNormalizer.paragraphs(text)).isEqualTo("About us\n\nWe build things.\nJoin us!");
  }

  @Test
  void rewritesALoneTabOrOtherSpaceEvenWhenNoRunOfSpacesIsPresent() {
    assertThat(JobNormalizer.collapse("Data\tEngineer")).isEqualTo("Data Engineer");
    assertThat(JobNormalizer.collapse("Data\u00A0Engineer")).isEqualTo("Data\u00A0Engineer");
    assertThat(JobNormalizer.collapse(" Data Engineer ")).isEqualTo("Data Engineer");
    assertThat(JobNormalizer.paragraphs("We build\u00A0things.")).isEqualTo("We build things.");
    assertThat(JobNormalizer.paragraphs("We\u2003build \tthings. ")).isEqualTo("We build things.");
    assertThat(JobNormalizer.paragraphs("  We build things.  ")).isEqualTo("We build things.");
    assertThat(JobNormalizer.paragraphs("   ")).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          https://www.linkedin.com/jobs/view/data-engineer-4096670538?lg=en | https://www.linkedin.com/jobs/view/data-engineer-4096670538
          https://www.linkedin.com/jobs/view/4096670538#top                 | https://www.linkedin.com/jobs/view/4096670538
          https://example.com/a?b=1#c                                       | https://example.com/a
          https://example.com/plain                                         | https://example.com/plain
          ?lg=en                                                            | -
          """)
  void dropsQueryStringAndFragmentFromUrls(String url, String expected) {
    assertThat(JobNormalizer.urlWithoutQuery(url)).isEqualTo(expected);
  }
}
