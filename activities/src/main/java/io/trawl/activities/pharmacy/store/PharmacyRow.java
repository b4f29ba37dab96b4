package io.trawl.activities.pharmacy.store;

import java.math.BigDecimal;

/**
 * One pharmacy as {@code pharmacy list} and {@code pharmacy export} print it: the original's CSV.
 */
public record PharmacyRow(
    String name,
    String address,
    String city,
    String state,
    String postalCode,
    String phone,
    String website,
    String placeId,
    String classification,
    Boolean isChain,
    Boolean isCompounding,
    Boolean isVeterinary,
    BigDecimal confidence,
    Boolean verified,
    BigDecimal verificationConfidence,
    String businessStatus) {}
