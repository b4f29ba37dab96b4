package io.trawl.activities.jobs.store;

import java.time.Instant;

/**
 * One retired job, as {@code trawl jobs inactive} lists it.
 *
 * @param jobPostingId the provider's posting id
 * @param title the job title
 * @param company the company name, null when the posting had none
 * @param place "city, country" of the posting, empty when unknown
 * @param lastQuery the search it was last seen under
 * @param lastLocation that search's location
 * @param lastSeenAt when a scrape last saw it
 * @param inactiveSince when the lifecycle run retired it
 */
public record InactiveJobRow(
    String jobPostingId,
    String title,
    String company,
    String place,
    String lastQuery,
    String lastLocation,
    Instant lastSeenAt,
    Instant inactiveSince) {}
