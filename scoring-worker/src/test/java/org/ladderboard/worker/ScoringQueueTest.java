package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ladderboard.worker.QueueFixture.quietly;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.TaskType;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.ladder.Ladder;
import org.ladderboard.queue.JobQueue;

/**
 * The queue under the failures it exists for, on a real PostgreSQL with the real micro ladder: parallel workers,
 * a worker killed mid-job, a database restart, a poison dataset, cancellation. Every example must end up scored
 * exactly once per model.
 */
class ScoringQueueTest {

    private QueueFixture fixture;
    private final List<ScoringWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @BeforeEach
    void database() throws Exception {
        fixture = new QueueFixture();
    }

    @AfterEach
    void stop() throws Exception {
        workers.forEach(ScoringWorker::stop);
        for (Thread t : threads) {
            t.join(30_000);
        }
        fixture.close();
    }

    private ScoringWorker start(String id, ScoringEngine engine, int leaseSeconds, int heartbeatMs, int chunk) {
        ScoringWorker worker = fixture.worker(id, engine, leaseSeconds, heartbeatMs, chunk);
        Thread thread = new Thread(worker, id);
        thread.start();
        workers.add(worker);
        threads.add(thread);
        return worker;
    }

    private Callable<Boolean> jobsIn(String status, long expected) {
        return quietly(() -> fixture.count("select count(*) from scoring_job where status = ?", status) == expected);
    }

    private void assertEveryExampleScoredOnce(long submission, int examples, int models) throws Exception {
        assertThat(fixture.count("select count(*) from example_score where submission_id = ?", submission))
                .isEqualTo((long) examples * models);
        assertThat(fixture.count("""
                select count(*) from example e where e.submission_id = ?
                  and (select count(*) from example_score s where s.example_id = e.id) <> ?""", submission, models)).isZero();
    }

