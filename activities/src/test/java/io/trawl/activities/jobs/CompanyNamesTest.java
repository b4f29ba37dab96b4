package io.trawl.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyNamesTest {

  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          # raw name             ; display name     ; key
          Adyen N.V.             ; Adyen            ; adyen
          ADYEN                  ; ADYEN            ; adyen
          '  Booking.com   B.V. '; Booking.com      ; booking com
          ING Bank NV            ; ING Bank         ; ing bank
          Siemens AG             ; Siemens          ; siemens
          Zalando SE             ; Zalando          ; zalando
          Robert Bosch GmbH      ; Robert Bosch     ; robert bosch
          Acme GmbH & Co. KG     ; Acme             ; acme
          'Acme, Inc.'           ; Acme             ; acme
          Google LLC             ; Google           ; google
          Deloitte Ltd           ; Deloitte         ; deloitte
          'Foxconn Co., Ltd.'    ; Foxconn          ; foxconn
          Telefónica S.A.        ; Telefónica       ; telefonica
          Spotify AB             ; Spotify          ; spotify
          ASML Holding N.V.      ; ASML Holding     ; asml holding
          Société Générale       ; Société Générale ; societe generale
          H&M                    ; H&M              ; h m
          Inc.                   ; Inc.             ; inc
          Bvlgari                ; Bvlgari          ; bvlgari
          Navara                 ; Navara           ; navara
          """)
  void stripsLegalSuffixesAndFoldsTheKey(String raw, String display, String key) {
    assertThat(CompanyNames.displayName(raw)).isEqualTo(display);
    assertThat(CompanyNames.key(raw)).isEqualTo(key);
  }

  @Test
  void returnsNullForABlankName() {
    assertThat(CompanyNames.displayName("   ")).isNull();
    assertThat(CompanyNames.key(null)).isNull();
  }
}
