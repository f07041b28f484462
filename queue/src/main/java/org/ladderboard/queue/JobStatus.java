package org.ladderboard.queue;

/**
 * A scoring job's status: QUEUED → RUNNING → DONE, FAILED or CANCELLED; RUNNING → QUEUED again on a retry, a
 * graceful release or a lapsed lease, FAILED → QUEUED on an organizer's retry. Only {@link JobQueue} changes it.
 */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED
}
