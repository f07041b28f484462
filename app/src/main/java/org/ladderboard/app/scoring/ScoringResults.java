package org.ladderboard.app.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ladderboard.worker.queue.ScoreRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** What scoring produced for a submission: per-model aggregates, live progress, and every per-example score. */
@Repository
public class ScoringResults {

    /** One model's aggregates ({@code GET /api/submissions/{id}/results}); stderr = sd/√n. */
    public record ModelResult(String ladder, String model, long params, int examplesScored, Double meanLoss,
                              Double lossStderr, Double accuracy, Double accuracyStderr, Double optionMass,
                              Double meanLogoddsDifference, Double logoddsStderr, int truncated, int errors) {
    }

    /** One job's progress as the submission page polls it. */
    public record Progress(long jobId, String ladder, String model, String status, int attempt, int examplesDone,
                           int examplesTotal, Double examplesPerSecond, Double etaSeconds, Double modelLoadSeconds,
                           String error) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public ScoringResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ModelResult> results(long submissionId) {
        return jdbc.sql("""
                        select ladder, model, model_parameters, examples_scored, mean_loss, loss_stderr, accuracy,
                               accuracy_stderr, option_mass, mean_logodds, logodds_stderr, truncated, errors
                        from model_result where submission_id = ? order by ladder, model_parameters""")
                .param(submissionId)
                .query((rs, n) -> new ModelResult(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        (Double) rs.getObject(5), (Double) rs.getObject(6), (Double) rs.getObject(7), (Double) rs.getObject(8),
                        (Double) rs.getObject(9), (Double) rs.getObject(10), (Double) rs.getObject(11), rs.getInt(12),
                        rs.getInt(13)))
                .list();
    }

    public List<Progress> progress(long submissionId) {
        return jdbc.sql("""
                        select id, ladder, model, status, attempt, examples_done, examples_total, examples_per_second,
                               model_load_seconds, error_message
                        from scoring_job where submission_id = ? order by ladder, model_parameters""")
                .param(submissionId)
                .query((rs, n) -> {
                    Double rate = (Double) rs.getObject(8);
                    int done = rs.getInt(6);
                    int total = rs.getInt(7);
                    Double eta = rate == null || rate <= 0 || !"RUNNING".equals(rs.getString(4)) ? null : (total - done) / rate;
                    return new Progress(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), done,
                            total, rate, eta, (Double) rs.getObject(9), rs.getString(10));
                })
                .list();
    }

    /**
     * Every per-example score as JSON lines, in file order and then ladder order: the example's position, part and
     * row, the model, and its outputs (as the prize's labelled_data kept them). {@code partName} gives each part's
     * name as the reader may see it (a judge sees part labels, not file names).
     */
    public void writeScores(long submissionId, java.util.function.UnaryOperator<String> partName, Writer out) {
        jdbc.sql("""
                        select e.position, p.name, e.row_number, s.ladder, s.model, s.record::text
                        from example_score s join example e on e.id = s.example_id join submission_part p on p.id = e.part_id
                        join scoring_job j on j.submission_id = s.submission_id and j.ladder = s.ladder and j.model = s.model
                        where s.submission_id = ? order by e.position, s.ladder, j.model_parameters""")
                .param(submissionId)
                .query(rs -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("index", rs.getInt(1));
                    line.put("part", partName.apply(rs.getString(2)));
                    line.put("row", rs.getInt(3));
                    line.put("ladder", rs.getString(4));
                    line.put("model", rs.getString(5));
                    ScoreRecord.parse(rs.getString(6)).properties().forEach(f -> line.put(f.getKey(), f.getValue()));
                    try {
                        out.write(JSON.writeValueAsString(line));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** The organizer's view of the queue. */
    public record QueueView(Map<String, Integer> jobsByStatus, List<WorkerRow> workers, List<FailedJob> failed) {
    }

    public record WorkerRow(String id, String host, Instant heartbeatAt, long heartbeatAgeSeconds, Long currentJob,
                            String currentModel, Double examplesPerSecond, boolean stopped) {
    }

    public record FailedJob(long jobId, long submissionId, String taskName, String ladder, String model, int attempts,
                            String errorKind, String error) {
    }

    public QueueView queue() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String status : List.of("QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED")) {
            counts.put(status, 0);
        }
        jdbc.sql("select status, count(*) from scoring_job group by status")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        List<WorkerRow> workers = jdbc.sql("""
                        select id, host, heartbeat_at, extract(epoch from now() - heartbeat_at)::bigint, current_job_id,
                               current_model, examples_per_second, stopped_at is not null
                        from scoring_worker where stopped_at is null or stopped_at > now() - interval '1 hour'
                        order by stopped_at nulls first, heartbeat_at desc""")
                .query((rs, n) -> new WorkerRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4),
                        (Long) rs.getObject(5), rs.getString(6), (Double) rs.getObject(7), rs.getBoolean(8)))
                .list();
        List<FailedJob> failed = jdbc.sql("""
                        select j.id, j.submission_id, s.task_name, j.ladder, j.model, j.attempt, j.error_kind, j.error_message
                        from scoring_job j join submission s on s.id = j.submission_id
                        where j.status = 'FAILED' order by j.updated_at desc limit 200""")
                .query((rs, n) -> new FailedJob(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8)))
                .list();
        return new QueueView(counts, workers, failed);
    }
}
