package org.ladderboard.app.submission;

/** VALIDATED → QUEUED → SCORING → SCORED, or FAILED / CANCELLED. */
public enum SubmissionStatus {
    VALIDATED, QUEUED, SCORING, SCORED, FAILED, CANCELLED
}