    @Test
    void threeWorkersDrainFiftyJobsScoringEveryExampleExactlyOnce() throws Exception {
        List<Long> submissions = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            submissions.add(fixture.submission(12, List.of("micro-40k", "micro-100k"), null));
        }
        for (int w = 0; w < 3; w++) {
            start("worker-" + w, QueueFixture.engine(), 30, 500, 5);
        }
        await("50 jobs done").atMost(Duration.ofSeconds(120)).until(jobsIn("DONE", 50));
        for (long s : submissions) {
            assertEveryExampleScoredOnce(s, 12, 2);
        }
        assertThat(fixture.count("select count(*) from model_result")).isEqualTo(50);
        assertThat(fixture.count("select count(*) from submission where status = 'SCORED'")).isEqualTo(25);
        assertThat(fixture.count("select count(distinct worker) from scoring_job_attempt")).as("work was shared").isGreaterThan(1);
        assertThat(fixture.strings("select status from submission_event where submission_id = ? order by id", submissions.get(0)))
                .containsExactly("SCORING", "SCORED");
        // the aggregates are the mean of the stored per-example scores
        assertThat(fixture.count("""
                select count(*) from model_result r where abs(r.mean_loss - (select avg(loss) from example_score s
                    where s.submission_id = r.submission_id and s.model = r.model)) > 1e-12""")).isZero();
    }

    @Test
    void aWorkerKilledMidJobLosesNothingAndDuplicatesNothing(@TempDir Path tmp) throws Exception {
        int n = 1500;
        long submission = fixture.submission(n, List.of("micro-1m"), null);
        Path ladders = QueueFixture.laddersFile(tmp, List.of("micro-1m"));
        Process child = fixture.workerProcess(ladders, 3, 500, 10);
        try {
            await("the child worker to score some examples").atMost(Duration.ofSeconds(90)).until(quietly(() -> fixture.count("select count(*) from example_score") >= 100));
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        long before = fixture.count("select count(*) from example_score");
        assertThat(before).isLessThan(n);

        start("survivor", QueueFixture.engine(), 3, 500, 50);
        // 1,400 examples on the largest micro model: minutes on a machine shared with other builds
        await("the job to be finished by another worker").atMost(Duration.ofSeconds(300)).until(jobsIn("DONE", 1));
        assertEveryExampleScoredOnce(submission, n, 1);
        assertThat(fixture.strings("select outcome from scoring_job_attempt order by attempt")).containsExactly("EXPIRED", "DONE");
        assertThat(fixture.strings("select distinct attempt::text from example_score order by 1")).containsExactly("1", "2");
        assertThat(fixture.count("select count(*) from example_score where attempt = 2")).isEqualTo(n - before);
    }

    @Test
    void aJobWhoseWorkersKeepDyingBeforeStoringAnythingFailsAfterFiveDeaths() throws Exception {
        fixture.submission(5, List.of("micro-40k"), null);
        JobQueue queue = new JobQueue(fixture.db);
        for (int death = 1; death <= JobQueue.SILENT_DEATHS_BEFORE_FAILING; death++) {
            assertThat(queue.claim("doomed-" + death, 1, null, null)).as("claim " + death).isPresent();
            // the worker "dies": no heartbeat, no score, until its lease has lapsed
            await("the lease to lapse").atMost(Duration.ofSeconds(10))
                    .until(() -> fixture.count("select count(*) from scoring_job where lease_expires_at < now()") == 1);
            queue.reapExpiredLeases();
            String expected = death < JobQueue.SILENT_DEATHS_BEFORE_FAILING ? "QUEUED" : "FAILED";
            assertThat(fixture.strings("select status from scoring_job")).as("after death " + death).containsExactly(expected);
        }
        assertThat(fixture.strings("select error_message from scoring_job")).containsExactly("the worker scoring it stopped answering (5 attempts)");
    }

    @Test
    void contestantsTakeTurnsWithinAModelAndALoadedModelKeepsItsWork() throws Exception {
        List<String> rungs = List.of("micro-40k", "micro-100k");
        long a1 = fixture.submission(3, rungs, null);
        long a2 = fixture.submission(3, rungs, null);
        long a3 = fixture.submission(3, rungs, null);
        long b1 = fixture.submission(3, rungs, null);
        // the first three are one contestant's, all queued before the other contestant's one
        try (var c = fixture.db.getConnection(); var ps = c.prepareStatement(
                "update submission set account_id = (select account_id from submission where id = ?) where id in (?, ?)")) {
            ps.setLong(1, a1);
            ps.setLong(2, a2);
            ps.setLong(3, a3);
            ps.executeUpdate();
        }
        JobQueue queue = new JobQueue(fixture.db);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var job = queue.claim("w", 60, null, null).orElseThrow();
            order.add(job.submissionId() + "/" + job.model());
        }
        // a worker with micro-100k loaded keeps taking micro-100k work, in turns too
        for (int i = 0; i < 2; i++) {
            var job = queue.claim("w", 60, "micro", "micro-100k").orElseThrow();
            order.add(job.submissionId() + "/" + job.model());
        }
        assertThat(order).containsExactly(a1 + "/micro-40k", b1 + "/micro-40k", a2 + "/micro-40k",
                a1 + "/micro-100k", b1 + "/micro-100k");
    }

    @Test
    void workersRideOutADatabaseRestart() throws Exception {
        long first = fixture.submission(800, List.of("micro-1m"), null);
        long second = fixture.submission(300, List.of("micro-300k"), null);
        start("a", QueueFixture.engine(), 3, 300, 20);
        start("b", QueueFixture.engine(), 3, 300, 20);
        await("scoring to start").atMost(Duration.ofSeconds(60)).until(quietly(() -> fixture.count("select count(*) from example_score") > 50));
        fixture.restartDatabase(Duration.ofSeconds(2));
        await("both jobs done after the restart").atMost(Duration.ofSeconds(120)).until(jobsIn("DONE", 2));
        assertEveryExampleScoredOnce(first, 800, 1);
        assertEveryExampleScoredOnce(second, 300, 1);
    }

    /** Throws on one marked row: an unexpected failure each attempt (retried), or a data error (not retried). */
    private static ScoringEngine failingOn(String marker, RuntimeException failure) {
        DjlScoringEngine real = QueueFixture.engine();
        return new ScoringEngine() {
            @Override
            public List<ExampleResult> score(Ladder.Rung rung, TaskType type, List<Example> examples, BooleanSupplier cancelled)
                    throws Exception {
                if (examples.stream().anyMatch(e -> e.prompt().equals(marker))) {
                    throw failure;
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
    void aPoisonDatasetFailsWithItsMessageAfterTheAttemptLimitAndDoesNotBlockTheQueue() throws Exception {
        long poison = fixture.submission(40, List.of("micro-40k"), "POISON");
        long good = fixture.submission(40, List.of("micro-40k", "micro-100k"), null);
        start("w", failingOn("POISON", new IllegalStateException("the tokenizer crashed on row 21")), 30, 300, 10);
        await("the good jobs").atMost(Duration.ofSeconds(60)).until(jobsIn("DONE", 2));
        await("the poison job to fail").atMost(Duration.ofSeconds(60)).until(jobsIn("FAILED", 1));
        assertThat(fixture.strings("select error_message from scoring_job where submission_id = ?", poison))
                .containsExactly("the tokenizer crashed on row 21");
        assertThat(fixture.strings("select outcome from scoring_job_attempt a join scoring_job j on j.id = a.job_id "
                + "where j.submission_id = ? order by a.attempt", poison)).containsExactly("RETRY", "RETRY", "FAILED");
        assertThat(fixture.strings("select status from submission where id in (?, ?) order by id", poison, good))
                .containsExactly("FAILED", "SCORED");
    }

    @Test
    void aDataErrorFailsAtOnce() throws Exception {
        long bad = fixture.submission(20, List.of("micro-40k"), "BAD");
        start("w", failingOn("BAD", new DataException("row 11 cannot be scored")), 30, 300, 10);
        await("the job to fail").atMost(Duration.ofSeconds(60)).until(jobsIn("FAILED", 1));
        assertThat(fixture.strings("select error_kind || ': ' || error_message || ' after ' || attempt from scoring_job where submission_id = ?", bad))
                .containsExactly("DATA: row 11 cannot be scored after 1");
    }

    @Test
    void cancellationStopsWorkWithinAHeartbeat() throws Exception {
        long submission = fixture.submission(3000, List.of("micro-1m"), null);
        int heartbeatMs = 300;
        start("w", QueueFixture.engine(), 10, heartbeatMs, 20);
        await("scoring to start").atMost(Duration.ofSeconds(60)).until(quietly(() -> fixture.count("select count(*) from example_score") > 40));
        try (Connection c = fixture.db.getConnection()) {
            new JobQueue(fixture.db).cancel(c, submission, "cancelled by the author");
        }
        // the worker lets go of the job at its next heartbeat, and then writes nothing more
        await("the worker to drop the job").atMost(Duration.ofSeconds(30))
                .until(() -> fixture.count("""
                        select count(*) from scoring_worker where id = 'w' and current_job_id is null
                          and heartbeat_at > (select max(ended_at) from scoring_job_attempt)""") == 1);
        long afterCancel = fixture.count("select count(*) from example_score");
        await("no score written after the cancel").during(Duration.ofMillis(5L * heartbeatMs)).atMost(Duration.ofSeconds(10))
                .until(() -> fixture.count("select count(*) from example_score") == afterCancel);
        assertThat(afterCancel).isLessThan(3000);
        assertThat(fixture.strings("select status from submission where id = ?", submission)).containsExactly("CANCELLED");
        assertThat(fixture.strings("select outcome from scoring_job_attempt")).containsExactly("CANCELLED");
    }
}
