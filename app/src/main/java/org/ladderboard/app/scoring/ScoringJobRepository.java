package org.ladderboard.app.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.ladderboard.app.scoring.ScoringResults.FailedJob;
import org.ladderboard.app.scoring.ScoringResults.WorkerRow;
import org.ladderboard.ladder.Ladder;
import org.ladderboard.queue.JobQueue;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The scoring queue as the web app sees it: its tables read for the pages, and every change made by the queue's own
 * statements ({@link JobQueue}, the workers' code) on the connection of the app's current transaction.
 */
@Repository
class ScoringJobRepository {

    /** One job of a submission as stored, everything the submission page and its progress poll show. */
    record JobRow(long id, String ladder, String model, long modelParameters, String status, int attempt,
                  int examplesDone, int examplesTotal, Double examplesPerSecond, Double modelLoadSeconds,
                  String errorMessage, int shots, Long fewshotSeed) {

        /** What the time-left estimate needs of it. */
        ScoringResults.Unfinished unfinished() {
            return new ScoringResults.Unfinished(ladder, model, modelParameters, status, examplesDone, examplesTotal,
                    examplesPerSecond);
        }
    }

    /** A model's recent measured rate: the mean over its latest measured jobs. */
    record ModelRate(String ladder, String model, long modelParameters, double examplesPerSecond) {
    }

    /** A running job, for the queue page. */
    record RunningRow(long jobId, long submissionId, String taskName, String worker, ScoringResults.Unfinished job) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JobQueue queue;

    ScoringJobRepository(JdbcClient jdbc, JdbcTemplate template, DataSource db) {
        this.jdbc = jdbc;
        this.template = template;
        this.queue = new JobQueue(db);
    }

    /** A submission's jobs, by ladder, then K (zero-shot first), then smallest model first. */
    List<JobRow> jobsOf(long submissionId) {
        return jdbc.sql("""
                        select id, ladder, model, model_parameters, status, attempt, examples_done, examples_total,
                               examples_per_second, model_load_seconds, error_message, shots, fewshot_seed
                        from scoring_job where submission_id = ? order by ladder, shots, model_parameters""")
                .param(submissionId)
                .query((rs, n) -> new JobRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), (Double) rs.getObject(9),
                        (Double) rs.getObject(10), rs.getString(11), rs.getInt(12), (Long) rs.getObject(13)))
                .list();
    }

    /**
     * Each model of these ladders with a measured rate: the mean examples per second of its {@code samples} latest
     * jobs that measured one (running or done; a claim clears the rate, so a stored one is the attempt's own).
     */
    List<ModelRate> recentRates(List<String> ladders, int samples) {
        return jdbc.sql("""
                        select ladder, model, max(model_parameters), avg(examples_per_second) from (
                            select ladder, model, model_parameters, examples_per_second,
                                   row_number() over (partition by ladder, model
                                                      order by coalesce(finished_at, heartbeat_at) desc nulls last, id desc) as n
                            from scoring_job
                            where ladder in (:ladders) and examples_per_second > 0 and status in ('RUNNING', 'DONE')) r
                        where n <= :samples group by ladder, model""")
                .param("ladders", ladders)
                .param("samples", samples)
                .query((rs, n) -> new ModelRate(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4)))
                .list();
    }

    /** Every running job, oldest claim first. */
    List<RunningRow> runningJobs() {
        return jdbc.sql("""
                        select j.id, j.submission_id, s.task_name, j.lease_owner, j.ladder, j.model, j.model_parameters,
                               j.status, j.examples_done, j.examples_total, j.examples_per_second
                        from scoring_job j join submission s on s.id = j.submission_id
                        where j.status = 'RUNNING' order by j.started_at, j.id limit 200""")
                .query((rs, n) -> new RunningRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        new ScoringResults.Unfinished(rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
                                rs.getInt(9), rs.getInt(10), (Double) rs.getObject(11))))
                .list();
    }

    /** How many jobs are in each status; a status no job is in is absent. */
    Map<String, Integer> jobsByStatus() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) from scoring_job group by status")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** Workers running now or stopped within the hour, running ones first, freshest heartbeat first. */
    List<WorkerRow> workers() {
        return jdbc.sql("""
                        select id, host, heartbeat_at, extract(epoch from now() - heartbeat_at)::bigint, current_job_id,
                               current_model, examples_per_second, stopped_at is not null
                        from scoring_worker where stopped_at is null or stopped_at > now() - interval '1 hour'
                        order by stopped_at nulls first, heartbeat_at desc""")
                .query((rs, n) -> new WorkerRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4),
                        (Long) rs.getObject(5), rs.getString(6), (Double) rs.getObject(7), rs.getBoolean(8)))
                .list();
    }

    /** The 200 most recently failed jobs. */
    List<FailedJob> failedJobs() {
        return jdbc.sql("""
                        select j.id, j.submission_id, s.task_name, j.ladder, j.model, j.attempt, j.error_kind, j.error_message,
                               j.shots
                        from scoring_job j join submission s on s.id = j.submission_id
                        where j.status = 'FAILED' order by j.updated_at desc limit 200""")
                .query((rs, n) -> new FailedJob(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getInt(9)))
                .list();
    }

    int enqueue(long submissionId, List<Ladder> ladders, int examples) {
        return run(c -> queue.enqueue(c, submissionId, ladders, examples));
    }

    int cancel(long submissionId, String note) {
        return run(c -> queue.cancel(c, submissionId, note));
    }

    boolean retryFailed(long jobId) {
        return run(c -> queue.retryFailed(c, jobId));
    }

    boolean rescore(long submissionId, List<Ladder> ladders, int examples, long actorId) {
        return run(c -> queue.rescore(c, submissionId, ladders, examples, actorId));
    }

    /** After a round's few-shot sweep changed (see {@link JobQueue#applySweep}). */
    int applySweep(long roundId) {
        return run(c -> queue.applySweep(c, roundId));
    }

    private interface QueueWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** On the connection of the caller's transaction, so the queue's change commits or rolls back with it. */
    private <T> T run(QueueWork<T> work) {
        return template.execute((ConnectionCallback<T>) work::run);
    }
}
