package org.ladderboard.app.scoring;

import java.util.ArrayList;
import java.util.List;

import org.ladderboard.app.round.VisibleLadders;
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

    /** The jobs as this viewer may see them: the jobs of private ladders as one line ({@link #shownJobs}). */
    public List<Job> jobsOf(long submissionId, VisibleLadders shown) {
        return shownJobs(jobs.jobsOf(submissionId), shown).stream()
                .map(j -> new Job(j.id(), j.ladder(), j.model(), j.modelParameters(), j.status(), j.attempt(),
                        j.examplesDone(), j.examplesTotal(), shown.scrub(j.errorMessage()), j.shots()))
                .toList();
    }

    /** What the one line standing for the private ladders' jobs is called. */
    public static final String PRIVATE_JOBS_LADDER = "private";
    public static final String PRIVATE_JOBS_MODEL = "private models";

    /**
     * The jobs of the ladders this viewer may see, and, when private ladders have jobs, one line (job id 0) in their
     * place that says how far they are without naming a ladder or model or how many there are: the least finished
     * status among them, and the share of their work done scaled to the submission's examples. Without it a
     * contestant would see every job done and the submission still scoring.
     */
    static List<ScoringJobRepository.JobRow> shownJobs(List<ScoringJobRepository.JobRow> all, VisibleLadders shown) {
        List<ScoringJobRepository.JobRow> out = new ArrayList<>(shown.filter(all, ScoringJobRepository.JobRow::ladder));
        List<ScoringJobRepository.JobRow> hidden = all.stream().filter(j -> !shown.shows(j.ladder())).toList();
        if (hidden.isEmpty()) {
            return out;
        }
        long done = hidden.stream().mapToLong(ScoringJobRepository.JobRow::examplesDone).sum();
        long total = hidden.stream().mapToLong(ScoringJobRepository.JobRow::examplesTotal).sum();
        int examples = hidden.stream().mapToInt(ScoringJobRepository.JobRow::examplesTotal).max().orElse(0);
        int shownDone = total == 0 ? 0 : (int) (done * examples / total);
        out.add(new ScoringJobRepository.JobRow(0, PRIVATE_JOBS_LADDER, PRIVATE_JOBS_MODEL, 0, leastFinished(hidden), 1,
                shownDone, examples, null, null, null, 0, null));
        return out;
    }

    private static String leastFinished(List<ScoringJobRepository.JobRow> jobs) {
        List<String> statuses = jobs.stream().map(ScoringJobRepository.JobRow::status).toList();
        for (String status : List.of("FAILED", "RUNNING", "QUEUED", "CANCELLED")) {
            if (statuses.contains(status)) {
                return status;
            }
        }
        return "DONE";
    }
}
