package org.ladderboard.app.export;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.round.Round;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Exports that may be big run in the background: the organizer starts one, the file is written into the database
 * when ready, and downloaded from the exports page. A restart fails any export it interrupted.
 */
@Service
public class ExportJobs implements ApplicationRunner {

    public record Job(long id, long roundId, String kind, String status, String requestedBy, Long bytes, String error,
                      Instant createdAt, Instant finishedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

    private final JdbcClient jdbc;
    private final Exports exports;
    private final TaskExecutor executor;

    public ExportJobs(JdbcClient jdbc, Exports exports,
                      @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.jdbc = jdbc;
        this.exports = exports;
        this.executor = executor;
    }

    @Override
    public void run(ApplicationArguments args) {
        int stale = jdbc.sql("update export_job set status = 'FAILED', error = 'interrupted by a restart', finished_at = now() "
                + "where status in ('QUEUED', 'RUNNING')").update();
        if (stale > 0) {
            log.warn("{} export(s) were interrupted by the restart", stale);
        }
    }

    public long start(Round round, String kind, Account organizer) {
        if (!Exports.KINDS.contains(kind)) {
            throw new IllegalArgumentException("no export " + kind);
        }
        long id = jdbc.sql("insert into export_job (round_id, kind, status, requested_by) values (?, ?, 'QUEUED', ?) returning id")
                .params(round.getId(), kind, organizer.getId()).query(Long.class).single();
        executor.execute(() -> build(id, round, kind));
        return id;
    }

    private void build(long id, Round round, String kind) {
        jdbc.sql("update export_job set status = 'RUNNING' where id = ?").param(id).update();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exports.write(kind, round, out);
            byte[] bytes = out.toByteArray();
            jdbc.sql("update export_job set status = 'READY', content = ?, bytes = ?, finished_at = now() where id = ?")
                    .params(bytes, bytes.length, id).update();
        } catch (Exception e) {
            log.warn("Export {} failed", id, e);
            jdbc.sql("update export_job set status = 'FAILED', error = ?, finished_at = now() where id = ?")
                    .params(String.valueOf(e.getMessage()), id).update();
        }
    }

    public List<Job> latest() {
        return jdbc.sql("""
                        select j.id, j.round_id, j.kind, j.status, a.email, j.bytes, j.error, j.created_at, j.finished_at
                        from export_job j join account a on a.id = j.requested_by order by j.id desc limit 100""")
                .query((rs, n) -> new Job(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Long) rs.getObject(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** The finished file and its kind, if the export is ready. */
    public Optional<Object[]> file(long id) {
        return jdbc.sql("select kind, content from export_job where id = ? and status = 'READY'").param(id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)}).optional();
    }
}
