package org.ladderboard.worker.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * All of the scoring queue's SQL, one readable statement per state change. PostgreSQL is the queue: jobs are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, held under a lease that heartbeats renew, and every write names the
 * attempt it was claimed under, so a worker whose lease was taken over changes nothing. docs/database.md describes
 * the states.
 */
public final class JobQueue {

    /** Worker deaths without a stored score a job may cause before it fails as the likely cause. */
    public static final int SILENT_DEATHS_BEFORE_FAILING = 5;


    private final DataSource db;

    public JobQueue(DataSource db) {
        this.db = db;
    }

    /**
     * Claims the next job: of {@code preferredModel} when it has one waiting (so a loaded model keeps streaming
     * work), otherwise of the smallest model with work (a bad dataset then fails on the cheap model first). Within a
     * model, contestants take turns: the job goes to the contestant whose last job of that model started longest
     * ago (or never), so one who queues fifty submissions does not hold back one who queues one afterwards.
     */
    public Optional<ClaimedJob> claim(String worker, int leaseSeconds, String preferredLadder, String preferredModel)
            throws SQLException {
        String sql = """
                with served as (
                    -- when each contestant last had a job of each model started
                    select s.account_id, j.ladder, j.model, max(j.started_at) as last_started
                    from scoring_job j join submission s on s.id = j.submission_id
                    where j.started_at is not null
                    group by s.account_id, j.ladder, j.model),
                next as (
                    select j.id from scoring_job j join submission s on s.id = j.submission_id
                      left join served v on v.account_id = s.account_id and v.ladder = j.ladder and v.model = j.model
                    where j.status = 'QUEUED' and j.run_after <= now()
                      and (cast(? as varchar) is null or (j.ladder = ? and j.model = ?))
                    order by j.model_parameters, v.last_started nulls first, j.id
                    for update of j skip locked
                    limit 1)
                update scoring_job j
                set status = 'RUNNING', attempt = j.attempt + 1, lease_owner = ?,
                    lease_expires_at = now() + make_interval(secs => ?), heartbeat_at = now(),
                    started_at = coalesce(j.started_at, now()), updated_at = now(), examples_per_second = null
                from next, submission s
                where j.id = next.id and s.id = j.submission_id
                returning j.id, j.submission_id, j.ladder, j.model, j.attempt, j.max_attempts, j.examples_total, s.task_type""";
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Optional<ClaimedJob> job;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, preferredModel);
                ps.setString(2, preferredLadder);
                ps.setString(3, preferredModel);
                ps.setString(4, worker);
                ps.setInt(5, leaseSeconds);
                try (ResultSet rs = ps.executeQuery()) {
                    job = rs.next() ? Optional.of(new ClaimedJob(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8))) : Optional.empty();
                }
            }
            if (job.isPresent()) {
                update(c, "insert into scoring_job_attempt (job_id, attempt, worker) values (?, ?, ?)",
                        job.get().id(), job.get().attempt(), worker);
                refreshSubmission(c, job.get().submissionId(), "scoring started");
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
            return update(c, """
                    update scoring_job
                    set lease_expires_at = now() + make_interval(secs => ?), heartbeat_at = now(), updated_at = now(),
                        examples_done = ?, examples_per_second = ?, model_load_seconds = coalesce(?, model_load_seconds)
                    where id = ? and attempt = ? and status = 'RUNNING' and lease_owner = ?""",
                    leaseSeconds, examplesDone, examplesPerSecond, modelLoadSeconds, job.id(), job.attempt(), worker) == 1;
        }
    }

    /**
     * Locks the job's row for the rest of {@code c}'s transaction if this worker still holds it. Writes made in that
     * transaction are fenced: the reaper or another worker must wait for it, and cannot be overtaken by it.
     */
    public static boolean holds(Connection c, ClaimedJob job, String worker) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select 1 from scoring_job
                where id = ? and attempt = ? and status = 'RUNNING' and lease_owner = ?
                for share""")) {
            ps.setLong(1, job.id());
            ps.setInt(2, job.attempt());
            ps.setString(3, worker);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Marks the job done inside the caller's fenced transaction (after its results are written), with its final
     * throughput, which a job shorter than one heartbeat would otherwise never report.
     */
    public static void markDone(Connection c, ClaimedJob job, Double examplesPerSecond, Double modelLoadSeconds)
            throws SQLException {
        update(c, """
                update scoring_job
                set status = 'DONE', examples_done = examples_total, finished_at = now(), updated_at = now(),
                    lease_owner = null, lease_expires_at = null, error_kind = null, error_message = null,
                    examples_per_second = coalesce(?, examples_per_second),
                    model_load_seconds = coalesce(?, model_load_seconds)
                where id = ? and attempt = ?""", examplesPerSecond, modelLoadSeconds, job.id(), job.attempt());
        endAttempt(c, job, "DONE", null);
        refreshSubmission(c, job.submissionId(), "all models scored");
    }

    /** A data error or an internal fault: fails at once, not retried; the message is shown to the contestant. */
    public void fail(ClaimedJob job, String worker, ErrorKind kind, String message) throws SQLException {
        inFencedTransaction(job, worker, c -> {
            update(c, """
                    update scoring_job
                    set status = 'FAILED', error_kind = ?, error_message = ?, finished_at = now(), updated_at = now(),
                        lease_owner = null, lease_expires_at = null
                    where id = ? and attempt = ?""", kind.name(), message, job.id(), job.attempt());
            endAttempt(c, job, "FAILED", message);
            refreshSubmission(c, job.submissionId(), message);
        });
    }

    /** An infrastructure error: back to the queue after an exponential backoff, or failed at the attempt limit. */
    public void retryOrFail(ClaimedJob job, String worker, String message, int backoffSeconds) throws SQLException {
        inFencedTransaction(job, worker, c -> {
            boolean last = job.attempt() >= job.maxAttempts();
            update(c, """
                    update scoring_job
                    set status = case when attempt >= max_attempts then 'FAILED' else 'QUEUED' end,
                        error_kind = 'INFRASTRUCTURE', error_message = ?,
                        run_after = now() + make_interval(secs => ? * power(2, attempt - 1)),
                        finished_at = case when attempt >= max_attempts then now() end, updated_at = now(),
                        lease_owner = null, lease_expires_at = null
                    where id = ? and attempt = ?""", message, backoffSeconds, job.id(), job.attempt());
            endAttempt(c, job, last ? "FAILED" : "RETRY", message);
            refreshSubmission(c, job.submissionId(), last ? "scoring failed: " + message : "scoring will be retried");
        });
    }

    /** Graceful shutdown: the job goes back to the queue at once, and the release does not count as an attempt. */
    public void release(ClaimedJob job, String worker) throws SQLException {
        inFencedTransaction(job, worker, c -> {
            update(c, """
                    update scoring_job
                    set status = 'QUEUED', max_attempts = max_attempts + 1, run_after = now(), updated_at = now(),
                        lease_owner = null, lease_expires_at = null
                    where id = ? and attempt = ?""", job.id(), job.attempt());
            endAttempt(c, job, "RELEASED", "worker shut down");
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
            update(c, """
                    update scoring_job j set max_attempts = j.max_attempts + 1
                    where j.status = 'RUNNING' and j.lease_expires_at < now() and j.attempt >= j.max_attempts
                      and (exists (select 1 from example_score s where s.job_id = j.id and s.attempt = j.attempt)
                           or (select count(*) from scoring_job_attempt a where a.job_id = j.id and a.outcome = 'EXPIRED'
                                 and not exists (select 1 from example_score s where s.job_id = j.id and s.attempt = a.attempt)) < ?)""",
                    SILENT_DEATHS_BEFORE_FAILING - 1);
            List<long[]> reaped = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    update scoring_job
                    set status = case when attempt >= max_attempts then 'FAILED' else 'QUEUED' end,
                        error_kind = case when attempt >= max_attempts then 'INFRASTRUCTURE' else error_kind end,
                        error_message = case when attempt >= max_attempts
                            then 'the worker scoring it stopped answering (' || attempt || ' attempts)' else error_message end,
                        finished_at = case when attempt >= max_attempts then now() end,
                        run_after = now(), updated_at = now(), lease_owner = null, lease_expires_at = null
                    where status = 'RUNNING' and lease_expires_at < now()
                    returning id, attempt, submission_id""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reaped.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
            }
            for (long[] r : reaped) {
                update(c, "update scoring_job_attempt set outcome = 'EXPIRED', ended_at = now(), error = 'lease expired' "
                        + "where job_id = ? and attempt = ?", r[0], (int) r[1]);
                refreshSubmission(c, r[2], "a worker stopped answering; the job was re-queued");
            }
            c.commit();
            return reaped.size();
        }
    }

    /** Cancels a submission's unfinished jobs; a worker holding one stops at its next heartbeat. */
    public static int cancelSubmission(Connection c, long submissionId, String note) throws SQLException {
        int jobs = update(c, """
                update scoring_job
                set status = 'CANCELLED', updated_at = now(), finished_at = now(), lease_owner = null, lease_expires_at = null
                where submission_id = ? and status in ('QUEUED', 'RUNNING')""", submissionId);
        update(c, """
                update scoring_job_attempt a set outcome = 'CANCELLED', ended_at = now()
                from scoring_job j
                where j.id = a.job_id and j.submission_id = ? and a.outcome is null""", submissionId);
        update(c, """
                with changed as (
                    update submission set status = 'CANCELLED', updated_at = now()
                    where id = ? and status in ('VALIDATED', 'QUEUED', 'SCORING') returning id)
                insert into submission_event (submission_id, status, note) select id, 'CANCELLED', ? from changed""",
                submissionId, note);
        return jobs;
    }

    /** An organizer's retry of a failed job: back to the queue with a fresh set of attempts. */
    public static boolean retryFailed(Connection c, long jobId) throws SQLException {
        long[] submission = new long[1];
        try (PreparedStatement ps = c.prepareStatement("""
                update scoring_job
                set status = 'QUEUED', max_attempts = attempt + 3, run_after = now(), updated_at = now(),
                    finished_at = null, error_kind = null, error_message = null
                where id = ? and status = 'FAILED' returning submission_id""")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                submission[0] = rs.getLong(1);
            }
        }
        update(c, """
                with changed as (
                    update submission set status = 'QUEUED', updated_at = now()
                    where id = ? and status = 'FAILED'
                      and not exists (select 1 from scoring_job where submission_id = ? and status = 'FAILED')
                    returning id)
                insert into submission_event (submission_id, status, note) select id, 'QUEUED', 'failed job re-queued' from changed""",
                submission[0], submission[0]);
        return true;
    }

    /** Announces or refreshes this worker for the organizer's status page. */
    public void workerHeartbeat(String worker, String host, Long jobId, String model, Double examplesPerSecond)
            throws SQLException {
        try (Connection c = db.getConnection()) {
            update(c, """
                    insert into scoring_worker (id, host, heartbeat_at, current_job_id, current_model, examples_per_second)
                    values (?, ?, now(), ?, ?, ?)
                    on conflict (id) do update set heartbeat_at = now(), current_job_id = excluded.current_job_id,
                        current_model = excluded.current_model, examples_per_second = excluded.examples_per_second,
                        stopped_at = null""", worker, host, jobId, model, examplesPerSecond);
        }
    }

    public void workerStopped(String worker) throws SQLException {
        try (Connection c = db.getConnection()) {
            update(c, "update scoring_worker set stopped_at = now(), current_job_id = null, current_model = null where id = ?",
                    worker);
        }
    }

    /** A submission's status follows its jobs: any failed → FAILED, all done → SCORED, any started → SCORING. */
    static void refreshSubmission(Connection c, long submissionId, String note) throws SQLException {
        update(c, """
                with target as (
                    select s.id, case
                        when exists (select 1 from scoring_job where submission_id = s.id and status = 'FAILED') then 'FAILED'
                        when not exists (select 1 from scoring_job where submission_id = s.id and status <> 'DONE') then 'SCORED'
                        when exists (select 1 from scoring_job where submission_id = s.id and status in ('RUNNING', 'DONE'))
                            then 'SCORING'
                        else 'QUEUED' end as next
                    from submission s where s.id = ? and s.status in ('QUEUED', 'SCORING', 'FAILED')),
                changed as (
                    update submission s set status = t.next, updated_at = now()
                    from target t where s.id = t.id and s.status <> t.next
                    returning s.id, s.status)
                insert into submission_event (submission_id, status, note) select id, status, ? from changed""",
                submissionId, note);
    }

    private static void endAttempt(Connection c, ClaimedJob job, String outcome, String error) throws SQLException {
        update(c, "update scoring_job_attempt set outcome = ?, ended_at = now(), error = ? where job_id = ? and attempt = ?",
                outcome, error, job.id(), job.attempt());
    }

    /** Work done in one transaction that holds the job's row, and only while this worker still holds the job. */
    public interface FencedWork {
        void run(Connection c) throws SQLException;
    }

    /** Runs {@code work} fenced; false (and nothing written) when the job is no longer this worker's. */
    public boolean inFencedTransaction(ClaimedJob job, String worker, FencedWork work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!holds(c, job, worker)) {
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

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}
