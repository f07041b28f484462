package org.ladderboard.app.scoring;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The scoring queue's jobs as the submission page shows them. Jobs are created and changed only through
 * {@link ScoringControl} (the web app) and the workers, both by the queue's own statements; docs/database.md is the
 * contract.
 */
@Service
public class ScoringQueue {

    /** A job as the submission page shows it. */
    public record Job(long id, String ladder, String model, long modelParameters, String status, int attempt,
                      int examplesDone, int examplesTotal, String errorMessage, int shots) {

        /** The same job with its error message as this viewer may read it. */
        public Job withError(String message) {
            return new Job(id, ladder, model, modelParameters, status, attempt, examplesDone, examplesTotal, message, shots);
        }

        public int percentDone() {
            return examplesTotal == 0 ? 0 : (int) (100L * examplesDone / examplesTotal);
        }
    }

    private final ScoringJobRepository jobs;

    ScoringQueue(ScoringJobRepository jobs) {
        this.jobs = jobs;
    }

    public List<Job> jobsOf(long submissionId) {
        return jobs.jobsOf(submissionId).stream()
                .map(j -> new Job(j.id(), j.ladder(), j.model(), j.modelParameters(), j.status(), j.attempt(),
                        j.examplesDone(), j.examplesTotal(), j.errorMessage(), j.shots()))
                .toList();
    }
}
