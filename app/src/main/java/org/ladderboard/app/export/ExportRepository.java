package org.ladderboard.app.export;

import java.util.List;

import org.ladderboard.queue.ExampleTable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the exports read: submissions with their authors, files, per-model results, examples and score records. */
@Repository
class ExportRepository {

    /** A submission as the exports list it, with its author. */
    record Task(long id, String name, String author, String email, String cause, String taskType, int examples,
                String description, String whyImportant, String whyInverse, String generation, String expertise,
                String shots, String status) {
    }

    /** One uploaded file of a submission, as it was sent. */
    record Part(String fileName, byte[] content) {
    }

    /** One model's stored score record for one example. */
    interface ScoreVisitor {
        void accept(long exampleId, String ladder, String model, int shots, String record);
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ExportRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The round's submissions (only its winners when {@code winnersOnly}), by id. */
    List<Task> tasks(long roundId, boolean winnersOnly) {
        return jdbc.sql("""
                        select s.id, s.task_name, a.display_name, a.email, s.cause, s.task_type, s.example_count, s.description,
                               s.why_important, s.why_inverse, s.generation_procedure, s.label_expertise, s.shots, s.status
                        from submission s join account a on a.id = s.account_id
                        where s.round_id = ? and (not ? or s.id in (select submission_id from winner where round_id = ?))
                        order by s.id""")
                .params(roundId, winnersOnly, roundId)
                .query((rs, n) -> new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getString(13), rs.getString(14)))
                .list();
    }

    /**
     * The submission's per-model results, smallest model first on each ladder: ladder, model, parameters, mean loss,
     * accuracy, option mass, mean log-odds difference, truncated, errors, K (the number of demonstrations).
     */
    List<Object[]> modelResults(long submissionId) {
        return jdbc.sql("""
                        select ladder, model, model_parameters, mean_loss, accuracy, option_mass, mean_logodds, truncated, errors,
                               shots
                        from model_result where submission_id = ? order by ladder, shots, model_parameters""")
                .param(submissionId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getObject(4),
                        rs.getObject(5), rs.getObject(6), rs.getObject(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)})
                .list();
    }

    List<Part> parts(long submissionId) {
        return jdbc.sql("select file_name, content from submission_part where submission_id = ? order by position")
                .param(submissionId).query((rs, n) -> new Part(rs.getString(1), rs.getBytes(2))).list();
    }

    /** The ladders the submission has scores on. */
    List<String> scoredLadders(long submissionId) {
        return jdbc.sql("select distinct ladder from example_score where submission_id = ?")
                .param(submissionId).query(String.class).list();
    }

    /** The submission's examples in order, through the queue's one reader of the {@code example} table. */
    List<ExampleTable.Stored> examples(long submissionId) {
        return template.execute((ConnectionCallback<List<ExampleTable.Stored>>) c -> ExampleTable.all(c, submissionId));
    }

    /** Every stored score record of the submission, ladder by ladder, smallest model first. */
    void forEachScore(long submissionId, ScoreVisitor visitor) {
        jdbc.sql("""
                        select s.example_id, s.ladder, s.model, s.shots, s.record::text
                        from example_score s join scoring_job j on j.id = s.job_id
                        where s.submission_id = ? order by s.ladder, s.shots, j.model_parameters""")
                .param(submissionId)
                .query(rs -> {
                    visitor.accept(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5));
                });
    }

    long roundOf(long submissionId) {
        return jdbc.sql("select round_id from submission where id = ?").param(submissionId).query(Long.class).single();
    }
}
