-- Moves one run's deduplicated batch (temp table job_batch) into jobs in one statement.
--   * new postings are inserted;
--   * postings seen before always get last_seen_at, last_run_id and the search moved, and are
--     reactivated (is_active true, inactive_since cleared);
--   * their content columns are rewritten only when content_hash changed;
--   * posted_at/posted_text keep the first sighting (the provider derives them from a relative
--     text, and the earliest sighting is the most precise); num_applicants always takes the
--     newest count.
-- The counts come from the statement itself: xmax = 0 marks a row this statement inserted, and
-- prior (read in the same snapshot, before the upsert) holds the hashes to compare against.
-- Parameters: run id, run id, query, location.
WITH prior AS (
    SELECT j.job_posting_id, j.content_hash
    FROM jobs j
    JOIN job_batch b ON b.job_posting_id = j.job_posting_id
),
upserted AS (
    INSERT INTO jobs AS j (
        job_posting_id, title, company_id, location_id, url, summary, seniority,
        employment_type, job_function, industries, posted_at, posted_text, num_applicants,
        apply_link, salary_min, salary_max, salary_currency, salary_period, content_hash,
        first_run_id, last_run_id, last_query, last_location)
    SELECT b.job_posting_id, b.title, c.id, l.id, b.url, b.summary, b.seniority,
           b.employment_type, b.job_function, b.industries, b.posted_at, b.posted_text,
           b.num_applicants, b.apply_link, b.salary_min, b.salary_max, b.salary_currency,
           b.salary_period, b.content_hash,
           ?, ?, ?, ?
    FROM job_batch b
    LEFT JOIN companies c ON c.name_key = b.company_key
    LEFT JOIN locations l ON l.location_key = b.location_key
    -- A fixed row order keeps two concurrent ingests from locking rows in opposite orders.
    ORDER BY b.job_posting_id
    ON CONFLICT (job_posting_id) DO UPDATE SET
        title           = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.title           ELSE EXCLUDED.title           END,
        company_id      = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.company_id      ELSE EXCLUDED.company_id      END,
        location_id     = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.location_id     ELSE EXCLUDED.location_id     END,
        url             = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.url             ELSE EXCLUDED.url             END,
        summary         = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.summary         ELSE EXCLUDED.summary         END,
        seniority       = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.seniority       ELSE EXCLUDED.seniority       END,
        employment_type = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.employment_type ELSE EXCLUDED.employment_type END,
        job_function    = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.job_function    ELSE EXCLUDED.job_function    END,
        industries      = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.industries      ELSE EXCLUDED.industries      END,
        apply_link      = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.apply_link      ELSE EXCLUDED.apply_link      END,
        salary_min      = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.salary_min      ELSE EXCLUDED.salary_min      END,
        salary_max      = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.salary_max      ELSE EXCLUDED.salary_max      END,
        salary_currency = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.salary_currency ELSE EXCLUDED.salary_currency END,
        salary_period   = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.salary_period   ELSE EXCLUDED.salary_period   END,
        content_updated_at = CASE WHEN j.content_hash = EXCLUDED.content_hash THEN j.content_updated_at ELSE now() END,
        content_hash    = EXCLUDED.content_hash,
        posted_at       = COALESCE(j.posted_at, EXCLUDED.posted_at),
        posted_text     = CASE WHEN j.posted_at IS NULL THEN EXCLUDED.posted_text ELSE j.posted_text END,
        num_applicants  = COALESCE(EXCLUDED.num_applicants, j.num_applicants),
        last_seen_at    = now(),
        last_run_id     = EXCLUDED.last_run_id,
        last_query      = EXCLUDED.last_query,
        last_location   = EXCLUDED.last_location,
        is_active       = true,
        inactive_since  = NULL
    RETURNING j.job_posting_id, j.content_hash, (j.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE u.inserted)     AS inserted,
       count(*) FILTER (WHERE NOT u.inserted) AS seen_again,
       count(*) FILTER (WHERE NOT u.inserted AND p.content_hash IS DISTINCT FROM u.content_hash)
                                              AS changed
FROM upserted u
LEFT JOIN prior p ON p.job_posting_id = u.job_posting_id
