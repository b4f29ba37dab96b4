package io.trawl.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationParserTest {

  @ParameterizedTest(name = "{0} [{1}] -> {2} / {3} / {4} / {5}")
  @CsvSource(
      nullValues = "-",
      delimiter = ';',
      textBlock =
          """
          # job_location                        ; code; city                  ; region                    ; country       ; iso
          Amsterdam, North Holland, Netherlands ; NL  ; Amsterdam             ; North Holland             ; Netherlands   ; NL
          Rotterdam, Netherlands                ; -   ; Rotterdam             ; -                         ; Netherlands   ; NL
          Netherlands                           ; -   ; -                     ; -                         ; Netherlands   ; NL
          Bronx, NY                             ; US  ; Bronx                 ; NY                        ; United States ; US
          New York, NY                          ; us  ; New York              ; NY                        ; United States ; US
          Atlanta, Georgia                      ; US  ; Atlanta               ; Georgia                   ; United States ; US
          Tbilisi, Georgia                      ; -   ; Tbilisi               ; -                         ; Georgia       ; GE
          '  Utrecht ,  Utrecht , The Netherlands'; - ; Utrecht               ; Utrecht                   ; Netherlands   ; NL
          London, England, United Kingdom       ; GB  ; London                ; England                   ; United Kingdom; GB
          Berlin, Germany                       ; XX  ; Berlin                ; -                         ; Germany       ; DE
          Greater Amsterdam Area                ; NL  ; Greater Amsterdam Area; -                         ; Netherlands   ; NL
          -                                     ; BE  ; -                     ; -                         ; Belgium       ; BE
          Munich, Bavaria, Germany, Europe      ; -   ; Munich                ; 'Bavaria, Germany, Europe'; -             ; -
          """)
  void splitsJobLocationIntoCityRegionAndCountry(
      String jobLocation,
      String countryCode,
      String city,
      String region,
      String country,
      String code) {
    assertThat(LocationParser.parse(jobLocation, countryCode))
        .isEqualTo(new JobLocation(city, region, country, code));
  }

  @Test
  void returnsNullWhenNothingIsKnown() {
    assertThat(LocationParser.parse("  ,  ", null)).isNull();
    assertThat(LocationParser.parse(null, "not-a-code")).isNull();
  }

  @Test
  void keysTheTripleCaseInsensitively() {
    assertThat(LocationParser.parse("amsterdam, NORTH HOLLAND, netherlands", null).key())
        .isEqualTo(LocationParser.parse("Amsterdam, North Holland, Netherlands", "NL").key())
        .isEqualTo("amsterdam|north holland|netherlands");
  }
}
