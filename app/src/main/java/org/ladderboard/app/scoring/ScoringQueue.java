package org.ladderboard.app.scoring;

import java.util.List;

import org.ladderboard.ladder.Ladder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The web app's side of the scoring queue: one job per (submission, ladder model). The worker claims, leases and
 * finishes them; docs/database.md is the contract between the two.
 */
@Repository
public class ScoringQueue {

    /** A job as the submission page shows it. */
    public record Job(long id, String ladder, String model, long modelParameters, String status, int attempt,
                      int examplesDone, int examplesTotal, String errorMessage) {

        public int percentDone() {
            return examplesTotal == 0 ? 0 : (int) (100L * examplesDone / examplesTotal);
        }
    }

    private final JdbcClient jdbc;

    public ScoringQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Enqueues every model of every ladder; returns how many jobs were created. Idempotent per model. */
    public int enqueue(long submissionId, List<Ladder> ladders, int examples) {
        int created = 0;
        for (Ladder ladder : ladders) {
            for (Ladder.Rung model : ladder.rungs()) {
                created += jdbc.sql("""
                                insert into scoring_job (submission_id, ladder, model, model_parameters, examples_total)
                                values (?, ?, ?, ?, ?) on conflict (submission_id, ladder, model) do nothing""")
                        .params(submissionId, ladder.name(), model.name(), model.parameters(), examples)
                        .update();
            }
        }
        return created;
    }

    public List<Job> jobsOf(long submissionId) {
        return jdbc.sql("""
                        select id, ladder, model, model_parameters, status, attempt, examples_done, examples_total, error_message
                        from scoring_job where submission_id = ? order by ladder, model_parameters""")
                .param(submissionId)
                .query((rs, n) -> new Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9)))
                .list();
    }
}
