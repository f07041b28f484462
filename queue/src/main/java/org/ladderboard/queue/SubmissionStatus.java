package org.ladderboard.queue;

/**
 * A submission's status: VALIDATED → QUEUED → SCORING → SCORED, or FAILED / CANCELLED. The upload stores it
 * VALIDATED; every later change is one of {@link JobQueue}'s statements (docs/database.md draws the machine).
 */
public enum SubmissionStatus {
    VALIDATED, QUEUED, SCORING, SCORED, FAILED, CANCELLED;

    /** Still waiting for or in scoring: can be cancelled, and its page keeps polling. */
    public boolean isActive() {
        return this == VALIDATED || this == QUEUED || this == SCORING;
    }
}
