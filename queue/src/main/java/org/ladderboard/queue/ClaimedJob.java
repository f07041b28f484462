package org.ladderboard.queue;

/**
 * A job this worker holds: every write about it is fenced by {@code attempt}. {@code shots} is its K (0: the dataset
 * as uploaded); a K-shot job draws its demonstrations with {@code fewshotSeed}.
 */
public record ClaimedJob(long id, long submissionId, String ladder, String model, int attempt, int maxAttempts,
                         int examplesTotal, String taskType, int shots, Long fewshotSeed) {
}
