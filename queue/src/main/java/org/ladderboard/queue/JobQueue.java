package org.ladderboard.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.ladderboard.fewshot.FewShot;
import org.ladderboard.ladder.Ladder;

/**
 * The one owner of a scoring job's life and of a submission's status from the moment it is validated: the web app
 * (enqueue, cancel, retry, score again) and the workers (claim, heartbeat, finish, fail, reap) both change them only
 * through this class, which runs the named statements of {@code queue.sql}. PostgreSQL is the queue: jobs are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, held under a lease that heartbeats renew, and every write names the
 * attempt it was claimed under, so a worker whose lease was taken over changes nothing. docs/database.md describes
 * the states.
 *
 * <p>Methods that take a {@link Connection} run on the caller's transaction (the web app's); the others open their
 * own.
 */
public final class JobQueue {

    /** Worker deaths without a stored score a job may cause before it fails as the likely cause. */
    public static final int SILENT_DEATHS_BEFORE_FAILING = 5;

    private final DataSource db;

    public JobQueue(DataSource db) {
        this.db = db;
    }

    // ---- the web app's side ------------------------------------------------------------------------------------

    /**
     * Creates one job per model of every ladder and K of the round's few-shot sweep (K = 0 always; idempotent per
     * model and K) and, when any was created, moves the validated submission to QUEUED; returns how many jobs were
     * created.
     */
    public int enqueue(Connection c, long submissionId, List<Ladder> ladders, int examples) throws SQLException {
        int created = createJobs(c, submissionId, ladders, examples);
        if (created > 0) {
            update(c, "queue_submission", submissionId, created + " scoring job(s) on "
                    + String.join(", ", ladders.stream().map(Ladder::name).toList()));
        }
        return created;
    }

    /** Cancels a submission's unfinished jobs and the submission; a worker holding one stops at its next heartbeat. */
    public int cancel(Connection c, long submissionId, String note) throws SQLException {
        int jobs = update(c, "cancel_jobs", submissionId);
        update(c, "cancel_attempts", submissionId);
        update(c, "cancel_submission", submissionId, note);
        return jobs;
    }

    /** An organizer's retry of a failed job: back to the queue with fresh attempts; false when it is not failed. */
    public boolean retryFailed(Connection c, long jobId) throws SQLException {
        Long submissionId;
        try (PreparedStatement ps = prepare(c, "retry_failed_job", jobId); ResultSet rs = ps.executeQuery()) {
            submissionId = rs.next() ? rs.getLong(1) : null;
        }
        if (submissionId == null) {
            return false;
        }
        update(c, "requeue_retried_submission", submissionId, submissionId);
        return true;
    }

    /**
     * Scores a scored or failed submission again on {@code ladders} (after a ladder changed, say): its jobs, scores,
     * aggregates and curves are dropped and one job per model and K of the round's sweep is queued. False, changing nothing, for a submission
     * in any other state.
     */
    public boolean rescore(Connection c, long submissionId, List<Ladder> ladders, int examples, long actorId)
            throws SQLException {
        if (update(c, "requeue_rescored_submission", submissionId, actorId) == 0) {
            return false;
        }
        update(c, "drop_jobs_and_results", submissionId, submissionId, submissionId, submissionId);
        createJobs(c, submissionId, ladders, examples);
        return true;
    }

    private static int createJobs(Connection c, long submissionId, List<Ladder> ladders, int examples)
            throws SQLException {
        int created = 0;
        for (Ladder ladder : ladders) {
            for (Ladder.Rung model : ladder.rungs()) {
                created += update(c, "create_job", ladder.name(), model.name(), model.parameters(), examples,
                        FewShot.DEFAULT_SEED, submissionId);
            }
        }
        return created;
    }

