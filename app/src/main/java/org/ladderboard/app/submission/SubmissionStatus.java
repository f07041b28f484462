package org.ladderboard.app.submission;

/** VALIDATED → QUEUED → SCORING → SCORED, or FAILED / CANCELLED. */
public enum SubmissionStatus {
    VALIDATED, QUEUED, SCORING, SCORED, FAILED, CANCELLED;

    /** Still waiting for or in scoring: can be cancelled, and its page keeps polling. */
    public boolean isActive() {
        return this == VALIDATED || this == QUEUED || this == SCORING;
    }
}
