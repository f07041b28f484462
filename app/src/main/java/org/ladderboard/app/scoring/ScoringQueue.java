package org.ladderboard.app.scoring;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the scoring queue's jobs for the submission page. Jobs are created and changed only through
 * {@link ScoringControl} (the web app) and the workers, both by the queue's own statements; docs/database.md is the
 * contract.
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
