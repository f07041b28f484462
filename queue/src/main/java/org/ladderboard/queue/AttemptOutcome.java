package org.ladderboard.queue;

/** How one claim of a job ended ({@code scoring_job_attempt.outcome}; null while it runs). */
public enum AttemptOutcome {
    DONE, FAILED, RETRY, EXPIRED, CANCELLED, RELEASED
}
