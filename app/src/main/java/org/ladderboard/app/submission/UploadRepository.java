package org.ladderboard.app.submission;

import java.util.List;

import org.ladderboard.dataset.Example;
import org.ladderboard.validation.Finding;
import org.ladderboard.validation.ParsedPart;
import org.ladderboard.queue.ExampleTable;
import org.ladderboard.queue.SubmissionStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk side of a submission, written with plain JDBC inside the caller's transaction: raw part bytes, thousands
 * of example rows in batches (through {@link ExampleTable}, the table's one writer), the warnings, the first status
 * event and upload attempts. The submission row itself is JPA's ({@link SubmissionRepository}).
 */
@Repository
class UploadRepository {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    UploadRepository(JdbcClient jdbc, JdbcTemplate template) {
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
        template.execute((ConnectionCallback<Void>) c -> {
            ExampleTable.insert(c, submissionId, partId, firstPosition, examples);
            return null;
        });
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
