package org.ladderboard.app;

import java.util.List;
import java.util.Locale;

import org.ladderboard.ladder.Ladder;
import org.ladderboard.queue.CurveStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A submission scored on the micro ladder's four models, written straight into the tables the worker fills, so a test
 * knows exactly how every model did on every example. Example {@code i} (0-based over the whole submission):
 * <ul>
 *     <li>{@code i % 4 == 0}: the smallest model right, the three larger ones wrong (gets worse with scale);</li>
 *     <li>{@code i % 4 == 1}: right on all four;</li>
 *     <li>{@code i % 4 == 2}: the smallest wrong, the larger ones right (gets better with scale);</li>
 *     <li>{@code i % 4 == 3}: wrong on all four.</li>
 * </ul>
 * Prompts read "Question i about <topic>", where the topic is "apples" for even i and "pears" for odd i. The file
 * names carry the author's name, as real uploads often do.
 */
public final class ScoredTask {

    public static final List<String> MODELS = List.of("micro-40k", "micro-100k", "micro-300k", "micro-1m");
    private static final long[] PARAMETERS = {39504, 105696, 315968, 1000576};
    private static final Ladder MICRO = new Ladder("micro", "micro", "parameters", "", java.util.stream.IntStream.range(0, 4)
            .mapToObj(m -> new Ladder.Rung(MODELS.get(m), PARAMETERS[m], null, MODELS.get(m), null)).toList());

    private ScoredTask() {
    }

    /**
     * @param parts each part's name (as the upload names it) and how many rows it has; its zip path is the part name
     *              under a folder named after {@code authorSlug}
     */
    public static long create(JdbcClient jdbc, JdbcTemplate template, long roundId, long accountId, String taskName,
                              String authorSlug, List<String> partNames, int rowsPerPart) {
        return create(jdbc, template, roundId, accountId, taskName, authorSlug, partNames, rowsPerPart,
                java.util.Map.of(0, new Shot(ScoredTask::right, false)));
    }

    /** Whether model {@code m} (0 = smallest) gets example {@code i} right. */
    public interface Pattern {
        boolean right(int i, int m);
    }

    /** How the models did at one K of a few-shot sweep, and whether every prompt was cut to fit. */
    public record Shot(Pattern pattern, boolean truncated) {
    }

    /** Accuracy falls model by model (1, 3/4, 1/2, 1/4): inverse scaling on loss and accuracy. */
    public static final Pattern INVERSE = (i, m) -> i % 4 >= m;
    /** Every model right on the same half of the examples: flat. */
    public static final Pattern FLAT = (i, m) -> i % 2 == 0;

    /**
     * A submission scored at each K of {@code shots} (0 included), as a worker stores a few-shot sweep: jobs, scores
     * and aggregates per model and K, with seed 42 on the K-shot jobs, then its curves.
     */
    public static long create(JdbcClient jdbc, JdbcTemplate template, long roundId, long accountId, String taskName,
                              String authorSlug, List<String> partNames, int rowsPerPart, java.util.Map<Integer, Shot> shots) {
        long id = jdbc.sql("""
                        insert into submission (round_id, account_id, task_name, description, why_important, why_inverse,
                                                generation_procedure, label_expertise, shots, cause, task_type, status,
                                                example_count, file_name, file_sha256, file_bytes)
                        values (?, ?, ?, 'Questions whose answers flip.', 'It matters.', 'Priors win.', 'Templated.',
                                'None.', 'zero-shot', 'strong_prior', 'classification', 'SCORED', ?, ?, repeat('0', 64), 1)
                        returning id""")
                .params(roundId, accountId, taskName, partNames.size() * rowsPerPart, authorSlug + ".zip")
                .query(Long.class).single();
        int position = 0;
        for (int p = 0; p < partNames.size(); p++) {
            long partId = jdbc.sql("""
                            insert into submission_part (submission_id, position, name, file_name, format, sha256, bytes,
                                                         example_count, columns, content)
                            values (?, ?, ?, ?, 'csv', repeat('0', 64), 1, ?, '["prompt","classes","answer_index"]', ''::bytea)
                            returning id""")
                    .params(id, p, partNames.get(p), authorSlug + "/" + partNames.get(p), rowsPerPart)
                    .query(Long.class).single();
            final int first = position;
            template.batchUpdate("""
                    insert into example (submission_id, part_id, position, row_number, line_number, prompt, classes, answer_index)
                    values (?, ?, ?, ?, ?, ?, '[" Yes", " No"]', 0)""", java.util.stream.IntStream.range(0, rowsPerPart)
                    .mapToObj(r -> new Object[] {id, partId, first + r, r + 1, r + 2,
                            "Question " + (first + r) + " about " + ((first + r) % 2 == 0 ? "apples" : "pears")})
                    .toList());
            position += rowsPerPart;
        }
        int total = position;
        for (var shot : new java.util.TreeMap<>(shots).entrySet()) {
        int k = shot.getKey();
        for (int m = 0; m < MODELS.size(); m++) {
            final int model = m;
            long job = jdbc.sql("""
                            insert into scoring_job (submission_id, ladder, model, model_parameters, status, examples_total,
                                                     examples_done, finished_at, shots, fewshot_seed)
                            values (?, 'micro', ?, ?, 'DONE', ?, ?, now() - interval '1 minute', ?, ?) returning id""")
                    .params(id, MODELS.get(m), PARAMETERS[m], total, total, k, k == 0 ? null : 42L).query(Long.class).single();
            template.batchUpdate("""
                            insert into example_score (example_id, ladder, model, submission_id, job_id, attempt, class_logprobs,
                                                       loss, correct, predicted, record, shots, truncated)
                            select e.id, 'micro', ?, ?, ?, 1, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ? from example e
                            where e.submission_id = ? and e.position = ?""",
                    java.util.stream.IntStream.range(0, total).mapToObj(i -> {
                        boolean right = shot.getValue().pattern().right(i, model);
                        double answer = right ? -0.2 : -1.8;
                        double other = right ? -1.8 : -0.2;
                        String logprobs = String.format(Locale.ROOT, "[%.1f, %.1f]", answer, other);
                        // the score record as the worker stores it (ScoreRecord): the same numbers as the columns
                        String record = String.format(Locale.ROOT,
                                "{\"class_logprobs\": %s, \"loss\": %.1f, \"correct\": %s, \"predicted\": %d, \"truncated\": false}",
                                logprobs, -answer, right, right ? 0 : 1);
                        return new Object[] {MODELS.get(model), id, job, logprobs, -answer, right, right ? 0 : 1, record, k,
                                shot.getValue().truncated(), id, i};
                    }).toList());
            jdbc.sql("""
                            insert into model_result (submission_id, ladder, model, shots, model_parameters, examples_scored, errors,
                                                      truncated, mean_loss, accuracy)
                            select ?, 'micro', ?, ?, ?, count(*), 0, count(*) filter (where truncated), avg(loss),
                                   avg(case when correct then 1.0 else 0.0 end)
                            from example_score where submission_id = ? and model = ? and shots = ?""")
                    .params(id, MODELS.get(m), k, PARAMETERS[m], id, MODELS.get(m), k).update();
        }
        }
        // and, as the worker does in the transaction that makes a submission SCORED, its curves
        template.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) c -> new CurveStore(List.of(MICRO)).storeIfScored(c, id));
        return id;
    }

    /** Whether model {@code m} (0 = smallest) gets example {@code i} right; see the class comment. */
    public static boolean right(int i, int m) {
        return switch (i % 4) {
            case 0 -> m == 0;
            case 1 -> true;
            case 2 -> m != 0;
            default -> false;
        };
    }
}
