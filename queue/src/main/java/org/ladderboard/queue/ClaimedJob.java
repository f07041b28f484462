package org.ladderboard.queue;

/** A job this worker holds: every write about it is fenced by {@code attempt}. */
public record ClaimedJob(long id, long submissionId, String ladder, String model, int attempt, int maxAttempts,
                         int examplesTotal, String taskType) {
}
