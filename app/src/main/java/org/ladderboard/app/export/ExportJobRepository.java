package org.ladderboard.app.export;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code export_job} table: background exports, their status and, once ready, their file. */
@Repository
class ExportJobRepository {

    private final JdbcClient jdbc;

    ExportJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails every export still queued or running; how many there were. */
    int failUnfinished(String error) {
        return jdbc.sql("update export_job set status = 'FAILED', error = ?, finished_at = now() "
                + "where status in ('QUEUED', 'RUNNING')").param(error).update();
    }

    long insertQueued(long roundId, String kind, long requestedBy) {
        return jdbc.sql("insert into export_job (round_id, kind, status, requested_by) values (?, ?, 'QUEUED', ?) returning id")
                .params(roundId, kind, requestedBy).query(Long.class).single();
    }

    void markRunning(long id) {
        jdbc.sql("update export_job set status = 'RUNNING' where id = ?").param(id).update();
    }

    void markReady(long id, byte[] content) {
        jdbc.sql("update export_job set status = 'READY', content = ?, bytes = ?, finished_at = now() where id = ?")
                .params(content, content.length, id).update();
    }

    void markFailed(long id, String error) {
        jdbc.sql("update export_job set status = 'FAILED', error = ?, finished_at = now() where id = ?")
                .params(error, id).update();
    }

    private static final String JOB = """
            select j.id, j.round_id, j.kind, j.status, a.email, j.bytes, j.error, j.created_at, j.finished_at
            from export_job j join account a on a.id = j.requested_by""";

    List<ExportJobs.Job> latest(int limit) {
        return jdbc.sql(JOB + " order by j.id desc limit ?").param(limit).query(ExportJobRepository::job).list();
    }

    Optional<ExportJobs.Job> find(long id) {
        return jdbc.sql(JOB + " where j.id = ?").param(id).query(ExportJobRepository::job).optional();
    }

    private static ExportJobs.Job job(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ExportJobs.Job(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), (Long) rs.getObject(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant());
    }

    /** The finished file and its kind, if the export is ready. */
    Optional<Object[]> readyFile(long id) {
        return jdbc.sql("select kind, content from export_job where id = ? and status = 'READY'").param(id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)}).optional();
    }
}
