package org.ladderboard.app.submission;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.StorableText;
import org.ladderboard.validation.Finding;
import org.ladderboard.validation.ParsedPart;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk side of a submission, written with plain JDBC inside the caller's transaction: raw part bytes, thousands
 * of example rows in batches, the warnings, the status history and upload attempts.
 */
@Repository
class SubmissionStorage {

    private static final int BATCH = 1000;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SubmissionStorage(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insertPart(long submissionId, int position, ParsedPart part) {
        var s = part.summary();
        return jdbc.sql("""
                        insert into submission_part (submission_id, position, name, file_name, format, sha256, bytes,
                                                     example_count, columns, content)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) returning id""")
                .params(submissionId, position, s.name(), s.fileName(), s.format(), s.sha256(), s.bytes(), s.rows(),
                        JSON.writeValueAsString(s.columns()), part.raw())
                .query(Long.class).single();
    }

    /** Inserts the part's examples; {@code firstPosition} is their 0-based index over the whole submission. */
    void insertExamples(long submissionId, long partId, int firstPosition, List<Example> examples) {
        String sql = """
                insert into example (submission_id, part_id, position, row_number, line_number, prompt, other_prompt,
                                     classes, answer_index, completion, extra)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb)""";
        for (int from = 0; from < examples.size(); from += BATCH) {
            List<Example> batch = examples.subList(from, Math.min(examples.size(), from + BATCH));
            int offset = firstPosition + from;
            template.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Example e = batch.get(i);
                    // the validator's rule, once more where the text is written: the two cannot disagree
                    StorableText.require("row " + e.row() + " of part " + e.part(),
                            java.util.Arrays.asList(e.prompt(), e.otherPrompt(), e.completion(), e.classes(), e.extra()));
                    ps.setLong(1, submissionId);
                    ps.setLong(2, partId);
                    ps.setInt(3, offset + i);
                    ps.setInt(4, e.row());
                    ps.setInt(5, e.line());
                    ps.setString(6, e.prompt());
                    ps.setString(7, e.otherPrompt());
                    ps.setString(8, e.classes() == null ? null : JSON.writeValueAsString(e.classes()));
                    if (e.answerIndex() == null) {
                        ps.setNull(9, Types.INTEGER);
                    } else {
                        ps.setInt(9, e.answerIndex());
                    }
                    ps.setString(10, e.completion());
                    ps.setString(11, JSON.writeValueAsString(e.extra()));
                }

                @Override
                public int getBatchSize() {
                    return batch.size();
                }
            });
        }
    }

    void insertWarnings(long submissionId, List<Finding> warnings) {
        for (Finding w : warnings) {
            jdbc.sql("""
                            insert into validation_finding (submission_id, code, part, row_number, line_number, column_name,
                                                            message, hint, count, rows)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                    .params(submissionId, w.code(), w.part(), w.row(), w.line(), w.column(), w.message(), w.hint(),
                            w.count(), JSON.writeValueAsString(w.rows()))
                    .update();
        }
    }

    void recordEvent(long submissionId, SubmissionStatus status, String note, Long actorId) {
        jdbc.sql("insert into submission_event (submission_id, status, note, actor_id) values (?, ?, ?, ?)")
                .params(submissionId, status.name(), note, actorId).update();
    }

    void recordAttempt(long accountId, long roundId, String fileName, int errorCount, boolean accepted) {
        jdbc.sql("insert into upload_attempt (account_id, round_id, file_name, error_count, accepted) values (?, ?, ?, ?, ?)")
                .params(accountId, roundId, fileName.length() > 255 ? fileName.substring(0, 255) : fileName, errorCount, accepted)
                .update();
    }
}
