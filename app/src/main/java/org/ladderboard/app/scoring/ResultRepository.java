package org.ladderboard.app.scoring;

import java.util.List;
import java.util.function.Consumer;

import org.ladderboard.app.scoring.ScoringResults.ModelResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What scoring stored for a submission: {@code model_result}'s aggregates and {@code example_score}'s records. */
@Repository
class ResultRepository {

    /** One per-example score: where the example sits, the model, and the stored score record (JSON). */
    record ScoreRow(int index, String partName, int row, String ladder, String model, String record, int shots,
                    Long fewshotSeed) {
    }

    private final JdbcClient jdbc;

    ResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each model's aggregates, by ladder, then K (zero-shot first), then smallest model first. */
    List<ModelResult> results(long submissionId) {
        return jdbc.sql("""
                        select ladder, model, model_parameters, examples_scored, mean_loss, loss_stderr, accuracy,
                               accuracy_stderr, option_mass, mean_logodds, logodds_stderr, truncated, errors, shots
                        from model_result where submission_id = ? order by ladder, shots, model_parameters""")
                .param(submissionId)
                .query((rs, n) -> new ModelResult(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        (Double) rs.getObject(5), (Double) rs.getObject(6), (Double) rs.getObject(7), (Double) rs.getObject(8),
                        (Double) rs.getObject(9), (Double) rs.getObject(10), (Double) rs.getObject(11), rs.getInt(12),
                        rs.getInt(13), rs.getInt(14)))
                .list();
    }

    /** Streams every per-example score in file order, then ladder order, then K, smallest model first. */
    void forEachScore(long submissionId, Consumer<ScoreRow> each) {
        jdbc.sql("""
                        select e.position, p.name, e.row_number, s.ladder, s.model, s.record::text, s.shots, j.fewshot_seed
                        from example_score s join example e on e.id = s.example_id join submission_part p on p.id = e.part_id
                        join scoring_job j on j.id = s.job_id
                        where s.submission_id = ? order by e.position, s.ladder, s.shots, j.model_parameters""")
                .param(submissionId)
                .query(rs -> {
                    each.accept(new ScoreRow(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7), (Long) rs.getObject(8)));
                });
    }
}
