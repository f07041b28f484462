package org.ladderboard.worker;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.ladderboard.dataset.TaskType;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.ladder.Ladder;
import org.ladderboard.queue.ClaimedJob;
import org.ladderboard.queue.ErrorKind;
import org.ladderboard.queue.JobQueue;
import org.ladderboard.queue.ScoreStore;
import org.ladderboard.scoring.WorkerDefaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scoring worker: claims a job, streams the submission's unscored examples through the job's model in chunks,
 * writes each chunk's scores under its lease, and finishes with the model's aggregates. A heartbeat thread renews the
 * lease and publishes progress; when a heartbeat finds the job gone (cancelled, or taken over after an expired lease)
 * the worker drops it at the next batch. {@link #stop()} finishes the current chunk and hands the job back.
 */
public final class ScoringWorker implements Runnable {

    /**
     * @param leaseSeconds   how long a claim lasts without a heartbeat
     * @param heartbeat      how often the lease is renewed (well under the lease) and progress published
     * @param chunkSize      examples scored and written together; a crash loses at most one chunk of work
     * @param backoffSeconds first retry delay after an infrastructure error, doubling per attempt
     * @param idlePoll       how long to wait when the queue is empty
     * @param stallLimit     how long a job may go without a chunk stored (the model load included) before the worker
     *                       lets its lease lapse, so a hung engine cannot hold a job with heartbeats alone
     */
    public record Settings(String id, String host, int leaseSeconds, Duration heartbeat, int chunkSize,
                           int backoffSeconds, Duration idlePoll, Duration stallLimit) {

        public static final Duration DEFAULT_STALL_LIMIT = Duration.ofSeconds(WorkerDefaults.STALL_SECONDS);

        public Settings(String id, String host, int leaseSeconds, Duration heartbeat, int chunkSize, int backoffSeconds,
                        Duration idlePoll) {
            this(id, host, leaseSeconds, heartbeat, chunkSize, backoffSeconds, idlePoll, DEFAULT_STALL_LIMIT);
        }

        public static Settings defaults(String id, String host) {
            return new Settings(id, host, 60, Duration.ofSeconds(10), 256, 10, Duration.ofSeconds(2));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ScoringWorker.class);

    private final JobQueue queue;
    private final ScoreStore scores;
    private final Map<String, Ladder> ladders;
    private final ScoringEngine engine;
    private final Settings settings;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Ladder.Rung currentRung;
    private volatile String currentLadder;

    public ScoringWorker(DataSource db, List<Ladder> ladders, ScoringEngine engine, Settings settings) {
        this.queue = new JobQueue(db);
        this.scores = new ScoreStore(db, queue, new org.ladderboard.queue.CurveStore(ladders));
        this.ladders = ladders.stream().collect(java.util.stream.Collectors.toMap(Ladder::name, l -> l));
        this.engine = engine;
        this.settings = settings;
    }

    /** Asks the worker to finish its current chunk, hand its job back and return from {@link #run()}. */
    public void stop() {
        stopping.set(true);
    }

    @Override
    public void run() {
        log.info("Scoring worker {} started", settings.id());
        try {
            engine.warmUp();
        } catch (RuntimeException e) {
            log.warn("The scoring engine did not start ({}); jobs will report it", e.toString());
        }
        while (!stopping.get()) {
            try {
                queue.workerHeartbeat(settings.id(), settings.host(), null, null, null);
                queue.reapExpiredLeases();
                Optional<ClaimedJob> job = currentRung == null ? Optional.empty()
                        : queue.claim(settings.id(), settings.leaseSeconds(), currentLadder, currentRung.name());
                if (job.isEmpty()) {
                    job = queue.claim(settings.id(), settings.leaseSeconds(), null, null);
                }
                if (job.isPresent()) {
                    process(job.get());
                } else {
                    sleep(settings.idlePoll());
                }
            } catch (SQLException e) {
                if (ErrorKind.of(e) == ErrorKind.INFRASTRUCTURE) {
                    // the database is away (restart, network): keep trying; leases we held expire and are re-queued
                    log.warn("Database unavailable ({}, SQLSTATE {}); retrying", e.getMessage(), ErrorKind.sqlState(e));
                } else {
                    log.error("Queue statement failed (SQLSTATE {})", ErrorKind.sqlState(e), e);
                }
                sleep(settings.idlePoll());
            } catch (RuntimeException | Error e) {
                // the loop outlives any one failure: a dead worker thread would leave the queue unserved
                log.error("Unexpected error in the worker loop", e);
                sleep(settings.idlePoll());
            }
        }
        try {
            queue.workerStopped(settings.id());
        } catch (SQLException e) {
            log.warn("Could not record the worker's stop: {}", e.getMessage());
        }
        engine.close();
        log.info("Scoring worker {} stopped", settings.id());
    }

    private void process(ClaimedJob job) throws SQLException {
        Ladder ladder = ladders.get(job.ladder());
        Ladder.Rung rung = ladder == null ? null
                : ladder.rungs().stream().filter(r -> r.name().equals(job.model())).findFirst().orElse(null);
        if (rung == null) {
            queue.retryOrFail(job, settings.id(), "this worker has no model " + job.ladder() + "/" + job.model()
                    + " configured", settings.backoffSeconds());
            return;
        }
        AtomicBoolean lost = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        double[] rate = {Double.NaN};
        Double[] loadSeconds = {null};
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heartbeat-" + settings.id());
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> {
            try {
                if (System.nanoTime() - lastProgress.get() > settings.stallLimit().toNanos()) {
                    // a hung engine: stop renewing, so the lease lapses and the reaper takes the job back
                    if (!lost.getAndSet(true)) {
                        log.warn("Job {} stored nothing for {}; letting its lease lapse", job.id(), settings.stallLimit());
                    }
                    queue.reapExpiredLeases();
                    return;
                }
                Double perSecond = Double.isNaN(rate[0]) ? null : rate[0];
                if (!queue.heartbeat(job, settings.id(), settings.leaseSeconds(), done.get(), perSecond, loadSeconds[0])) {
                    lost.set(true);
                }
                queue.workerHeartbeat(settings.id(), settings.host(), job.id(), job.model(), perSecond);
                // a busy worker still frees the jobs of dead ones, so none waits for an idle worker to be re-queued
                queue.reapExpiredLeases();
            } catch (SQLException | RuntimeException e) {
                // a scheduled task that throws is never run again: the lease would lapse while the work goes on
                log.warn("Heartbeat for job {} failed: {}", job.id(), e.getMessage());
            }
        }, settings.heartbeat().toMillis(), settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        try {
            done.set(scores.scored(job));
            TaskType taskType = TaskType.fromId(job.taskType())
                    .orElseThrow(() -> new DataException("unknown task type '" + job.taskType() + "'"));
            List<ScoreStore.Pending> pending = scores.pending(job);
            long started = System.nanoTime();
            int scoredHere = 0;
            for (int from = 0; from < pending.size(); from += settings.chunkSize()) {
                if (lost.get()) {
                    log.info("Job {} is no longer ours (cancelled or taken over); dropping it", job.id());
                    return;
                }
                if (stopping.get()) {
                    queue.release(job, settings.id());
                    return;
                }
                List<ScoreStore.Pending> chunk = pending.subList(from, Math.min(pending.size(), from + settings.chunkSize()));
                List<ExampleResult> results = engine.score(rung, taskType, chunk.stream().map(ScoreStore.Pending::example).toList(),
                        lost::get);
                if (loadSeconds[0] == null) {
                    loadSeconds[0] = engine.lastLoadSeconds();
                    currentRung = rung;
                    currentLadder = job.ladder();
                }
                if (!scores.write(job, settings.id(), chunk, results)) {
                    log.info("Job {} was taken away while scoring; its scores were not written", job.id());
                    return;
                }
                scoredHere += chunk.size();
                done.addAndGet(chunk.size());
                lastProgress.set(System.nanoTime());
                rate[0] = scoredHere / ((System.nanoTime() - started) / 1e9);
            }
            if (!scores.finish(job, settings.id(), rung.parameters(), Double.isNaN(rate[0]) ? null : rate[0], loadSeconds[0])) {
                log.info("Job {} was taken away before it finished", job.id());
            }
        } catch (CancellationException e) {
            log.info("Job {} stopped: no longer ours", job.id());
        } catch (DataException e) {
            queue.fail(job, settings.id(), ErrorKind.DATA, e.getMessage());
        } catch (SQLException e) {
            ErrorKind kind = ErrorKind.of(e);
            if (kind == ErrorKind.INFRASTRUCTURE) {
                // nothing can be written now; the lease lapses and the reaper re-queues the job (docs/reliability.md)
                throw e;
            }
            log.warn("Job {} attempt {} failed on the database (SQLSTATE {}): {}", job.id(), job.attempt(),
                    ErrorKind.sqlState(e), e.getMessage());
            queue.fail(job, settings.id(), kind, storageFailure(e));
        } catch (Exception | Error e) {
            // an engine failure (a crash, out of memory) may be this machine's: retried until the attempts run out
            log.warn("Job {} attempt {} failed: {}", job.id(), job.attempt(), e.toString());
            currentRung = null;
            engine.close();
            queue.retryOrFail(job, settings.id(), describe(e), settings.backoffSeconds());
        } finally {
            heartbeat.shutdownNow();
        }
    }

    /** A database refusal of this job's scores, as the contestant reads it. */
    private static String storageFailure(SQLException e) {
        // a batch's own message repeats the statement; the server's error is the next one
        SQLException server = e.getNextException() != null ? e.getNextException() : e;
        String message = server.getMessage() == null ? server.getClass().getSimpleName()
                : server.getMessage().replace("ERROR: ", "");
        return describe("the scores could not be stored: " + message + " (SQLSTATE " + ErrorKind.sqlState(e) + ")");
    }

    private static String describe(Throwable e) {
        return describe(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** At most 2,000 characters, and no zero byte, which a PostgreSQL text column cannot hold. */
    private static String describe(String message) {
        String printable = message.replace("\u0000", "\\0");
        return printable.length() > 2000 ? printable.substring(0, 2000) : printable;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.set(true);
        }
    }
}
