package io.trawl.sandbox.brightdata;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One validated trigger input.
 *
 * @param keyword the search keyword ("" when unset)
 * @param location the search location (required by the provider)
 * @param country the country code ("" when unset)
 * @param rangeDays days the time_range covers; {@link JobUniverse#ANY_TIME_DAYS} for "Any time"
 * @param raw the input object exactly as received, echoed back as {@code discovery_input}
 */
record DiscoveryInput(
    String keyword, String location, String country, int rangeDays, ObjectNode raw) {}
