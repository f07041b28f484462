package org.ladderboard.app.export;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ladderboard.app.account.Account;
import org.ladderboard.app.round.Round;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.task.TaskExecutor;
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

    private final ExportJobRepository jobs;
    private final Exports exports;
    private final TaskExecutor executor;

    private final org.ladderboard.app.audit.AuditLog audit;

    ExportJobs(ExportJobRepository jobs, Exports exports,
                      @Qualifier("applicationTaskExecutor") TaskExecutor executor, org.ladderboard.app.audit.AuditLog audit) {
        this.jobs = jobs;
        this.exports = exports;
        this.executor = executor;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        int stale = jobs.failUnfinished("interrupted by a restart");
        if (stale > 0) {
            log.warn("{} export(s) were interrupted by the restart", stale);
        }
    }

    public long start(Round round, String kind, Account organizer) {
        if (!Exports.KINDS.contains(kind)) {
            throw new IllegalArgumentException("no export " + kind);
        }
        long id = jobs.insertQueued(round.getId(), kind, organizer.getId());
        audit.record(organizer, "export started", "round " + round.getId(), kind + " (export " + id + ")");
        executor.execute(() -> build(id, round, kind));
        return id;
    }

    private void build(long id, Round round, String kind) {
        jobs.markRunning(id);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exports.write(kind, round, out);
            jobs.markReady(id, out.toByteArray());
        } catch (Exception e) {
            log.warn("Export {} failed", id, e);
            jobs.markFailed(id, String.valueOf(e.getMessage()));
        }
    }

    /** The newest hundred exports, newest first. */
    public List<Job> latest() {
        return jobs.latest(100);
    }

    public Optional<Job> find(long id) {
        return jobs.find(id);
    }

    /** The finished file and its kind, if the export is ready. */
    public Optional<Object[]> file(long id) {
        return jobs.readyFile(id);
    }
}
