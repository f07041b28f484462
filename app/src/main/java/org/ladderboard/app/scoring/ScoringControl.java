package org.ladderboard.app.scoring;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.audit.AuditLog;
import org.ladderboard.worker.queue.JobQueue;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cancelling and retrying go through the worker's own queue statements, on the app's transaction. */
@Service
public class ScoringControl {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public ScoringControl(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Cancels a submission's unfinished scoring; a worker on it stops at its next heartbeat. */
    @Transactional
    public int cancel(long submissionId, Account actor) {
        audit.record(actor, "submission cancelled", "submission " + submissionId, "");
        return jdbc.execute((ConnectionCallback<Integer>) c -> JobQueue.cancelSubmission(c, submissionId,
                "cancelled by " + actor.getEmail()));
    }

    /** Puts a failed job back in the queue with fresh attempts. */
    @Transactional
    public boolean retry(long jobId) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> JobQueue.retryFailed(c, jobId)));
    }
}
