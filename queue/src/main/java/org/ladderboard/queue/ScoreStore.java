package org.ladderboard.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.fewshot.FewShot;
import org.ladderboard.scoring.ExampleResult;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's data: the examples it still has to score (a re-claimed job resumes where the last attempt stopped) and
 * their scores, written idempotently (one row per example and model) and only while the job is still held.
 */
public final class ScoreStore {

    /** An example to score and its row id. */
    public record Pending(long exampleId, Example example) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final DataSource db;
    private final JobQueue queue;
    private final CurveStore curves;

    /** {@code curves} computes a submission's curves when its last job finishes here. */
    public ScoreStore(DataSource db, JobQueue queue, CurveStore curves) {
        this.db = db;
        this.queue = queue;
        this.curves = curves;
    }

    /**
     * Examples of the job's submission with no score yet for its ladder model and K, in file order. A K-shot job's
     * examples carry their demonstrations, drawn by {@link FewShot} from the whole submission with the job's seed, so
     * a resumed attempt scores exactly the prompts the first one did.
     */
    public List<Pending> pending(ClaimedJob job) throws SQLException {
        try (Connection c = db.getConnection()) {
            List<ExampleTable.Stored> unscored = ExampleTable.unscored(c, job.submissionId(), job.ladder(), job.model(),
                    job.shots());
            if (job.shots() == 0) {
                return unscored.stream().map(e -> new Pending(e.id(), e.example())).toList();
            }
            Set<Long> todo = unscored.stream().map(ExampleTable.Stored::id).collect(Collectors.toSet());
            List<ExampleTable.Stored> all = ExampleTable.all(c, job.submissionId());
            TaskType type = TaskType.fromId(job.taskType())
                    .orElseThrow(() -> new IllegalStateException("unknown task type '" + job.taskType() + "'"));
            List<Example> prompted = FewShot.build(all.stream().map(ExampleTable.Stored::example).toList(), type,
                    job.shots(), job.fewshotSeed() == null ? FewShot.DEFAULT_SEED : job.fewshotSeed());
            List<Pending> out = new ArrayList<>(todo.size());
            for (int i = 0; i < all.size(); i++) {
                if (todo.contains(all.get(i).id())) {
                    out.add(new Pending(all.get(i).id(), prompted.get(i)));
                }
            }
            return out;
        }
    }

    /**
     * Writes scores for {@code pending.get(result.index())}; returns false, writing nothing, when the job is no
     * longer this worker's. A score already present (from an earlier attempt) is kept.
     */
    public boolean write(ClaimedJob job, String worker, List<Pending> pending, List<ExampleResult> results) throws SQLException {
        return queue.inFencedTransaction(job, worker, c -> {
            try (PreparedStatement ps = c.prepareStatement(QueueSql.named("insert_score"))) {
                for (ExampleResult r : results) {
                    ps.setLong(1, pending.get(r.index()).exampleId());
                    ps.setString(2, job.ladder());
                    ps.setString(3, job.model());
                    ps.setLong(4, job.submissionId());
                    ps.setLong(5, job.id());
                    ps.setInt(6, job.attempt());
                    ps.setString(7, r.classLogprobs() == null ? null : JSON.writeValueAsString(r.classLogprobs()));
                    ps.setString(8, r.classTokenCounts() == null ? null : JSON.writeValueAsString(r.classTokenCounts()));
                    setDouble(ps, 9, r.loss());
                    if (r.correct() == null) {
                        ps.setNull(10, Types.BOOLEAN);
                    } else {
                        ps.setBoolean(10, r.correct());
                    }
                    setInt(ps, 11, r.predicted());
                    setDouble(ps, 12, r.totalLogprob());
                    setInt(ps, 13, r.tokenCount());
                    setDouble(ps, 14, r.logoddsDifference());
                    ps.setBoolean(15, r.truncated());
                    ps.setString(16, r.error());
                    ps.setString(17, ScoreRecord.json(r));
                    ps.setInt(18, job.shots());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /**
     * Computes the model's aggregates from every stored score and marks the job done, in one fenced transaction;
     * when that makes the submission SCORED, its curves are computed in the same transaction, so a scored submission
     * is normally never seen without them. Curves that cannot be computed do not undo the job: see
     * {@link CurveStore#storeOrLeaveToBackfill}. Standard errors are sd/√n over scored examples.
     */
    public boolean finish(ClaimedJob job, String worker, long modelParameters, Double examplesPerSecond,
                          Double modelLoadSeconds) throws SQLException {
        return queue.inFencedTransaction(job, worker, c -> {
            JobQueue.update(c, "aggregate_model", job.submissionId(), job.ladder(), job.model(), job.shots(),
                    modelParameters, job.submissionId(), job.ladder(), job.model(), job.shots());
            queue.markDone(c, job, examplesPerSecond, modelLoadSeconds);
            curves.storeOrLeaveToBackfill(c, job.submissionId());
        });
    }

    /** How many of the job's examples are scored already (by any attempt). */
    public int scored(ClaimedJob job) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = JobQueue.prepare(c, "count_scores", job.submissionId(), job.ladder(), job.model(),
                     job.shots())) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null || v.isNaN() || v.isInfinite()) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
