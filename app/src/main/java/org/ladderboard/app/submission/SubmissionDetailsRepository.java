package org.ladderboard.app.submission;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** What the submission page reads besides the submission itself: its parts, warnings and history. */
@Repository
class SubmissionDetailsRepository {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Integer>> INTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    SubmissionDetailsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SubmissionDetails.Part> parts(long id) {
        return jdbc.sql("select name, file_name, format, example_count, sha256, bytes from submission_part "
                        + "where submission_id = ? order by position")
                .param(id)
                .query((rs, n) -> new SubmissionDetails.Part(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getLong(6)))
                .list();
    }

    List<SubmissionDetails.Warning> warnings(long id) {
        return jdbc.sql("select code, part, row_number, line_number, column_name, message, hint, count, rows "
                        + "from validation_finding where submission_id = ? order by id")
                .param(id)
                .query((rs, n) -> new SubmissionDetails.Warning(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        JSON.readValue(rs.getString(9), INTS)))
                .list();
    }

    List<SubmissionDetails.Event> history(long id) {
        return jdbc.sql("select status, note, at from submission_event where submission_id = ? order by id")
                .param(id)
                .query((rs, n) -> new SubmissionDetails.Event(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
