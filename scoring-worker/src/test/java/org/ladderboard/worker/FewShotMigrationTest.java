package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V16 on a database scored before few-shot sweeps: every stored job, score, aggregate and curve becomes K = 0 with
 * no seed, rounds get no sweep, and the keys then hold one row per K (a second K = 0 row is still refused).
 */
class FewShotMigrationTest {

    @Test
    void rowsScoredBeforeTheMigrationAreZeroShotAndKIsPartOfEveryKey() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").target("15").load().migrate();
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                long round = QueueFixture.id(c, "insert into round (name, opens_at, closes_at) values ('r', now(), now() + interval '1 day') returning id");
                long account = QueueFixture.id(c, "insert into account (email, display_name, password_hash, role) values ('a@t', 'A', 'x', 'CONTESTANT') returning id");
                long submission = QueueFixture.id(c, """
                        insert into submission (round_id, account_id, task_name, shots, cause, task_type, status, example_count,
                                                file_name, file_sha256, file_bytes)
                        values (?, ?, 't', 'zero-shot', 'other', 'classification', 'SCORED', 1, 'f.csv', repeat('0', 64), 0)
                        returning id""", round, account);
                long part = QueueFixture.id(c, """
                        insert into submission_part (submission_id, position, name, file_name, format, sha256, bytes,
                                                     example_count, columns, content)
                        values (?, 0, 'p', 'p.csv', 'csv', repeat('0', 64), 0, 1, '[]', ''::bytea) returning id""", submission);
                long example = QueueFixture.id(c, """
                        insert into example (submission_id, part_id, position, row_number, line_number, prompt, classes, answer_index)
                        values (?, ?, 0, 1, 2, 'q', '[" a", " b"]', 0) returning id""", submission, part);
                long job = QueueFixture.id(c, """
                        insert into scoring_job (submission_id, ladder, model, model_parameters, examples_total, status)
                        values (?, 'micro', 'm', 1, 1, 'DONE') returning id""", submission);
                QueueFixture.id(c, """
                        insert into example_score (example_id, ladder, model, submission_id, job_id, attempt, loss, record)
                        values (?, 'micro', 'm', ?, ?, 1, 0.5, '{}') returning 1""", example, submission, job);
                QueueFixture.id(c, """
                        insert into model_result (submission_id, ladder, model, model_parameters, examples_scored, errors, truncated)
                        values (?, 'micro', 'm', 1, 1, 0, 0) returning 1""", submission);
                QueueFixture.id(c, """
                        insert into ladder_curve (submission_id, ladder, view, verdict, curve) values (?, 'micro', 'loss', 'flat', '{}')
                        returning 1""", submission);
            }

            Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                assertThat(strings(c, "select fewshot_shots::text || ' ' || coalesce(fewshot_seed::text, '-') from round"))
                        .containsExactly("{} -");
                assertThat(strings(c, "select shots || ' ' || coalesce(fewshot_seed::text, '-') from scoring_job")).containsExactly("0 -");
                assertThat(strings(c, "select shots::text from example_score")).containsExactly("0");
                assertThat(strings(c, "select shots::text from model_result")).containsExactly("0");
                assertThat(strings(c, "select shots || ' ' || coalesce(unfit_model, '-') from ladder_curve")).containsExactly("0 -");

                // one row per K: a 2-shot job, score, aggregate and curve beside the zero-shot ones
                QueueFixture.id(c, """
                        insert into scoring_job (submission_id, ladder, model, model_parameters, examples_total, shots, fewshot_seed)
                        select submission_id, ladder, model, 1, 1, 2, 9 from scoring_job returning id""");
                QueueFixture.id(c, """
                        insert into example_score (example_id, ladder, model, submission_id, job_id, attempt, shots, record)
                        select s.example_id, s.ladder, s.model, s.submission_id, j.id, 1, 2, '{}' from example_score s
                        join scoring_job j on j.shots = 2 returning 1""");
                QueueFixture.id(c, """
                        insert into model_result (submission_id, ladder, model, model_parameters, examples_scored, errors, truncated, shots)
                        select submission_id, ladder, model, 1, 1, 0, 1, 2 from model_result returning 1""");
                QueueFixture.id(c, """
                        insert into ladder_curve (submission_id, ladder, view, verdict, curve, shots, unfit_model, unfit_share)
                        select submission_id, ladder, view, 'flat', '{}', 2, 'm', 1.0 from ladder_curve returning 1""");
                assertThatThrownBy(() -> QueueFixture.id(c, """
                        insert into scoring_job (submission_id, ladder, model, model_parameters, examples_total)
                        select submission_id, ladder, model, 1, 1 from scoring_job where shots = 0 returning id"""))
                        .isInstanceOf(SQLException.class).hasMessageContaining("scoring_job_submission_id_ladder_model_shots_key");
                assertThatThrownBy(() -> QueueFixture.id(c, "update round set fewshot_shots = '{0,-1}' returning id"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("round_fewshot_shots_check");
            }
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
