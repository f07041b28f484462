package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.queue.ClaimedJob;
import org.ladderboard.queue.CurveStore;
import org.ladderboard.queue.JobQueue;
import org.ladderboard.queue.ScoreStore;

/**
 * A submission's curves are computed once, by the transaction that finishes its last job and makes it SCORED: never
 * before (a half-scored submission has none) and never by a page. Scoring it again drops them until it is scored again.
 */
class CurvesWhenScoredTest {

    private QueueFixture fixture;

    @BeforeEach
    void database() throws Exception {
        fixture = new QueueFixture();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private static List<ExampleResult> results(int n, int model) {
        List<ExampleResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // the larger model is wrong more often: inverse scaling on accuracy
            boolean right = model == 0 ? i % 4 != 3 : i % 4 == 0;
            double loss = right ? 0.2 : 1.8;
            out.add(new ExampleResult(i, new double[] {-loss, -2.0}, null, new int[] {1, 1}, loss, right, right ? 0 : 1,
                    -loss, 1, null, false, false, null));
        }
        return out;
    }

    private void score(JobQueue queue, ScoreStore store, int model, int n) throws Exception {
        ClaimedJob job = queue.claim("w", 60, null, null).orElseThrow();
        assertThat(store.write(job, "w", store.pending(job), results(n, model))).isTrue();
        assertThat(store.finish(job, "w", 1, 1.0, 0.1)).isTrue();
    }

    @Test
    void theTransactionThatMakesASubmissionScoredStoresItsCurves() throws Exception {
        int n = 40;
        long submission = fixture.submission(n, List.of("micro-40k", "micro-1m"), null);
        JobQueue queue = new JobQueue(fixture.db);
        ScoreStore store = new ScoreStore(fixture.db, queue, new CurveStore(List.of(QueueFixture.MICRO)));

        score(queue, store, 0, n);
        assertThat(fixture.strings("select status from submission where id = ?", submission)).containsExactly("SCORING");
        assertThat(fixture.strings("select view from ladder_curve where submission_id = ?", submission))
                .as("no curve while models are still being scored").isEmpty();

        score(queue, store, 1, n);
        assertThat(fixture.strings("select status from submission where id = ?", submission)).containsExactly("SCORED");
        assertThat(fixture.strings("select view || ':' || verdict from ladder_curve where submission_id = ? order by view", submission))
                .as("both views of a classification task, stored with the status change")
                .hasSize(2).anySatisfy(v -> assertThat(v).startsWith("accuracy:")).anySatisfy(v -> assertThat(v).startsWith("loss:"));
        assertThat(fixture.strings("select (curves_at is not null)::text from submission where id = ?", submission))
                .containsExactly("true");
        assertThat(fixture.strings("select jsonb_array_length(curve -> 'points')::text from ladder_curve where submission_id = ? and view = 'accuracy'",
                submission)).containsExactly("2");

        try (var c = fixture.db.getConnection()) {
            assertThat(queue.rescore(c, submission, List.of(QueueFixture.MICRO), n, accountOf(submission))).isTrue();
        }
        assertThat(fixture.strings("select view from ladder_curve where submission_id = ?", submission))
                .as("scoring again drops the old curves").isEmpty();
        assertThat(fixture.strings("select (curves_at is null)::text from submission where id = ?", submission)).containsExactly("true");
    }

    @Test
    void aWorkerThatDoesNotKnowTheLadderLeavesTheCurvesToTheBackfill() throws Exception {
        int n = 40;
        long submission = fixture.submission(n, List.of("micro-40k", "micro-1m"), null);
        JobQueue queue = new JobQueue(fixture.db);
        ScoreStore store = new ScoreStore(fixture.db, queue, new CurveStore(List.of()));
        score(queue, store, 0, n);
        score(queue, store, 1, n);
        assertThat(fixture.strings("select status from submission where id = ?", submission)).containsExactly("SCORED");
        assertThat(fixture.strings("select (curves_at is null)::text from submission where id = ?", submission))
                .as("not marked computed, so the app's backfill computes them").containsExactly("true");
        try (var c = fixture.db.getConnection()) {
            c.setAutoCommit(false);
            assertThat(CurveStore.scoredWithoutCurves(c, 10)).contains(submission);
            assertThat(new CurveStore(List.of(QueueFixture.MICRO)).storeIfScored(c, submission)).isTrue();
            c.commit();
        }
        assertThat(fixture.strings("select view from ladder_curve where submission_id = ? order by view", submission))
                .containsExactly("accuracy", "loss");
    }

    private long accountOf(long submission) throws Exception {
        return Long.parseLong(fixture.strings("select account_id::text from submission where id = ?", submission).get(0));
    }

    /**
     * A curve that cannot be stored (here a trigger refuses it, as a bug or a data fault would) does not undo the job:
     * its scores and aggregates stand, the submission is SCORED with its curves still to compute, and the backfill
     * computes them once the fault is gone, skipping a submission that still fails rather than stopping at it.
     */
    @Test
    void aCurveThatCannotBeComputedLeavesTheJobDoneAndTheBackfillTriesAgain() throws Exception {
        int n = 40;
        long broken = fixture.submission(n, List.of("micro-40k", "micro-1m"), null);
        fixture.execute("""
                create function refuse_curve() returns trigger language plpgsql as $$
                begin raise exception 'curve refused for the test'; end $$""");
        fixture.execute("create trigger refuse_curve before insert on ladder_curve for each row "
                + "when (new.submission_id = " + broken + ") execute function refuse_curve()");
        JobQueue queue = new JobQueue(fixture.db);
        CurveStore curves = new CurveStore(List.of(QueueFixture.MICRO));
        ScoreStore store = new ScoreStore(fixture.db, queue, curves);
        score(queue, store, 0, n);
        score(queue, store, 1, n);
        assertThat(fixture.strings("select status from submission where id = ?", broken)).containsExactly("SCORED");
        assertThat(fixture.strings("select status from scoring_job where submission_id = ? order by id", broken))
                .containsExactly("DONE", "DONE");
        assertThat(fixture.strings("select count(*)::text from model_result where submission_id = ?", broken))
                .containsExactly("2");
        assertThat(fixture.strings("select coalesce(curves_at::text, 'none') from submission where id = ?", broken))
                .containsExactly("none");

        // another scored submission without curves: the backfill computes it although the broken one still fails
        long fine = fixture.submission(n, List.of("micro-40k", "micro-1m"), null);
        fixture.execute("update submission set status = 'SCORED' where id = " + fine);
        assertThat(curves.storeMissing(fixture.db, 10)).isEqualTo(2);
        assertThat(fixture.strings("select coalesce(curves_at::text, 'none') from submission where id = ?", broken))
                .containsExactly("none");

        fixture.execute("drop trigger refuse_curve on ladder_curve");
        curves.storeMissing(fixture.db, 10);
        assertThat(fixture.strings("select count(*)::text from ladder_curve where submission_id = ?", broken))
                .containsExactly("2");
    }
}
