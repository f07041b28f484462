package org.ladderboard.app.submission;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.scoring.ScoringQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Everything the submission page and {@code GET /api/submissions/{id}} show, and who may see it. */
@Service
public class SubmissionDetails {

    public record Part(String name, String fileName, String format, int rows, String sha256, long bytes) {
    }

    public record Event(String status, String note, Instant at) {
    }

    public record Warning(String code, String part, Integer row, Integer line, String column, String message,
                          String hint, int count, List<Integer> rows) {
    }

    /** One submission with its parts, warnings, history and scoring jobs. */
    public record View(Submission submission, String roundName, List<Part> parts, List<Warning> warnings,
                       List<Event> history, List<ScoringQueue.Job> jobs, boolean cancellable) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Integer>> INTS = new TypeReference<>() {
    };

    private final SubmissionRepository submissions;
    private final JdbcClient jdbc;
    private final ScoringQueue queue;

    public SubmissionDetails(SubmissionRepository submissions, JdbcClient jdbc, ScoringQueue queue) {
        this.submissions = submissions;
        this.jdbc = jdbc;
        this.queue = queue;
    }

    /** Owners see their own submissions; judges and organizers see all. Anyone else gets nothing (not a 403). */
    public static boolean maySee(Account viewer, Submission submission) {
        return viewer.getRole() != Role.CONTESTANT || submission.getAccount().getId().equals(viewer.getId());
    }

    /** The owner, or an organizer, may stop a submission's scoring. */
    public static boolean mayCancel(Account viewer, Submission submission) {
        return viewer.getRole() == Role.ORGANIZER || submission.getAccount().getId().equals(viewer.getId());
    }

    @Transactional(readOnly = true)
    public Optional<View> find(long id, Account viewer) {
        return submissions.findById(id).filter(s -> maySee(viewer, s)).map(s -> new View(s, s.getRound().getName(),
                parts(id), warnings(id), history(id), queue.jobsOf(id), s.getStatus().isActive() && mayCancel(viewer, s)));
    }

    @Transactional(readOnly = true)
    public List<Submission> mine(Account account) {
        return submissions.findByAccountOrderByCreatedAtDesc(account);
    }

    private List<Part> parts(long id) {
        return jdbc.sql("select name, file_name, format, example_count, sha256, bytes from submission_part "
                        + "where submission_id = ? order by position")
                .param(id)
                .query((rs, n) -> new Part(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getLong(6)))
                .list();
    }

    private List<Warning> warnings(long id) {
        return jdbc.sql("select code, part, row_number, line_number, column_name, message, hint, count, rows "
                        + "from validation_finding where submission_id = ? order by id")
                .param(id)
                .query((rs, n) -> new Warning(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        JSON.readValue(rs.getString(9), INTS)))
                .list();
    }

    private List<Event> history(long id) {
        return jdbc.sql("select status, note, at from submission_event where submission_id = ? order by id")
                .param(id)
                .query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
