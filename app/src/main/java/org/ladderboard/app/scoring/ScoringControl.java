package org.ladderboard.app.scoring;

import java.util.List;
import java.util.Objects;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.audit.AuditLog;
import org.ladderboard.app.submission.Submission;
import org.ladderboard.app.submission.SubmissionRepository;
import org.ladderboard.ladder.Ladder;
import org.ladderboard.queue.JobQueue;
import org.ladderboard.queue.SubmissionStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The web app's way into the scoring queue: enqueueing, cancelling, retrying and scoring again all go through the
 * same {@link JobQueue} the workers use, on the app's transaction ({@link ScoringJobRepository}), so a submission's
 * status and a job's life have one owner.
 */
@Service
public class ScoringControl {

    private final ScoringJobRepository jobs;
    private final SubmissionRepository submissions;
    private final AuditLog audit;

    ScoringControl(ScoringJobRepository jobs, SubmissionRepository submissions, AuditLog audit) {
        this.jobs = jobs;
        this.submissions = submissions;
        this.audit = audit;
    }

    /** Queues one job per model of {@code ladders} for a just-validated submission; returns how many. */
    @Transactional
    public int enqueue(long submissionId, List<Ladder> ladders, int examples) {
        return jobs.enqueue(submissionId, ladders, examples);
    }

    /**
     * Cancels a submission's unfinished scoring; a worker on it stops at its next heartbeat. The history says who in
     * words judges may read: the author or an organizer, never an address.
     */
    @Transactional
    public int cancel(long submissionId, Account actor) {
        audit.record(actor, "submission cancelled", "submission " + submissionId, "");
        boolean byAuthor = submissions.findById(submissionId)
                .map(s -> Objects.equals(s.getAccount().getId(), actor.getId())).orElse(false);
        String note = byAuthor ? "cancelled by the author" : "cancelled by an organizer";
        return jobs.cancel(submissionId, note);
    }

    /** Puts a failed job back in the queue with fresh attempts, audited; false when the job is not failed. */
    @Transactional
    public boolean retry(long jobId, Account actor) {
        boolean retried = jobs.retryFailed(jobId);
        if (retried) {
            audit.record(actor, "job retried", "job " + jobId, "");
        }
        return retried;
    }

    /**
     * After a round's few-shot sweep was changed (and flushed) in this transaction: the queue follows it, see
     * {@link JobQueue#applySweep}. Returns how many jobs were queued.
     */
    @Transactional
    public int applySweep(long roundId) {
        return jobs.applySweep(roundId);
    }

    /**
     * Scores every scored or failed submission of the round again on {@code ladders} (after a ladder changed, say):
     * their scores, aggregates and curves are dropped and one job per model is queued. Returns how many.
     */
    @Transactional
    public int rescoreRound(long roundId, List<Ladder> ladders, Account actor) {
        int rescored = 0;
        for (Submission s : submissions.findByRound_IdAndStatusIn(roundId,
                List.of(SubmissionStatus.SCORED, SubmissionStatus.FAILED))) {
            if (jobs.rescore(s.getId(), ladders, s.getExampleCount(), actor.getId())) {
                rescored++;
            }
        }
        return rescored;
    }
}
