package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.ladder.Ladder;

/**
 * Whatever goes wrong with a job — the data, the engine, the database refusing its scores, the database's disk —
 * it never sits in RUNNING without progress longer than its lease allows, it ends FAILED with a reason the
 * contestant can read, and the worker goes on to score the next submission.
 */
class NoJobLeftRunningTest {

    private static final int LEASE_SECONDS = 2;
    private static final int HEARTBEAT_MS = 300;

    private QueueFixture fixture;
    private ScoringWorker worker;
    private Thread thread;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
    /** When each running (job, attempt, examples done) was first seen, and the longest any of them lasted. */
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final AtomicLong longestStallMillis = new AtomicLong();

    @BeforeEach
    void database() throws Exception {
        fixture = new QueueFixture();
    }

    @AfterEach
    void stop() throws Exception {
        watcher.shutdownNow();
        if (worker != null) {
            worker.stop();
            thread.join(30_000);
        }
        fixture.close();
    }

    /** The real engine, except on rows whose prompt names a failure: then that failure. */
    private static ScoringEngine failingOnMarkedRows() {
        DjlScoringEngine real = QueueFixture.engine();
        return new ScoringEngine() {
            @Override
            public List<ExampleResult> score(Ladder.Rung rung, TaskType type, List<Example> examples,
                                             BooleanSupplier cancelled) throws Exception {
                List<String> prompts = examples.stream().map(Example::prompt).toList();
                if (prompts.contains("DATA")) {
                    throw new DataException("row 11 has no usable class");
                }
                if (prompts.contains("CRASH")) {
                    throw new IllegalStateException("the tokenizer crashed on row 11");
                }
                if (prompts.contains("OUT-OF-MEMORY")) {
                    throw new OutOfMemoryError("Java heap space");
                }
                List<ExampleResult> results = real.score(rung, type, examples, cancelled);
                if (prompts.contains("NUL")) {
                    // a zero byte quoted from a row: PostgreSQL text cannot hold it (SQLSTATE 22021)
                    ExampleResult r = results.get(prompts.indexOf("NUL"));
                    results = new java.util.ArrayList<>(results);
                    results.set(r.index(), new ExampleResult(r.index(), null, null, null, null, null, null, null, null,
                            null, false, false, "cannot tokenize \u0000"));
                }
                return results;
            }

            @Override
            public double lastLoadSeconds() {
                return real.lastLoadSeconds();
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    /** The database itself refuses one submission's scores: as a fault of its own (P0001), or with a full disk (53100). */
    private void refuseScores(long internalFault, long diskFull) throws Exception {
        try (Connection c = fixture.db.getConnection(); Statement st = c.createStatement()) {
            st.execute("""
                    create function refuse_scores() returns trigger language plpgsql as $$
                    begin
                        if new.submission_id = %d then
                            raise exception 'scores of this submission are refused' using errcode = 'P0001';
                        end if;
                        if new.submission_id = %d then
                            raise exception 'could not extend file: No space left on device' using errcode = '53100';
                        end if;
                        return new;
                    end $$""".formatted(internalFault, diskFull));
            st.execute("create trigger refuse_scores before insert on example_score for each row execute function refuse_scores()");
        }
    }

    private void watchForStalls() {
        watcher.scheduleAtFixedRate(() -> {
            try {
                long now = System.currentTimeMillis();
                for (String running : fixture.strings("""
                        select id || '/' || attempt || '/' || examples_done from scoring_job where status = 'RUNNING'""")) {
                    long since = firstSeen.computeIfAbsent(running, k -> now);
                    longestStallMillis.accumulateAndGet(now - since, Math::max);
                }
            } catch (Exception e) {
                // a failed sample is just a missed sample
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
    }

    @Test
    void everyFailureEndsTheJobWithItsReasonWithinTheLease() throws Exception {
        long data = fixture.submission(20, List.of("micro-40k"), "DATA");
        long crash = fixture.submission(20, List.of("micro-40k"), "CRASH");
        long outOfMemory = fixture.submission(20, List.of("micro-40k"), "OUT-OF-MEMORY");
        long zeroByte = fixture.submission(20, List.of("micro-40k"), "NUL");
        long refused = fixture.submission(20, List.of("micro-40k"), null);
        long diskFull = fixture.submission(20, List.of("micro-40k"), null);
        long good = fixture.submission(20, List.of("micro-40k"), null);
        refuseScores(refused, diskFull);
        watchForStalls();

        worker = fixture.worker("w", failingOnMarkedRows(), LEASE_SECONDS, HEARTBEAT_MS, 10);
        thread = new Thread(worker, "w");
        thread.start();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                fixture.count("select count(*) from scoring_job where status in ('QUEUED', 'RUNNING')") == 0);

        assertThat(longestStallMillis.get()).as("longest time a running job made no progress, ms")
                .isLessThan(LEASE_SECONDS * 1000L + 3 * HEARTBEAT_MS + 2_000);
        assertThat(thread.isAlive()).as("the worker survived every failure").isTrue();
        assertThat(reason(data)).isEqualTo("DATA after 1: row 11 has no usable class");
        assertThat(reason(crash)).isEqualTo("INFRASTRUCTURE after 3: the tokenizer crashed on row 11");
        assertThat(reason(outOfMemory)).isEqualTo("INFRASTRUCTURE after 3: Java heap space");
        assertThat(reason(zeroByte)).startsWith("DATA after 1: the scores could not be stored: ").contains("SQLSTATE 22");
        assertThat(reason(refused)).isEqualTo("INTERNAL after 1: the scores could not be stored: "
                + "scores of this submission are refused\n  Where: PL/pgSQL function refuse_scores() line 4 at RAISE "
                + "(SQLSTATE P0001)");
        assertThat(reason(diskFull)).startsWith("INFRASTRUCTURE after ").contains("stopped answering");
        assertThat(fixture.strings("select status from submission where id in (?, ?, ?, ?, ?, ?, ?) order by id",
                data, crash, outOfMemory, zeroByte, refused, diskFull, good))
                .containsExactly("FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "SCORED");
        assertThat(fixture.count("select count(*) from scoring_job_attempt where ended_at is null"))
                .as("every attempt ended").isZero();
    }

    /** The real engine, except that a batch holding the row "HANG" never finishes until the worker gives it up. */
    private static ScoringEngine hangingOnMarkedRow() {
        DjlScoringEngine real = QueueFixture.engine();
        return new ScoringEngine() {
            @Override
            public List<ExampleResult> score(Ladder.Rung rung, TaskType type, List<Example> examples,
                                             BooleanSupplier cancelled) throws Exception {
                if (examples.stream().anyMatch(e -> e.prompt().equals("HANG"))) {
                    await().forever().pollInterval(Duration.ofMillis(50)).until(cancelled::getAsBoolean);
                    throw new java.util.concurrent.CancellationException("given up");
                }
                return real.score(rung, type, examples, cancelled);
            }

            @Override
            public double lastLoadSeconds() {
                return real.lastLoadSeconds();
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    @Test
    void aHungEngineCannotHoldAJobWithHeartbeatsAlone() throws Exception {
        long hung = fixture.submission(20, List.of("micro-40k"), "HANG");
        long good = fixture.submission(20, List.of("micro-40k"), null);
        Duration stallLimit = Duration.ofSeconds(3);
        watchForStalls();
        worker = new ScoringWorker(fixture.db, List.of(QueueFixture.MICRO), hangingOnMarkedRow(),
                new ScoringWorker.Settings("w", "test-host", LEASE_SECONDS, Duration.ofMillis(HEARTBEAT_MS), 10, 0,
                        Duration.ofMillis(100), stallLimit));
        thread = new Thread(worker, "w");
        thread.start();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                fixture.count("select count(*) from scoring_job where status in ('QUEUED', 'RUNNING')") == 0);

        assertThat(longestStallMillis.get()).as("longest time a running job made no progress, ms")
                .isLessThan(stallLimit.toMillis() + LEASE_SECONDS * 1000L + 3 * HEARTBEAT_MS + 2_000);
        assertThat(reason(hung)).startsWith("INFRASTRUCTURE after ").contains("stopped answering");
        assertThat(fixture.strings("select status from submission where id in (?, ?) order by id", hung, good))
                .containsExactly("FAILED", "SCORED");
    }

    private String reason(long submission) throws Exception {
        return fixture.strings("select error_kind || ' after ' || attempt || ': ' || error_message from scoring_job "
                + "where submission_id = ?", submission).get(0);
    }
}