    /**
     * After the round's few-shot sweep (its K's or its seed) was changed in {@code c}'s transaction: the K > 0 jobs
     * it no longer asks for (or drew with another seed) go, with their scores, aggregates and curves, and every live
     * submission of the round (queued, scoring or scored) gets a job per model for each K it lacks. A scored
     * submission stays scored (its zero-shot results stand) while its new K's are scored; a submission whose last
     * unfinished jobs were dropped moves on (to SCORED: its curves are then computed by the backfill). Returns how
     * many jobs were created.
     */
    public int applySweep(Connection c, long roundId) throws SQLException {
        List<Long> touched = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, "drop_stale_sweep_jobs", roundId, FewShot.DEFAULT_SEED);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                touched.add(rs.getLong(1));
            }
        }
        int created = update(c, "create_sweep_jobs", FewShot.DEFAULT_SEED, roundId);
        for (long submissionId : touched) {
            update(c, "follow_jobs", submissionId, "few-shot sweep changed");
        }
        return created;
    }

    // ---- the workers' side -------------------------------------------------------------------------------------

    /**
     * Claims the next job: of {@code preferredModel} when it has one waiting, otherwise of the smallest model with
     * work; within a model, contestants take turns (see {@code claim_job}).
     */
    public Optional<ClaimedJob> claim(String worker, int leaseSeconds, String preferredLadder, String preferredModel)
            throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Optional<ClaimedJob> job;
            try (PreparedStatement ps = prepare(c, "claim_job", preferredModel, preferredLadder, preferredModel, worker,
                    leaseSeconds); ResultSet rs = ps.executeQuery()) {
                job = rs.next() ? Optional.of(new ClaimedJob(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getInt(9),
                        (Long) rs.getObject(10))) : Optional.empty();
            }
            if (job.isPresent()) {
                update(c, "start_attempt", job.get().id(), job.get().attempt(), worker);
                update(c, "follow_jobs", job.get().submissionId(), "scoring started");
            }
            c.commit();
            return job;
        }
    }

    /**
     * Renews the lease and records progress; false when the job is no longer this worker's (cancelled, or its lease
     * expired and was taken over), which tells the worker to stop.
     */
    public boolean heartbeat(ClaimedJob job, String worker, int leaseSeconds, int examplesDone, Double examplesPerSecond,
                             Double modelLoadSeconds) throws SQLException {
        try (Connection c = db.getConnection()) {
            return update(c, "heartbeat_job", leaseSeconds, examplesDone, examplesPerSecond, modelLoadSeconds, job.id(),
                    job.attempt(), worker) == 1;
        }
    }

    /**
     * Marks the job done inside the caller's fenced transaction (after its results are written), with its final
     * throughput, which a job shorter than one heartbeat would otherwise never report.
     */
    void markDone(Connection c, ClaimedJob job, Double examplesPerSecond, Double modelLoadSeconds) throws SQLException {
        update(c, "mark_job_done", examplesPerSecond, modelLoadSeconds, job.id(), job.attempt());
        update(c, "end_attempt", "DONE", null, job.id(), job.attempt());
        update(c, "follow_jobs", job.submissionId(), "all models scored");
    }

    /** A data error or an internal fault: fails at once, not retried; the message is shown to the contestant. */
    public void fail(ClaimedJob job, String worker, ErrorKind kind, String message) throws SQLException {
        inFencedTransaction(job, worker, c -> {
            update(c, "fail_job", kind.name(), message, job.id(), job.attempt());
            update(c, "end_attempt", "FAILED", message, job.id(), job.attempt());
            update(c, "follow_jobs", job.submissionId(), message);
        });
    }

    /** An infrastructure error: back to the queue after an exponential backoff, or failed at the attempt limit. */
    public void retryOrFail(ClaimedJob job, String worker, String message, int backoffSeconds) throws SQLException {
        inFencedTransaction(job, worker, c -> {
            boolean last = job.attempt() >= job.maxAttempts();
            update(c, "retry_or_fail_job", message, backoffSeconds, job.id(), job.attempt());
            update(c, "end_attempt", last ? "FAILED" : "RETRY", message, job.id(), job.attempt());
            update(c, "follow_jobs", job.submissionId(), last ? "scoring failed: " + message : "scoring will be retried");
        });
    }

    /** Graceful shutdown: the job goes back to the queue at once, and the release does not count as an attempt. */
    public void release(ClaimedJob job, String worker) throws SQLException {
        inFencedTransaction(job, worker, c -> {
            update(c, "release_job", job.id(), job.attempt());
            update(c, "end_attempt", "RELEASED", "worker shut down", job.id(), job.attempt());
        });
    }

    /**
     * Re-queues jobs whose lease expired (their worker died or hung), or fails them at the attempt limit. A dead worker
     * is usually not the job's fault (a deploy, the OOM killer, a lost machine), so an attempt that stored scores
     * before it died does not use up an attempt. Only a job whose workers keep dying before storing anything (one
     * that crashes its worker, say) fails, after {@value #SILENT_DEATHS_BEFORE_FAILING} such deaths.
     */
    public int reapExpiredLeases() throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            update(c, "spare_expired_jobs", SILENT_DEATHS_BEFORE_FAILING - 1);
            List<long[]> reaped = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, "reap_expired_jobs"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reaped.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
            }
            for (long[] r : reaped) {
                update(c, "end_expired_attempt", r[0], (int) r[1]);
                update(c, "follow_jobs", r[2], "a worker stopped answering; the job was re-queued");
            }
            c.commit();
            return reaped.size();
        }
    }

    /** Announces or refreshes this worker for the organizer's status page. */
    public void workerHeartbeat(String worker, String host, Long jobId, String model, Double examplesPerSecond)
            throws SQLException {
        try (Connection c = db.getConnection()) {
            update(c, "worker_heartbeat", worker, host, jobId, model, examplesPerSecond);
        }
    }

    public void workerStopped(String worker) throws SQLException {
        try (Connection c = db.getConnection()) {
            update(c, "worker_stopped", worker);
        }
    }

    /** Work done in one transaction that holds the job's row, and only while this worker still holds the job. */
    interface FencedWork {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} fenced: the job's row is locked for the transaction while this worker still holds it, so the
     * reaper or another worker must wait for it and cannot be overtaken by it. False (and nothing written) when the
     * job is no longer this worker's.
     */
    boolean inFencedTransaction(ClaimedJob job, String worker, FencedWork work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean held;
                try (PreparedStatement ps = prepare(c, "hold_job", job.id(), job.attempt(), worker);
                     ResultSet rs = ps.executeQuery()) {
                    held = rs.next();
                }
                if (!held) {
                    c.rollback();
                    return false;
                }
                work.run(c);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Prepares the named statement of {@code queue.sql} with {@code params} bound in order. */
    static PreparedStatement prepare(Connection c, String statement, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(QueueSql.named(statement));
        try {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    static int update(Connection c, String statement, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, statement, params)) {
            return ps.executeUpdate();
        }
    }
}
